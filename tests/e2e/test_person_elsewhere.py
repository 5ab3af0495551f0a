# SPDX-License-Identifier: GPL-3.0-or-later
"""The person editor and changes made elsewhere (here, another program
writing to the same file): with nothing typed yet, the editor shows the
person as they are now; with something typed, a note says which fields
were changed elsewhere, follows further changes, goes once it no longer
holds, and the save merges both."""

import sqlite3
import sys

from office_e2e import select_by_search
from summit_e2e import App, check, wait_for

NOTE = "Changed elsewhere meanwhile: "


def change_elsewhere(app, assignments):
    """Another program saves Mariusz Sagan, as another window would."""
    db = sqlite3.connect(app.database, timeout=10)
    with db:
        db.execute("UPDATE person SET %s, version = version + 1 WHERE uid = 'seed-mariusz-sagan'"
                   % assignments)
    db.close()


def stored(app):
    with app.db() as db:
        return db.execute("SELECT family_name, position, city, email FROM person"
                          " WHERE uid = 'seed-mariusz-sagan'").fetchone()


def notes(app, editor):
    return [n.name for n in app.find_all(role="label", parent=editor,
                                         where=lambda n: (n.name or "").startswith(NOTE))]


def wait_note(app, editor, fields):
    """Waits for the note to name exactly @fields."""
    expected = NOTE + fields + "."
    wait_for("the note %r" % expected,
             lambda: any(n.startswith(expected) for n in notes(app, editor)))


def main():
    app = App()
    try:
        _, position, city, _ = wait_for("the seeded person", lambda: stored(app))
        select_by_search(app, "sagan", "Showing 1 of 3 people")
        app.find("1 selected", "label")
        app.click("Edit")
        editor = app.find("Mariusz Sagan", "filler")

        # Nothing typed: the editor reads the person again, without a note.
        change_elsewhere(app, "family_name = 'Sagan-Lis'")
        app.find("Mariusz Sagan-Lis", "label", parent=editor)
        check(not notes(app, editor), "a note with nothing typed: %r" % notes(app, editor))

        # Typed: what is typed stays; the note names what changed elsewhere,
        # and follows each further change.
        app.find("Email", "text", parent=editor).click()
        app.key("<Control>a")
        app.type("m.sagan@lublin.example.eu")
        change_elsewhere(app, "position = 'Deputy Mayor of Lublin'")
        wait_note(app, editor, "Position")
        change_elsewhere(app, "city = 'Radom'")
        wait_note(app, editor, "Position, City")

        # Undone elsewhere: the note no longer holds, and goes.
        change_elsewhere(app, "position = '%s', city = '%s'" % (position, city))
        wait_for("the note to go", lambda: not notes(app, editor))

        # Changed again, then saved: both kept.
        change_elsewhere(app, "city = 'Radom'")
        wait_note(app, editor, "City")
        button = app.find("Save", "push button", parent=editor)
        wait_for("Save to become sensitive", lambda: button.sensitive)
        button.doActionNamed("click")
        app.wait_closed(editor, "the editor")
        app.find("Saved together with changes made meanwhile", "label")
        row = stored(app)
        check(row == ("Sagan-Lis", position, "Radom", "m.sagan@lublin.example.eu"),
              "not all saved: %r" % (row,))
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - person editor: changes made elsewhere read in, or noted while they hold")


if __name__ == "__main__":
    sys.exit(main())
