# SPDX-License-Identifier: GPL-3.0-or-later
"""Team mode, end to end: two real windows (two summit-planner processes, as
two office staff at two machines) on one PostgreSQL database, driven through
the accessibility tree as the people at them would:
  a. A changes a person's e-mail while B changes her position: both are
     saved, and each window shows both, within a second of the second save;
  b. both change the same field: the second to save sees both values side by
     side and chooses; nothing is written before the choice;
  c. A confirms an invitation: B's window shows it within a second;
  d. a window of a login role granted only summit_reporter cannot edit: its
     edit controls are insensitive, with a tooltip saying why;
  e. the server stops and starts under an open editor: nothing typed is lost.

The server comes from the environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, as
pg_virtualenv sets them); without one the test skips, saying so. Each case
has a database and login roles of its own, dropped at its end; a case that
fails does not stop the others. `run-e2e.sh test_team.py a c` runs some.

Each app runs on a session bus of its own (the app is a unique
GApplication: a second process on one bus would hand its window to the
first) and on the test's accessibility bus, where it is told apart by its
process id. Without a window manager every window sits at +0+0, so before
the pointer or the keyboard is used in one app its windows are raised and
given the focus (xdotool)."""

import os
import secrets
import subprocess
import sys
import time
import traceback

from office_e2e import select_by_search
from summit_e2e import App, GONE, _children, check, shown_within, tree, wait_for
from gi.repository import Gio

CLI = os.environ["SUMMIT_CLI"]
SKIP = 77

DATA = """<?xml version="1.0" encoding="UTF-8"?>
<summit xmlns="https://summitplanner.github.io/ns/summit/1" format-version="1">
  <person uid="t-anna-nowak" given-name="Anna" family-name="Nowak" position="Mayor"
          city="Gdansk" country="PL" email="anna.nowak@gdansk.example.pl"/>
  <person uid="t-jan-kowal" given-name="Jan" family-name="Kowal" position="Mayor"
          city="Opole" country="PL"/>
  <edition year="2020" host-city="Taipei" host-country="TW" timezone="Asia/Taipei" format="online">
    <invitation person="t-jan-kowal" status="invited">
      <event at="2020-06-01T09:00:00Z" to="invited" channel="letter"/>
    </invitation>
  </edition>
</summit>
"""
EVERYONE = "Showing 5 of 5 people"   # the seed's three and DATA's two

# What "shows it within a second" allows, from when the server holds the change.
LIVE = 1.0


