# SPDX-License-Identifier: GPL-3.0-or-later
"""Who may do what: every control that would change what the user may not
change is insensitive and says why in its tooltip (read out as its
description); exports stay open to everyone.

A read-only file stands for a user without rights. With a PostgreSQL server
(PGHOST and the rest set), a user with only summit_reporter gets the same,
saying the role."""

import os
import subprocess
import sys
import tempfile
import time

from summit_e2e import App, check, wait_for

READ_ONLY = "This database file is read-only: nothing can be changed"
REPORTER = {
    "people": "Your role on this server (reporter) cannot change people",
    "programme": "Your role on this server (reporter) cannot change sessions or lineups",
    "editions": "Your role on this server (reporter) cannot change editions or yearly figures",
}


def refused(app, name, role, why, parent=None):
    """The control is off and its tooltip says why. role "label": the
    button that the label names."""
    node = app.find(name, role, parent=parent)
    if role == "label":
        node = node.parent
    wait_for("%s %r to say why it is off" % (role, name),
             lambda: not node.sensitive and node.description == why)


def check_controls(app, why):
    """why: what each kind of change says (people, programme, editions)."""
    # People page
    app.find("Showing 3 of 3 people", "label")
    refused(app, "Add Person", "push button", why["people"])
    refused(app, "New Edition", "push button", why["editions"])
    app.click("Select All")
    app.find("3 selected", "label")
    for name in ("Delete", "Invite", "Confirmed", "Declined", "More Statuses"):
        refused(app, name, "push button", why["people"])
    app.click("Main Menu")
    import_item = app.find("Import…", "menu item")
    export_item = app.find("Export…", "menu item")
    check(not import_item.sensitive, "Import is offered")
    check(export_item.sensitive, "Export is not offered to everyone")
    app.key("Escape")

    # The person editor opens to read; its changes are off.
    app.find("Search people", "entry").click()
    app.type("sagan")
    app.find("1 selected", "label")
    app.click("Edit")
    editor = app.window("Mariusz Sagan")
    refused(app, "Save", "push button", why["people"], parent=editor)
    refused(app, "Record", "push button", why["people"], parent=editor)
    app.key("Escape")
    app.wait_closed(editor, "the person editor")

    # Panels page: sessions and lineups
    app.find("Panels", "page tab").doActionNamed("click")
    refused(app, "New Session", "push button", why["programme"])
    app.find("Official opening", "label").click()
    refused(app, "Edit…", "label", why["programme"])
    refused(app, "Delete…", "label", why["programme"])
    # The lineup editor as a whole (its search and its list) is off.
    lineup = app.find(where=lambda n: n.roleName != "push button"
                      and n.description == why["programme"])
    check(not lineup.sensitive, "the lineup editor is on")
    app.find("Find a person to add", parent=lineup)
    check(app.find("Export or Print the Programme", "push button").sensitive,
          "the programme's export is off")

    # Statistics page: yearly figures
    app.find("Statistics", "page tab").doActionNamed("click")
    refused(app, "Add Year", "push button", why["editions"])
    table = app.find("Yearly figures table")
    wait_for("the yearly figures to be off",
             lambda: not table.sensitive and table.description == why["editions"])
    check(app.find("Export", "push button").sensitive, "the chart's export is off")


def test_read_only_file():
    tmp = tempfile.TemporaryDirectory(prefix="summit-rights-")
    database = os.path.join(tmp.name, "readonly.db")
    App(database=database).close()
    os.chmod(database, 0o444)
    app = App(database=database)
    try:
        check_controls(app, {"people": READ_ONLY, "programme": READ_ONLY, "editions": READ_ONLY})
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    tmp.cleanup()
    print("ok - read-only file: every change is off and says why; exports stay")


def psql(dbname, sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-c", sql],
                   check=True, stdout=subprocess.DEVNULL)


def count_people(dbname):
    out = subprocess.run(["psql", "-X", "-A", "-t", "-d", dbname, "-c",
                          "SELECT count(*) FROM person"],
                         check=True, capture_output=True, text=True).stdout
    return int(out.strip())


def test_reporter_on_server():
    """A user who has only summit_reporter, on a server database made (and
    seeded) by its administrator."""
    suffix = "%d_%d" % (os.getpid(), int(time.time()))
    dbname, user = "rights_" + suffix, "rep_" + suffix
    subprocess.run(["createdb", dbname], check=True)
    admin = "host=%s port=%s dbname=%s user=%s" % (
        os.environ["PGHOST"], os.environ.get("PGPORT", "5432"), dbname,
        os.environ.get("PGUSER", "postgres"))
    cli = os.environ["SUMMIT_CLI"]
    subprocess.run([cli, "--database", admin, "stats"], check=True, stdout=subprocess.DEVNULL)
    psql(dbname, "CREATE ROLE %s LOGIN PASSWORD 'x' IN ROLE summit_reporter" % user)
    reporter = "host=%s port=%s dbname=%s user=%s" % (
        os.environ["PGHOST"], os.environ.get("PGPORT", "5432"), dbname, user)
    env = dict(os.environ, PGPASSWORD="x")

    # A change the server refuses for want of a right: the engine's
    # sentence, and nothing written.
    tmp = tempfile.TemporaryDirectory(prefix="summit-rights-")
    csv = os.path.join(tmp.name, "mayors.csv")
    with open(csv, "w") as f:
        f.write("given-name,family-name,country\nAnna,Nowak,PL\n")
    before = count_people(dbname)
    done = subprocess.run([cli, "--database", reporter, "import", csv], env=env,
                          capture_output=True, text=True)
    check(done.returncode != 0, "the reporter's import succeeded")
    check("The server refused the change" in done.stderr,
          "the refusal said %r" % done.stderr)
    check(count_people(dbname) == before, "the refused import changed the people")

    app = App(database=reporter, env={"PGPASSWORD": "x"})
    try:
        app.find("Showing 3 of 3 people", "label")
        if os.path.exists(reporter):
            # A window that takes the location for a file name made a new
            # SQLite file of it: opening a server from the command line is
            # not in this build yet.
            app.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(reporter + suffix):
                    os.remove(reporter + suffix)
            print("ok - reporter on a server # SKIP summit-planner --database does not open"
                  " a server location in this build")
            return
        check_controls(app, REPORTER)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    tmp.cleanup()
    print("ok - reporter on a server: every change is off and says the role; exports stay")


def main():
    test_read_only_file()
    if os.environ.get("PGHOST"):
        test_reporter_on_server()
    else:
        print("ok - reporter on a server # SKIP no PostgreSQL server (PGHOST is not set)")


if __name__ == "__main__":
    sys.exit(main())
