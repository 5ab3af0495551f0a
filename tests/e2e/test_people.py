# SPDX-License-Identifier: GPL-3.0-or-later
"""Office staff's daily work on the People page, through the accessibility
tree: add a person in the editor (an invalid email holds Save back), find
them by search, invite them and record their answer, delete them and undo —
checking the database file itself after each step."""

import sys

from summit_e2e import App, check, wait_for


def person_row(app, family):
    with app.db() as db:
        return db.execute("SELECT id, given_name, city, email FROM person WHERE family_name = ?",
                          (family,)).fetchone()


def status_of(app, person_id):
    with app.db() as db:
        row = db.execute("SELECT i.status FROM invitation i JOIN edition e ON e.id = i.edition_id"
                         " WHERE i.person_id = ? AND e.year = 2020", (person_id,)).fetchone()
    return row[0] if row else None


def history_of(app, person_id):
    with app.db() as db:
        return db.execute("SELECT ev.old_status, ev.new_status FROM invitation_event ev"
                          " JOIN invitation i ON i.id = ev.invitation_id"
                          " WHERE i.person_id = ? ORDER BY ev.id", (person_id,)).fetchall()


def main():
    app = App()
    try:
        app.find("Summit Planner", "frame")
        app.find("Showing 3 of 3 people", "label")

        # Every column sorts: a click on "City" orders by city, another
        # reverses it, and "Name" goes back to names.
        seeded = ["Bartosz Bartoszewicz", "Ko Wen-je (柯文哲)", "Mariusz Sagan"]
        table = app.find("People", "tree table")

        def shown_order():
            return [n.name for n in app.find_all(role="label", parent=table) if n.name in seeded]

        check(shown_order() == seeded, "not by name at first: %r" % (shown_order(),))
        app.find("City", "label", parent=table).click()
        wait_for("the sort by city",
                 lambda: shown_order() == [seeded[0], seeded[2], seeded[1]])
        app.find("City", "label", parent=table).click()
        wait_for("the reversed sort by city",
                 lambda: shown_order() == [seeded[1], seeded[2], seeded[0]])
        app.find("Name", "label", parent=table).click()
        wait_for("the sort by name", lambda: shown_order() == seeded)

        # Add a person by typing into the editor; the given name has focus.
        app.click("Add Person")
        editor = app.find("New Person", "filler")  # GTK 4.8 calls a modal AdwWindow a filler
        save = app.find("Save", "push button", parent=editor)
        check(not save.sensitive, "Save is sensitive on an empty form")
        app.type("Anna")
        app.find("Family Name", "text", parent=editor).click()
        app.type("Nowak")
        app.find("Position", "text", parent=editor).click()
        app.type("Mayor")
        app.find("City", "text", parent=editor).click()
        app.type("Gdansk")

        # An invalid email keeps Save insensitive, and says why.
        app.find("Email", "text", parent=editor).click()
        app.type("anna.nowak@")
        app.find("“anna.nowak@” is not an email address (expected name@example.org)", "label",
                 parent=editor)
        check(not save.sensitive, "Save is sensitive with an invalid email")
        app.type("gdansk.example.pl")
        wait_for("Save to become sensitive", lambda: save.sensitive)
        save.doActionNamed("click")

        row = wait_for("the new person in the database", lambda: person_row(app, "Nowak"))
        person_id = row[0]
        check(row[1] == "Anna" and row[2] == "Gdansk", "stored %r" % (row,))
        check(row[3] == "anna.nowak@gdansk.example.pl", "stored email %r" % (row[3],))

        # Find her by search.
        app.find("Search people", "entry").click()
        app.type("nowak")
        app.find("Showing 1 of 4 people", "label")
        app.find("Anna Nowak", "label")

        # Invite her, then record that she confirmed.
        app.click("Select All")
        app.find("1 selected", "label")
        app.click("Invite")
        wait_for("the invitation", lambda: status_of(app, person_id) == "invited")
        app.find("2020: 1 invited · 3 confirmed · 0 declined", "label")
        app.click("Select All")
        app.find("1 selected", "label")
        app.click("Confirmed")
        wait_for("the confirmation", lambda: status_of(app, person_id) == "confirmed")
        check(history_of(app, person_id) == [(None, "invited"), ("invited", "confirmed")],
              "history is %r" % (history_of(app, person_id),))
        app.find("2020: 0 invited · 4 confirmed · 0 declined", "label")

        # Delete, then Undo: the row and its history come back.
        app.click("Select All")
        app.find("1 selected", "label")
        app.click("Delete")
        wait_for("the delete", lambda: person_row(app, "Nowak") is None)
        app.find("Deleted Anna Nowak", "label")
        app.find("Showing 0 of 3 people", "label")
        # The search still says "nowak": the page says nobody matches (a
        # page built the first time it is needed).
        app.find("Nobody matches the search and filters.", "label")
        # libadwaita 1.2 names its toast button "_Undo Undo" (label + text).
        undo = app.find(role="push button", where=lambda n: n.name.endswith("Undo"))
        undo.doActionNamed("click")
        wait_for("the undo", lambda: person_row(app, "Nowak") is not None)
        check(person_row(app, "Nowak")[0] == person_id, "Undo gave her another id")
        check(status_of(app, person_id) == "confirmed", "Undo lost the invitation")
        check(history_of(app, person_id) == [(None, "invited"), ("invited", "confirmed")],
              "Undo lost the history: %r" % (history_of(app, person_id),))
        app.find("Showing 1 of 4 people", "label")
        app.find("Anna Nowak", "label")

        # Search in the other script: 柯文哲 is Ko Wen-je (typed here as his
        # romanised name; the core tests search the Han characters).
        app.find("Search people", "entry").click()
        app.key("<Control>a")
        app.type("wen-je")
        app.find("Ko Wen-je (柯文哲)", "label")
        app.find("Showing 1 of 4 people", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - people: add, validate, search, invite, confirm, delete and undo")


if __name__ == "__main__":
    sys.exit(main())