def a11y_bus():
    """The address of the accessibility bus of the test's session."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                          None, None, Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


class Server:
    """The PostgreSQL server of the environment, reached as its superuser."""

    def __init__(self):
        self.host = os.environ["PGHOST"]
        self.port = os.environ.get("PGPORT", "5432")
        self.user = os.environ.get("PGUSER") or os.environ.get("USER", "postgres")

    def psql(self, sql, database="postgres", **variables):
        """Runs sql (psql's :'name' quotes the variables) and returns its
        rows, one a line, fields split by |."""
        args = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database]
        for name, value in variables.items():
            args += ["-v", "%s=%s" % (name, value)]
        done = subprocess.run(args, input=sql, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise AssertionError("psql failed on %r: %s" % (sql, done.stderr.strip()))
        return done.stdout.strip()

    def location(self, database, user):
        return "host=%s port=%s dbname=%s user=%s" % (self.host, self.port, database, user)

    def cluster(self):
        """(version, name) of the pg_ctlcluster cluster on our port, or None."""
        done = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True)
        for line in done.stdout.splitlines():
            fields = line.split()
            if len(fields) >= 4 and fields[2] == self.port and fields[3] == "online":
                return fields[0], fields[1]
        return None

    def control(self, cluster, action):
        subprocess.run(["pg_ctlcluster", cluster[0], cluster[1], action], check=True,
                       capture_output=True, timeout=120)


class Window(App):
    """summit-planner on a server database as one login role, on a session
    bus of its own."""

    def __init__(self, who, location, password, a11y):
        self.who = who
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        address = self.bus.stdout.readline().strip()
        try:
            super().__init__(database=location, env={
                "DBUS_SESSION_BUS_ADDRESS": address,
                "AT_SPI_BUS_ADDRESS": a11y,
                "PGPASSWORD": password,
            })
        except AssertionError as e:
            self.fail(str(e))

    def _wait_for_app(self, timeout=30):
        def mine(app):
            try:
                return app.get_process_id() == self.proc.pid
            except GONE:
                return False
        return wait_for("window %s on the accessibility bus" % self.who,
                        lambda: next(filter(mine, _children(tree.root)), None), timeout)

    def front(self):
        """Raises this app's windows (in their own order) above the other
        app's, and gives the topmost the keyboard focus, as a click on it
        would under a window manager."""
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                              capture_output=True, text=True)
        windows = done.stdout.split()
        check(windows, "window %s has no X window to raise" % self.who)
        for window in windows:
            subprocess.run(["xdotool", "windowraise", window], check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[-1]], check=True)

    def report(self):
        """How the app ended (or that it runs) and what it wrote."""
        how = self.crashed() or ("closed by the test" if self.closing else "still running")
        text = self.output() if not self.log.closed else "(already shown)"
        return "--- window %s (pid %d): %s; its stdout and stderr ---\n%s" % (
            self.who, self.proc.pid, how, text)

    def close(self):
        super().close()
        if self.bus.poll() is None:
            self.bus.terminate()
            self.bus.wait(10)


class Team:
    """One case's database (made from DATA by the CLI, as the superuser),
    its login roles and its windows."""

    def __init__(self, server, case, a11y):
        self.server = server
        self.a11y = a11y
        self.database = "summit_e2e_%d_%s" % (os.getpid(), case)
        self.roles = []
        self.windows = []
        server.psql('CREATE DATABASE "%s"' % self.database)
        data = os.path.join(os.environ.get("TMPDIR", "/tmp"), self.database + ".xml")
        with open(data, "w", encoding="utf-8") as f:
            f.write(DATA)
        try:
            done = subprocess.run([CLI, "--database", server.location(self.database, server.user),
                                   "import", data], capture_output=True, text=True, timeout=120)
        finally:
            os.remove(data)
        check(done.returncode == 0, "summit-planner-cli import into the new server database"
              " failed: %s" % done.stderr.strip())

    def sql(self, query, **variables):
        return self.server.psql(query, self.database, **variables)

    def window(self, who, group):
        """A window on the database as a new login role granted only group."""
        role = "%s_%s" % (self.database, who.lower())
        password = secrets.token_hex(12)
        self.server.psql('CREATE ROLE "%s" LOGIN PASSWORD :\'password\' IN ROLE %s'
                         % (role, group), password=password)
        self.roles.append(role)
        window = Window(who, self.server.location(self.database, role), password, self.a11y)
        self.windows.append(window)
        return window

    def wait(self, what, predicate, timeout=15):
        """wait_for, failing at once with how a window ended if one did."""
        def checked():
            for window in self.windows:
                window.check_alive()
            return predicate()
        return wait_for(what, checked, timeout)

    def stored(self, what, predicate, timeout=15):
        """Waits until the server holds a change (predicate(), a query, is
        true), asking as often as psql answers; returns when it was seen
        first, on the monotonic clock."""
        deadline = time.monotonic() + timeout
        while True:
            for window in self.windows:
                window.check_alive()
            if predicate():
                return time.monotonic()
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for " + what)
            time.sleep(0.02)

    def within(self, since, seconds, what, predicate):
        """Waits until the windows show a change the server held at since
        (predicate() is true), failing unless a look that began at most
        seconds after since saw it; returns when that look began."""
        return shown_within(since, seconds, what, predicate, alive=self.windows)

    def person(self, family):
        """(email, position, version) of the person as stored on the server;
        None while the server cannot be reached or holds no such person."""
        row = _or_none(self.sql, "SELECT email, position, version FROM person"
                       " WHERE family_name = :'f'", f=family)
        return tuple(row.split("|")) if row else None

    def wait_stored(self, what, family, predicate, timeout=15):
        """Waits until predicate(person(family)) holds and returns when it
        was seen first; a failure says what the server holds."""
        def holds():
            person = self.person(family)
            return person is not None and predicate(person)
        try:
            return self.stored(what, holds, timeout)
        except AssertionError as e:
            raise AssertionError("%s; the server holds %r" % (e, self.person(family)))

    def close(self):
        for window in self.windows:
            window.close()
        self.server.psql('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % self.database)
        for role in self.roles:
            self.server.psql('DROP ROLE IF EXISTS "%s"' % role)


# Steps a person takes

def open_editor(window, search, shown, name):
    """Finds the person by search, selects them and opens the editor."""
    window.front()
    select_by_search(window, search, shown)
    window.find("1 selected", "label")
    window.click("Edit")
    return window.find(name, "filler")   # GTK 4.8 calls a modal AdwWindow a filler


def replace_field(window, editor, field, text):
    """Replaces what a field of the editor holds by typing text into it."""
    window.front()
    window.find(field, "text", parent=editor).click()
    window.key("<Control>a")
    window.type(text)


def save(window, editor):
    window.find("Save", "push button", parent=editor).doActionNamed("click")


def shows(window, text, parent=None):
    """Whether a label with exactly this text is in the window (or parent)."""
    return bool(window.find_all(text, "label", parent=parent))


def people_table(window):
    return window.find("People", "tree table")


# The cases

# The fields of Team.person() that the editor's fields are stored in.
STORED = {"Email": 0, "Position": 1}


def both_editing(team, field_a, text_a, field_b, text_b):
    """Staff A and B each open Anna Nowak's editor in their window and type
    into a field; A saves first. Returns A's window, B's and B's editor."""
    a = team.window("A", "summit_staff")
    a.find(EVERYONE, "label")
    b = team.window("B", "summit_staff")
    b.find(EVERYONE, "label")
    editor_a = open_editor(a, "anna nowak", "Showing 1 of 5 people", "Anna Nowak")
    editor_b = open_editor(b, "anna nowak", "Showing 1 of 5 people", "Anna Nowak")
    replace_field(a, editor_a, field_a, text_a)
    replace_field(b, editor_b, field_b, text_b)
    save(a, editor_a)
    team.wait_stored("A's %s on the server" % field_a, "Nowak",
                     lambda p: p[STORED[field_a]] == text_a)
    a.wait_closed(editor_a, "A's editor")
    return a, b, editor_b


def case_a(team):
    """A's e-mail and B's position of one person: both saved, both shown."""
    email = "a.nowak@hel.example.pl"
    position = "Deputy Mayor for Tourism"
    a, b, editor_b = both_editing(team, "Email", email, "Position", position)
    table_a = people_table(a)
    table_b = people_table(b)
    clicked = time.monotonic()
    save(b, editor_b)
    since = team.wait_stored("B's position on the server, beside A's e-mail", "Nowak",
                             lambda p: p[:2] == (email, position))
    # Both windows show the position in the row of the list: A's by the
    # live update (its own save had the old one).
    took = team.within(since, LIVE, "B's position in A's list and in B's",
                       lambda: shows(a, position, table_a) and shows(b, position, table_b))
    print("# A showed B's position %.2f s after B's save reached the server (%.2f s after B"
          " clicked Save)" % (took, since + took - clicked))
    b.wait_closed(editor_b, "B's editor")
    # And both find her by A's new address, the row with B's position.
    for window in (a, b):
        window.front()
        select_by_search(window, "hel.example", "Showing 1 of 5 people")
        window.find("Anna Nowak", "label", parent=people_table(window))
        check(shows(window, position, people_table(window)),
              "window %s: her row lacks the position %r" % (window.who, position))


def case_b(team):
    """Both change the e-mail: the second sees both and chooses."""
    theirs = "anna@gdynia.example.pl"
    mine = "anna@sopot.example.pl"
    _, b, editor_b = both_editing(team, "Email", theirs, "Email", mine)
    version = team.person("Nowak")[2]

    # B saves second: both values side by side, and nothing written yet.
    save(b, editor_b)
    b.find("Email, yours: " + mine, "check box", parent=editor_b)
    b.find("Email, theirs: " + theirs, "check box", parent=editor_b)
    choose = b.find("Save Choices", "push button", parent=editor_b)
    check(not choose.sensitive, "Save Choices is sensitive before B chose")
    check(team.person("Nowak") == (theirs, "Mayor", version),
          "B's save wrote before B chose: %r" % (team.person("Nowak"),))

    # B keeps its own value, and saves it.
    b.front()
    b.find("Email, yours: " + mine, "check box", parent=editor_b).click()
    team.wait("Save Choices to become sensitive", lambda: choose.sensitive)
    choose.doActionNamed("click")
    team.wait_stored("B's choice on the server", "Nowak", lambda p: p[0] == mine)
    b.wait_closed(editor_b, "B's editor")


def case_c(team):
    """A confirms an invitation: B's window shows it within a second."""
    a = team.window("A", "summit_staff")
    a.find(EVERYONE, "label")
    b = team.window("B", "summit_staff")
    b.find(EVERYONE, "label")
    b.front()
    select_by_search(b, "kowal", "Showing 1 of 5 people")
    table_b = people_table(b)
    b.find("Invited", "label", parent=table_b)
    b.find("2020: 1 invited · 3 confirmed · 0 declined", "label")

    a.front()
    select_by_search(a, "kowal", "Showing 1 of 5 people")
    a.find("1 selected", "label")
    summary = b.find("2020: 1 invited · 3 confirmed · 0 declined", "label")
    clicked = time.monotonic()
    a.click("Confirmed")
    since = team.stored("the confirmation on the server", lambda: _or_none(
        team.sql, "SELECT i.status FROM invitation i JOIN person p ON p.id = i.person_id"
        " WHERE p.family_name = 'Kowal'") == "confirmed")
    took = team.within(since, LIVE, "B's list and counts to show the confirmation",
                       lambda: summary.name == "2020: 0 invited · 4 confirmed · 0 declined"
                       and shows(b, "Confirmed", table_b) and not shows(b, "Invited", table_b))
    print("# B showed the confirmation %.2f s after it reached the server (%.2f s after A"
          " clicked Confirmed)" % (took, since + took - clicked))
    # B's search and selection stay as they were.
    b.find("Showing 1 of 5 people", "label")
    b.find("1 selected", "label")


def case_d(team):
    """A reporter's window: every edit control insensitive, saying why."""
    r = team.window("Reporter", "summit_reporter")
    r.find(EVERYONE, "label")
    add = r.find("Add Person", "push button")
    team.wait("Add Person to be insensitive", lambda: not add.sensitive)
    check(add.description and add.description != "Add a Person (Ctrl+N)",
          "Add Person does not say why it is insensitive: %r" % add.description)
    # Selecting stays possible (exports are the reporter's); changing not,
    # even one person, whom Edit would open.
    r.front()
    select_by_search(r, "kowal", "Showing 1 of 5 people")
    r.find("1 selected", "label")
    problems = []

    def refused(name, parent=None):
        node = r.find(name, "push button", parent=parent)
        if node.sensitive:
            problems.append("%s is sensitive" % name)
        elif not node.description:
            problems.append("%s does not say why it is insensitive" % name)
        else:
            print("# %s: %s" % (name, node.description))

    for name in ("Delete", "Invite", "Confirmed", "Declined", "More Statuses"):
        refused(name)
    # Edit opens the person to read; the editor cannot save.
    r.click("Edit")
    refused("Save", r.find("Jan Kowal", "filler"))
    check(not problems, "in a reporter's window: " + "; ".join(problems))
    print("# Add Person: %s" % add.description)


def case_e(team):
    """The server stops and starts under an open editor: nothing typed lost."""
    cluster = team.server.cluster()
    if cluster is None:
        return "the server of the environment is no pg_ctlcluster cluster on port %s" % (
            team.server.port)
    position = "Deputy Mayor for Culture"
    a = team.window("A", "summit_staff")
    a.find(EVERYONE, "label")
    editor = open_editor(a, "anna nowak", "Showing 1 of 5 people", "Anna Nowak")
    replace_field(a, editor, "Position", position[:12])   # half typed …
    team.server.control(cluster, "stop")
    try:
        a.type(position[12:])                               # … the rest with the server gone
        save(a, editor)
        lost = a.find(role="label", where=lambda n: "server" in n.name.lower()
                      and ("reach" in n.name.lower() or "connect" in n.name.lower()))
        print("# with the server stopped, the window said: %s" % lost.name)
        check(a.find_all("Save", "push button", parent=editor),
              "the editor closed while the server was stopped")
    finally:
        team.server.control(cluster, "start")
    team.wait_stored("the typed position to reach the server once it is back", "Nowak",
                     lambda p: p[1] == position, timeout=60)
    a.wait_closed(editor, "the editor, saved")


def _or_none(func, *args, **kwargs):
    """func's value, or None where psql cannot reach the server."""
    try:
        return func(*args, **kwargs)
    except AssertionError:
        return None


CASES = {"a": case_a, "b": case_b, "c": case_c, "d": case_d, "e": case_e}


def run(name, server, a11y):
    """Runs one case on a database of its own; prints its TAP line."""
    func = CASES[name]
    title = "%s: %s" % (name, func.__doc__)
    team = None
    try:
        team = Team(server, name, a11y)
        skipped = func(team)
        print("ok - %s%s" % (title, " # SKIP " + skipped if skipped else ""))
        return True
    except (AssertionError, SystemExit, Exception) as e:
        if not isinstance(e, SystemExit):
            traceback.print_exc()
        for window in team.windows if team else []:
            sys.stderr.write(window.report() + "\n")
        print("not ok - %s" % title)
        return False
    finally:
        if team:
            team.close()


def main():
    if not os.environ.get("PGHOST"):
        print("SKIP: no PostgreSQL server in the environment (PGHOST is unset;"
              " run the tests under pg_virtualenv, as tools/test.sh does)")
        return SKIP
    server = Server()
    a11y = a11y_bus()
    # The X server and the session bus are up: a failure from here on is
    # the test's, not one for run-e2e.sh to retry.
    started = os.environ.get("SUMMIT_E2E_STARTED")
    if started:
        open(started, "w").close()
    names = sys.argv[1:] or os.environ.get("SUMMIT_E2E_CASES", "").split() or sorted(CASES)
    print("1..%d" % len(names))
    results = [run(name, server, a11y) for name in names]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
