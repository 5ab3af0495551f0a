# SPDX-License-Identifier: GPL-3.0-or-later
"""A spreadsheet of people already known: the preview says whom each row
without a uid matches ("matches Mariusz Sagan (Lublin)"), lists the row that
matches two people for the person to decide, and the import updates the
people matched or chosen rather than copying them. Importing the same
spreadsheet again adds nobody (the undecided row is left out)."""

import os
import sys

from office_e2e import AppWithData
from summit_e2e import check
from test_import import button

KNOWN = """<?xml version="1.0" encoding="UTF-8"?>
<summit xmlns="https://summitplanner.github.io/ns/summit/1" format-version="1">
  <person uid="t-anna-1" given-name="Anna" family-name="Nowak" position="Deputy Mayor" city="Opole"
          country="PL" email="anna.1@opole.example.pl"/>
  <person uid="t-anna-2" given-name="Anna" family-name="Nowak" position="Deputy Mayor"
          city="Opole" country="PL" email="anna.2@opole.example.pl"/>
</summit>
"""

CSV = (
    "Given Name,Family Name,City,Country,Position,Email\r\n"
    "Mariusz,Sagan,Lublin,PL,Head of Strategy and Entrepreneurship Department,"
    "m.sagan@lublin.example.pl\r\n"
    "Zofia,Kowalska,Gdańsk,PL,Mayor,\r\n"
    "Anna,Nowak,Opole,PL,Mayor,\r\n"
)


def people(app):
    with app.db() as db:
        return db.execute("SELECT given_name, family_name, city, email FROM person"
                          " ORDER BY id").fetchall()


def import_file(app, path):
    """Main menu → Import…, the path typed into the chooser; returns the
    preview dialog and its Import button."""
    app.key("F10")
    app.find("Import…", "menu item").doActionNamed("click")
    app.enter_path(path, "Import People or Data")
    dialog = app.window("Import", "frame")
    return dialog, button(app, "Import", dialog)


def main():
    app = AppWithData(KNOWN)
    path = os.path.join(app.tmp.name, "mayors.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(CSV)
    try:
        app.find("Showing 5 of 5 people", "label")
        before = people(app)

        dialog, import_button = import_file(app, path)
        app.find("3 people to import; no problems found.\n"
                 "1 new; 1 matches a person already known (by name and city, or email) and will "
                 "update them; 1 matches several people: choose below.", "label")
        app.find("matches Mariusz Sagan (Lublin)", "label")
        app.find("Several People Match", "list")
        app.find("matches several people", "label")
        check(people(app) == before, "the preview wrote to the database")
        # The person decides: the row is the second Anna (Leave out, Add as a
        # new person, Update the first, Update the second).
        app.choose("Anna Nowak", steps=3)
        import_button.doActionNamed("click")
        app.find("Imported mayors.csv: 1 added, 2 updated, 0 unchanged; 2 matched people "
                 "already known", "label", timeout=30)
        after = people(app)
        check(len(after) == 6, "expected one person added: %r" % (after,))
        check(("Mariusz", "Sagan", "Lublin", "m.sagan@lublin.example.pl") in after,
              "Sagan was not updated: %r" % (after,))
        with app.db() as db:
            chosen = db.execute("SELECT uid FROM person WHERE position = 'Mayor'"
                                " AND family_name = 'Nowak'").fetchall()
        check(chosen == [("t-anna-2",)], "the row updated %r, not the Anna chosen" % (chosen,))
        app.find("Showing 6 of 6 people", "label")

        # The same spreadsheet again: nobody added.
        dialog, import_button = import_file(app, path)
        app.find("matches Zofia Kowalska (Gdańsk)", "label")
        import_button.doActionNamed("click")
        app.find("Imported mayors.csv: 0 added, 0 updated, 2 unchanged; 2 matched people "
                 "already known, 1 left out (several people match)", "label", timeout=30)
        check(people(app) == after, "the second import changed people: %r" % (people(app),))
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - csv re-import: matches shown, the known updated, nobody added twice")


if __name__ == "__main__":
    sys.exit(main())
