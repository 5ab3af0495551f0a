# SPDX-License-Identifier: GPL-3.0-or-later
"""Two staff at once: while the person editor shows Mariusz Sagan confirmed,
a colleague (another program on the same file) cancels his invitation. The
reply recorded in the editor is then refused with the reason, nothing of it
is written, the note typed stays, and the editor and the list show the
colleague's status."""

import sqlite3
import sys
import time

from summit_e2e import App, check, wait_for

NAME = "Mariusz Sagan"
MESSAGE = ("Mariusz Sagan was marked Cancelled by someone else a moment ago;"
           " not changed to Declined")


def invitation(app):
    with app.db() as db:
        return db.execute(
            "SELECT i.id, i.status, (SELECT count(*) FROM invitation_event e"
            " WHERE e.invitation_id = i.id) FROM invitation i"
            " JOIN person p ON p.id = i.person_id JOIN edition ed ON ed.id = i.edition_id"
            " WHERE p.family_name = 'Sagan' AND ed.year = 2020").fetchone()


def status_shown(app, editor, label):
    """The editor's status row (its name is the status, then its title)."""
    return app.find(role="list item", parent=editor,
                    where=lambda n: n.name.startswith("Current status: %s " % label))


def colleague_cancels(app, invitation_id):
    """What the colleague's window writes: the status and its event, in one transaction."""
    db = sqlite3.connect(app.database, timeout=10)
    with db:
        db.execute("UPDATE invitation SET status = 'cancelled', version = version + 1"
                   " WHERE id = ?", (invitation_id,))
        db.execute("INSERT INTO invitation_event (invitation_id, at, old_status, new_status,"
                   " channel, note) VALUES (?, ?, 'confirmed', 'cancelled', 'email', '')",
                   (invitation_id, int(time.time())))
    db.close()


def main():
    # The window must not have seen the colleague's change yet, as on a server
    # before its announcement arrives: the file is not watched here.
    app = App(env={"SUMMIT_STORE_WATCH_FILE": "0"})
    try:
        invitation_id, status, events = invitation(app)
        check(status == "confirmed", "the seed has Sagan %r" % status)

        app.find("Search people", "entry").click()
        app.type("sagan")
        app.find("Showing 1 of 3 people", "label")
        app.click("Select All")
        app.find("1 selected", "label")
        app.click("Edit")
        editor = app.window(NAME)
        status_shown(app, editor, "Confirmed")

        colleague_cancels(app, invitation_id)
        # The editor still shows what it loaded; the first move offered is Declined.
        app.find("Note", "text", parent=editor).click()
        app.type("Phoned: cannot come")
        app.click("Record", parent=editor)

        app.find(MESSAGE, "label", parent=editor)
        check(invitation(app) == (invitation_id, "cancelled", events + 1),
              "the refused reply was written: %r" % (invitation(app),))
        status_shown(app, editor, "Cancelled")
        # The list behind shows the colleague's status too.
        wait_for("the list to show Cancelled", lambda: app.find_all("Cancelled", "label"))

        # The note typed is still there: recorded with the one move now
        # offered (back to Invited), it reaches the history.
        app.click("Record", parent=editor)
        status_shown(app, editor, "Invited")
        with app.db() as db:
            note = db.execute("SELECT note FROM invitation_event WHERE invitation_id = ?"
                              " ORDER BY id DESC LIMIT 1", (invitation_id,)).fetchone()[0]
        check(note == "Phoned: cannot come", "the note typed became %r" % note)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - a reply to an invitation changed meanwhile is told, not done")


if __name__ == "__main__":
    sys.exit(main())
