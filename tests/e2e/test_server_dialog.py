# SPDX-License-Identifier: GPL-3.0-or-later
"""Open Server Database… by keyboard (Ctrl+Shift+O and the dialog's
mnemonics, Enter in any field): an unknown host, a server that does not
answer (a closed port) and a wrong password are each told in the dialog in
one sentence, and everything typed stays; putting only the right password in its place
then opens a window on the server with the first-run data. The password
went to the keyring (a private, unlocked gnome-keyring), never to GSettings
or the log; started again, the app offers the server among the recent ones,
and choosing it fills the form and the password from the keyring; started on
`--database postgresql://USER@HOST:PORT/DB`, it takes the keyring's too.

Needs a PostgreSQL server from the environment (PGHOST, PGPORT, PGUSER,
PGPASSWORD: tools/test.sh runs the suite under pg_virtualenv); skips,
saying so, without one."""

import os
import socket
import subprocess
import sys
import tempfile
import time

if not os.environ.get("PGHOST"):
    print("SKIP: no PostgreSQL server for this test: PGHOST is unset "
          "(tools/test.sh runs the suite under pg_virtualenv)")
    sys.exit(77)

import pyatspi  # noqa: E402
from gi.repository import Gio, GLib  # noqa: E402

from summit_e2e import GONE, App, check, wait_for  # noqa: E402

SCHEMA = "io.github.summitplanner.SummitPlanner.Server"
DIALOG = "Open Server Database"
WRONG = "wrong-pw-4711"
# What the dialog itself shows; any other label in it is its message.
DIALOG_LABELS = {DIALOG, "Cancel", "Connect", "Host", "Port", "Database", "User", "Password",
                 "Remember password", "Recent Servers"}
# The server, as the test's environment names it; the app gets none of it
# from its environment (nor ~/.pgpass): only what is typed in the dialog.
SERVER = {k: os.environ.get(k, "") for k in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")}
for key in [k for k in os.environ if k.startswith("PG")]:
    del os.environ[key]


def psql_env():
    env = dict(os.environ)
    env.update({k: v for k, v in SERVER.items() if v})
    return env


def run_sql_tool(*args):
    subprocess.run(list(args), env=psql_env(), check=True, stdout=subprocess.DEVNULL)


def start_keyring(home):
    """A gnome-keyring-daemon of the test's own on its session bus, its login
    keyring (in home) created and unlocked with a password from stdin."""
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_RUNTIME_DIR=home)
    proc = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock",
                             "--components=secrets"],
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    proc.stdin.write(b"keyring-pw")
    proc.stdin.close()
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def login_ready():
        check(proc.poll() is None, "gnome-keyring-daemon exited with %s" % proc.returncode)
        try:
            path = bus.call_sync("org.freedesktop.secrets", "/org/freedesktop/secrets",
                                 "org.freedesktop.Secret.Service", "ReadAlias",
                                 GLib.Variant("(s)", ("default",)), None,
                                 Gio.DBusCallFlags.NO_AUTO_START, 2000, None).unpack()[0]
        except GLib.GError:
            return False
        return path != "/"
    wait_for("the private keyring to come up", login_ready, 20)
    return proc


def keyring_items(database):
    """The keyring's items for this app's servers on database."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    unlocked, locked = bus.call_sync(
        "org.freedesktop.secrets", "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service", "SearchItems",
        GLib.Variant("(a{ss})", ({"xdg:schema": SCHEMA, "database": database},)), None,
        Gio.DBusCallFlags.NO_AUTO_START, 5000, None).unpack()
    return unlocked + locked


def dialog_message(app, dialog):
    """The message the dialog shows once it is done connecting, or None."""
    connect = app.find("Connect", "push button", parent=dialog)
    if not connect.getState().contains(pyatspi.STATE_SENSITIVE):
        return None
    for node in app.find_all(role="label", parent=dialog):
        try:
            if node.name and node.name not in DIALOG_LABELS:
                return node.name
        except GONE:
            continue
    return None


def next_message(app, dialog, previous):
    """Waits for the dialog's message after @previous: the next attempt's."""
    return wait_for("the dialog to say why it could not connect",
                    lambda: (lambda m: m if m and m != previous
                             and not m.startswith("Connecting to") else None)(
                        dialog_message(app, dialog)), 30)


def closed_port():
    """A port on this machine where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def replace_field(app, mnemonic, text):
    app.key("<Alt>" + mnemonic)
    app.key("<Control>a")
    app.type(text)


def open_dialog(app):
    app.key("<Control><Shift>o")
    return app.window(DIALOG)


def fill(app, host, port, database, user, password):
    """Types into each field through its mnemonic, replacing what is there."""
    for mnemonic, text in (("h", host), ("p", port), ("d", database), ("u", user),
                           ("w", password)):
        app.key("<Alt>" + mnemonic)
        app.key("<Control>a")
        app.type(text)


