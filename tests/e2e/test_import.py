# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing a spreadsheet of people from the window: the preview shows the
bad row by its line, the person skips it, and the others appear in the list."""

import os
import sys
import time

from summit_e2e import App, check

CSV = (
    "\ufeffFamily Name,Given Name,City,Country,Position\r\n"
    "Kowalska,Zofia,Gdańsk,PL,Mayor\r\n"
    "Nobody,Nemo,Atlantis,Atlantis,Mayor\r\n"          # line 3: not a country code
    "Tanaka,Hiro,\"Osaka, Kansai\",JP,Deputy Mayor\r\n"
)


def button(app, text, timeout=15):
    """The push button showing TEXT. (GTK 4.8 names a labelled button after
    both its label property and its label child: "_Import Import".)"""
    deadline = time.time() + timeout
    while True:
        for node in app.find_all(role="push button"):
            if any(c.roleName == "label" and c.name == text for c in node.children):
                return node
        if time.time() > deadline:
            app.fail("no push button showing %r" % text)
        time.sleep(0.3)


def main():
    app = App()
    try:
        path = os.path.join(app.tmp.name, "partners.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(CSV)

        app.find("Summit Planner", "frame")
        app.find("Bartosz Bartoszewicz", "label")

        # Main menu → Import…, then the file chooser: type the path.
        # F10 opens the primary menu, as for anyone using the keyboard.
        app.key("F10")
        app.find("Import…", "menu item").doActionNamed("click")
        app.find("Import People or Data")
        time.sleep(2)
        app.type(path)
        time.sleep(1)
        app.key("<Enter>")

        # The preview: three rows, one with a problem, said by its line.
        import_button = button(app, "Import")
        app.find("3 rows, 1 with problems. Fix the file and import it again, "
                 "or skip the invalid rows.", "label")
        app.find("Line 3", "label")
        app.find("the country “Atlantis” is not a two-letter ISO 3166 code such as PL or TW",
                 "label")
        app.find("Zofia Kowalska", "label")

        # Nothing is written before the person decides.
        with app.db() as db:
            (n,) = db.execute("SELECT count(*) FROM person").fetchone()
        check(n == 3, "the preview wrote to the database (%d people)" % n)

        # Its mnemonic, Alt+S, ticks "Skip the invalid rows" (GTK 4.8 offers no
        # click action on check boxes over AT-SPI).
        skip = app.find("Skip invalid rows", "check box")
        check(not import_button.sensitive, "Import is offered while rows are invalid")
        app.key("<Alt>s")
        deadline = time.time() + 10
        while not skip.checked and time.time() < deadline:
            time.sleep(0.2)
        check(skip.checked, "Alt+S did not tick “Skip invalid rows”")
        import_button.doActionNamed("click")

        app.find("Imported partners.csv: 2 added, 0 updated, 0 unchanged, "
                 "1 invalid row skipped", "label", timeout=30)

        # The new people in the list, the skipped one nowhere.
        app.find("Zofia Kowalska", "label")
        app.find("Hiro Tanaka", "label")
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
