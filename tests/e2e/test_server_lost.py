# SPDX-License-Identifier: GPL-3.0-or-later
"""The server stops under an open person editor with typed text: the window
says so in place, Save keeps everything and says it is not saved yet; once
the server is back the bar goes and the save goes through on its own, and
the typed text is on the server.

Needs the test server (PGHOST…, see tools/test.sh); skipped without one."""

import os
import subprocess
import sys

SKIP = 77


def psql(sql, database=None):
    env = dict(os.environ)
    if database:
        env["PGDATABASE"] = database
    return subprocess.run(["psql", "-Atqc", sql], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def cluster():
    """The version and name of the cluster at PGPORT (pg_virtualenv's)."""
    for line in subprocess.run(["pg_lsclusters", "-h"], check=True, capture_output=True,
                               text=True).stdout.splitlines():
        fields = line.split()
        if fields[2] == os.environ.get("PGPORT", "5432"):
            return fields[0], fields[1]
    raise AssertionError("no cluster listens on port %s" % os.environ.get("PGPORT"))


def server(action):
    version, name = cluster()
    command = ["pg_ctlcluster", version, name, action]
    if action == "stop":
        command += ["-m", "fast"]
    subprocess.run(command, check=True)


def main():
    if not os.environ.get("PGHOST"):
        started = os.environ.get("SUMMIT_E2E_STARTED")
        if started:
            open(started, "w").close()
        print("1..0 # SKIP no test server (PGHOST is not set)")
        return SKIP

    from summit_e2e import App, check

    database = "summit_lost_%d" % os.getpid()
    psql("CREATE DATABASE %s" % database)
    location = "host=%s port=%s dbname=%s user=%s" % (
        os.environ["PGHOST"], os.environ.get("PGPORT", "5432"), database,
        os.environ.get("PGUSER", "postgres"))
    app = App(database=location)
    stopped = False
    try:
        app.find("Showing 3 of 3 people", "label", timeout=30)
        app.find("Search people", "entry").click()
        app.type("sagan")
        app.find("Showing 1 of 3 people", "label")
        app.click("Select All")
        app.find("1 selected", "label")
        app.click("Edit")
        editor = app.find("Mariusz Sagan", "filler")
        app.find("Email", "text", parent=editor).click()
        app.key("<Control>a")
        app.type("m.sagan@lublin.example")

        server("stop")
        stopped = True
        app.find("The server cannot be reached. Retrying…; nothing you typed is lost.", "label",
                 timeout=20)
        app.key("<Control>s")
        app.find("Not saved yet: the server cannot be reached. Nothing you typed is lost; it is "
                 "saved as soon as the server is back.", "label", parent=editor)
        check(app.find_all("Mariusz Sagan", "filler"), "the editor closed without the server")

        server("start")
        stopped = False
        app.wait_closed(editor, "the editor (saved once the server is back)", timeout=40)
        app.wait_gone("The server cannot be reached. Retrying…; nothing you typed is lost.",
                      "label", timeout=20)
        email = psql("SELECT email FROM person WHERE family_name = 'Sagan'", database)
        check(email == "m.sagan@lublin.example", "the server has %r" % email)
    except AssertionError as e:
        if stopped:
            server("start")
        app.fail(str(e))
    app.close()
    psql("DROP DATABASE %s" % database)
    print("ok - server lost: the editor keeps what was typed and saves it once the server is back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
