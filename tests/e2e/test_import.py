# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing a spreadsheet of people from the window: the preview shows the
bad row by its line, the person skips it, and the others appear in the list."""

import os
import sys

from summit_e2e import App, check, wait_for

CSV = (
    "\ufeffFamily Name,Given Name,City,Country,Position\r\n"
    "Kowalska,Zofia,Gdańsk,PL,Mayor\r\n"
    "Nobody,Nemo,Atlantis,Atlantis,Mayor\r\n"          # line 3: not a country code
    "Tanaka,Hiro,\"Osaka, Kansai\",JP,Deputy Mayor\r\n"
)


def button(app, text, parent, timeout=15):
    """The push button in parent showing TEXT. (GTK 4.8 names a labelled
    button after both its label property and its label child: "_Import Import".)"""
    return app.find(role="push button", parent=parent, timeout=timeout,
                    where=lambda node: any(c.roleName == "label" and c.name == text
                                           for c in node.children))


def main():
    app = App()
    try:
        # A name with "&", which the toast must show as it is, not as markup.
        path = os.path.join(app.tmp.name, "partners & friends.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(CSV)

        app.find("Summit Planner", "frame")
        app.find("Bartosz Bartoszewicz", "label")

        # Main menu → Import…, then the file chooser: type the path.
        # F10 opens the primary menu, as for anyone using the keyboard.
        app.key("F10")
        app.find("Import…", "menu item").doActionNamed("click")
        # Typed into the chooser, which closes before the preview opens.
        app.enter_path(path, "Import People or Data")

        # The preview: three rows, one with a problem, said by its line.
        dialog = app.window("Import", "frame")
        import_button = button(app, "Import", dialog)
        app.find("3 rows, 1 with problems. Fix the file and import it again, "
                 "or skip the invalid rows.", "label", parent=dialog)
        app.find("Line 3", "label", parent=dialog)
        app.find("the country “Atlantis” is not a two-letter ISO 3166 code such as PL or TW",
                 "label", parent=dialog)
        app.find("Zofia Kowalska", "label", parent=dialog)

        # Nothing is written before the person decides.
        with app.db() as db:
            (n,) = db.execute("SELECT count(*) FROM person").fetchone()
        check(n == 3, "the preview wrote to the database (%d people)" % n)

        # Its mnemonic, Alt+S, ticks "Skip the invalid rows" (GTK 4.8 offers no
        # click action on check boxes over AT-SPI).
        skip = app.find("Skip invalid rows", "check box", parent=dialog)
        check(not import_button.sensitive, "Import is offered while rows are invalid")
        app.key("<Alt>s")
        wait_for("Alt+S to tick “Skip invalid rows”", lambda: skip.checked, 10)
        import_button.doActionNamed("click")

        # The result is said in the window once the preview has closed.
        app.wait_closed(dialog, "the import preview", timeout=30)
        window = app.window("Summit Planner", "frame")
        app.find("Imported partners & friends.csv: 2 added, 0 updated, 0 unchanged, "
                 "1 invalid row skipped", "label", parent=window)

        # The new people in the list, the skipped one nowhere.
        app.find("Zofia Kowalska", "label", parent=window)
        app.find("Hiro Tanaka", "label", parent=window)
        check(not app.find_all("Nemo Nobody", "label"), "the invalid row was imported")

        with app.db() as db:
            rows = db.execute("SELECT family_name, city, country FROM person"
                              " WHERE family_name IN ('Kowalska', 'Tanaka', 'Nobody')"
                              " ORDER BY family_name").fetchall()
        check(rows == [("Kowalska", "Gdańsk", "PL"), ("Tanaka", "Osaka, Kansai", "JP")],
              "unexpected rows in the database: %r" % rows)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - import: preview shows the bad row, skipping it imports the others")


if __name__ == "__main__":
    sys.exit(main())