def main():
    home = tempfile.TemporaryDirectory(prefix="summit-e2e-home-")
    config = os.path.join(home.name, "config")
    database = "summit_e2e_%d" % os.getpid()
    host, port = SERVER["PGHOST"], SERVER["PGPORT"] or "5432"
    user, password = SERVER["PGUSER"] or "postgres", SERVER["PGPASSWORD"]
    check(password, "the server's password (PGPASSWORD) is unset")
    keyring = start_keyring(home.name)
    run_sql_tool("createdb", database)
    env = {"HOME": home.name, "XDG_CONFIG_HOME": config, "GSETTINGS_BACKEND": "keyfile"}
    app = None
    try:
        app = App(env=env)
        app.window("Summit Planner", "frame")
        dialog = open_dialog(app)
        fill(app, "no-such-host.invalid", port, database, user, WRONG)
        app.key("<Alt>r")       # "Remember password" …
        app.key("space")        # … on

        # An unknown host; Enter in the Port field connects.
        app.key("<Alt>p")
        app.key("Return")
        message = next_message(app, dialog, None)
        print("# unknown host: %r" % message)
        check("no-such-host.invalid" in message and "is unknown" in message,
              "the message does not say the host is unknown: %r" % message)
        check(app.find_all(DIALOG, parent=app.root), "the dialog closed on an unknown host")

        # The right host, a port where nothing listens: the server does not
        # answer. Enter in the Host field connects.
        replace_field(app, "p", closed_port())
        replace_field(app, "h", host)
        app.key("Return")
        message = next_message(app, dialog, message)
        print("# closed port: %r" % message)
        check("does not answer" in message,
              "the message does not say the server does not answer: %r" % message)
        check(app.find_all(DIALOG, parent=app.root), "the dialog closed on a closed port")

        # The right port; the rest as typed. Enter in the Database field.
        replace_field(app, "p", port)
        app.key("<Alt>d")
        app.key("Return")
        message = next_message(app, dialog, message)
        print("# wrong password: %r" % message)
        check("password" in message.lower(),
              "the message does not say the password was wrong: %r" % message)
        check(WRONG not in message, "the message shows the password: %r" % message)
        check(app.find_all(DIALOG, parent=app.root), "the dialog closed on a wrong password")

        # Only the password is replaced: host, port, database and user stayed.
        app.key("<Alt>w")
        app.key("<Control>a")
        app.type(password)
        app.key("Return")
        app.wait_closed(dialog, "the dialog")
        title = "postgresql://%s@%s:%s/%s — Summit Planner" % (user, host, port, database)
        window = app.window(title, "frame", timeout=60)
        app.find("Showing 3 of 3 people", "label", parent=window, timeout=30)
        app.find("Bartosz Bartoszewicz", "label", parent=window)

        check(len(keyring_items(database)) == 1, "the password is not in the keyring")
        app.close()
        app = None
        settings = open(os.path.join(config, "glib-2.0", "settings", "keyfile")).read()
        check("recent-servers" in settings and database in settings,
              "the server is not among the recent ones: %r" % settings)
        check(password not in settings and WRONG not in settings,
              "a password is in GSettings: %r" % settings)

        # Started again: the recent server, its password from the keyring.
        app = App(env=env)
        app.window("Summit Planner", "frame")
        dialog = open_dialog(app)
        shown = "postgresql://%s@%s:%s/%s" % (user, host, port, database)
        app.find(shown, parent=dialog)
        app.key("<Alt>e")       # to the list of recent servers
        app.key("Return")       # choose the first
        remember = app.find("Remember password", "check box", parent=dialog)
        wait_for("the password from the keyring",
                 lambda: remember.getState().contains(pyatspi.STATE_CHECKED), 20)
        app.key("<Alt>o")
        app.wait_closed(dialog, "the dialog", 60)
        window = app.window(title, "frame", timeout=60)
        app.find("Showing 3 of 3 people", "label", parent=window, timeout=30)
        log = app.output()
        check(password not in log and WRONG not in log, "a password is in the log: %r" % log)
        app.close()

        # --database with the server and no password: the keyring's is used.
        app = App(database=shown, env=env)
        window = app.window(title, "frame", timeout=60)
        app.find("Showing 3 of 3 people", "label", parent=window, timeout=30)
    except AssertionError as e:
        if app:
            app.fail(str(e))
        raise
    finally:
        if app:
            app.close()
        keyring.terminate()
        keyring.wait(10)
        subprocess.run(["dropdb", "--if-exists", "--force", database], env=psql_env())
        home.cleanup()
    print("ok - server dialog: a wrong password told in place, the form kept; the right one opens "
          "the server; remembered in the keyring, offered again and used for --database")


if __name__ == "__main__":
    main()
