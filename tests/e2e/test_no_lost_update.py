# SPDX-License-Identifier: GPL-3.0-or-later
"""No lost update: two windows (two processes) on one database file edit the
same person. Different fields: both are saved, merged without a question.
The same field: the window saving second shows both values side by side and
saves only what the person chooses; going back to editing loses nothing.
A session edited while someone saves it: the same."""

import sqlite3
import subprocess
import sys
import time

from office_e2e import select_by_search
from summit_e2e import GONE, POLL, App, _children, check, tree, wait_for  # first: dogtail's config

from gi.repository import Gio  # noqa: E402


def a11y_bus():
    """The address of the accessibility bus of the test's session."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                          None, None, Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


class Window(App):
    """An app process of its own. The app is unique per session bus (a second
    start would only present the first one's window), so each but the first
    gets a session bus of its own, on the test's accessibility bus; it is
    found there by its process id."""

    def __init__(self, database=None, own_bus=False):
        self.bus = None
        env = None
        if own_bus:
            self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)
            env = {"DBUS_SESSION_BUS_ADDRESS": self.bus.stdout.readline().strip(),
                   "AT_SPI_BUS_ADDRESS": a11y_bus()}
        super().__init__(database=database, env=env)

    def _wait_for_app(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.check_alive()
            for app in _children(tree.root):
                try:
                    if app.get_process_id() == self.proc.pid:
                        return app
                except GONE:
                    continue
            time.sleep(POLL)
        self.fail("the app did not appear on the accessibility bus")

    def close(self):
        super().close()
        if self.bus is not None and self.bus.poll() is None:
            self.bus.terminate()
            self.bus.wait(10)


def sagan(app):
    with app.db() as db:
        return db.execute("SELECT position, email, version FROM person"
                          " WHERE family_name = 'Sagan'").fetchone()


def open_sagan(app):
    """Opens the editor on Mariusz Sagan; returns it."""
    select_by_search(app, "sagan", "Showing 1 of 3 people")
    app.find("1 selected", "label")
    app.click("Edit")
    return app.find("Mariusz Sagan", "filler")


def replace_text(app, editor, field, text):
    app.find(field, "text", parent=editor).click()
    app.key("<Control>a")
    app.type(text)


def save(app, editor):
    button = app.find("Save", "push button", parent=editor)
    wait_for("Save to become sensitive", lambda: button.sensitive)
    button.doActionNamed("click")


def other_saves(database, field, text):
    """Another staff member opens Sagan in a window of their own, changes
    field and saves, then closes their window."""
    other = Window(database=database, own_bus=True)
    try:
        editor = open_sagan(other)
        replace_text(other, editor, field, text)
        save(other, editor)
        other.wait_closed(editor, "the other window's editor")
    except AssertionError as e:
        other.fail(str(e))
    other.close()


def opening(app):
    with app.db() as db:
        return db.execute("SELECT room, description FROM panel"
                          " WHERE title = 'Official opening'").fetchone()


def session_saved_meanwhile(app):
    """A planner's session editor is open on the opening while another
    planner saves its room and description (written here as their program
    would: the row and its version); the room was changed by both."""
    app.find("Panels", "page tab").doActionNamed("click")
    app.find("Official opening", "label").click()
    app.find("Edit…", "label").parent.doActionNamed("click")
    editor = wait_for("the session editor", lambda: [
        w for w in app.windows() if w.roleName == "frame" and w.name == "Edit Session"])[0]
    with sqlite3.connect(app.database) as db:
        db.execute("UPDATE panel SET room = 'Hall B', description = 'Opening remarks',"
                   " version = version + 1 WHERE title = 'Official opening'")
    app.find("Room or stream", "text", parent=editor).click()
    app.key("<Control>a")
    app.type("Main hall")
    app.find("Save", "label", parent=editor).parent.doActionNamed("click")
    app.find("Room or stream, yours: Main hall", parent=editor)
    app.find("Room or stream, theirs: Hall B", parent=editor)
    check(opening(app) == ("Hall B", "Opening remarks"), "saved before the choice")
    wait_for("the focus on the first choice", lambda: app.focused(editor, "check box"))
    app.key("space")
    choose = app.find("Save Choices", "push button", parent=editor)
    wait_for("Save Choices to become sensitive", lambda: choose.sensitive)
    choose.doActionNamed("click")
    app.wait_closed(editor, "the session editor")
    check(opening(app) == ("Main hall", "Opening remarks"),
          "the session holds %r, not the room chosen and their description" % (opening(app),))


def main():
    app = Window()
    try:
        original_position = wait_for("the seeded person", lambda: sagan(app))[0]

        # Different fields: A's editor is open when B saves the position.
        # (A has typed: an editor with nothing typed reads the person again.)
        editor = open_sagan(app)
        replace_text(app, editor, "Email", "m.sagan@lublin.example.eu")
        print("# A's editor open; B saves the position")
        other_saves(app.database, "Position", "Deputy Mayor of Lublin")
        check(sagan(app)[0] == "Deputy Mayor of Lublin", "B's position was not saved")
        save(app, editor)
        app.wait_closed(editor, "A's editor")
        app.find("Saved together with changes made meanwhile", "label")
        row = sagan(app)
        check(row[:2] == ("Deputy Mayor of Lublin", "m.sagan@lublin.example.eu"),
              "not both saved: %r (position was %r)" % (row, original_position))

        # The same field: B saves an email while A's editor is open.
        editor = open_sagan(app)
        replace_text(app, editor, "Email", "sagan@um.lublin.example.eu")
        print("# A's editor open; B saves the email")
        other_saves(app.database, "Email", "office@lublin.example.eu")
        save(app, editor)
        app.find("Email, yours: sagan@um.lublin.example.eu", parent=editor)
        app.find("Email, theirs: office@lublin.example.eu", parent=editor)
        choose = app.find("Save Choices", "push button", parent=editor)
        check(not choose.sensitive, "Save Choices is sensitive before any choice")
        check(sagan(app)[1] == "office@lublin.example.eu", "something was saved before choosing")

        # Back to editing: the editor stays, nothing saved; saving again asks again.
        app.click("Keep Editing", parent=editor)
        app.wait_gone("Email, yours: sagan@um.lublin.example.eu", parent=editor)
        check(sagan(app)[1] == "office@lublin.example.eu", "Keep Editing saved something")
        save(app, editor)
        app.find("Email, theirs: office@lublin.example.eu", parent=editor)
        # By keyboard: the chooser puts the focus on the first choice, "yours".
        focused = wait_for("the focus on the first choice",
                           lambda: app.focused(editor, "check box"))
        check(focused.name == "Email, yours: sagan@um.lublin.example.eu",
              "the focus is on %r" % focused.name)
        app.key("space")
        choose = app.find("Save Choices", "push button", parent=editor)
        wait_for("Save Choices to become sensitive", lambda: choose.sensitive)
        choose.doActionNamed("click")
        app.wait_closed(editor, "A's editor")
        row = sagan(app)
        check(row[:2] == ("Deputy Mayor of Lublin", "sagan@um.lublin.example.eu"),
              "the chosen email was not saved: %r" % (row,))

        session_saved_meanwhile(app)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - no lost update: different fields merged, the same field chosen, for a person"
          " and a session")


if __name__ == "__main__":
    sys.exit(main())
