# SPDX-License-Identifier: GPL-3.0-or-later
"""The People list with more people than GTK keeps rows for (200): after a
search that changes most of them, every row shows someone the search found
(the rows are refilled, not rebuilt, and rows off screen are filled after
the frame), clearing it brings everyone back, and the end of the list shows
the last people, and the country, overseas and status filters each narrow it
— as a person reading the screen would check."""

import os
import subprocess
import sys
import tempfile

from summit_e2e import App, check, wait_for
from test_country_filter import filter_by

N = 400


def make_database(path):
    """The seed and 400 more people, imported as an office would, from a CSV:
    the even ones in Gdańsk, the odd ones in Taipei."""
    csv_path = path + ".csv"
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("given_name,family_name,city,country\n")
        for i in range(N):
            f.write("Given%03d,Family%03d,%s\n" % (i, i, "Gdańsk,PL" if i % 2 == 0 else "Taipei,TW"))
    subprocess.run([os.environ["SUMMIT_CLI"], "--database", path, "import", csv_path], check=True,
                   stdout=subprocess.DEVNULL)


def main():
    tmp = tempfile.TemporaryDirectory(prefix="summit-e2e-many-")
    database = os.path.join(tmp.name, "many.db")
    make_database(database)

    app = App(database=database)
    try:
        app.find("Showing 403 of 403 people", "label")
        table = app.find("People", "tree table")

        def cells():
            return [n.name for n in app.find_all(role="label", parent=table)]

        # 403 → 200: rows refilled; none may still show a Taipei person.
        app.find("Search people", "entry").click()
        app.type("gdansk")
        app.find("Showing 200 of 403 people", "label")
        shown = wait_for("only Gdańsk people", lambda: (lambda c: c if "Taipei" not in c and
                                                        "Gdańsk" in c else None)(cells()))
        odd = [name for name in shown if name.startswith("Given") and int(name[5:8]) % 2]
        check(not odd, "rows still show Taipei people: %r" % odd[:5])
        check("Given000 Family000" in shown, "the first match is not shown: %r" % shown[:12])

        # 200 → 201 others (Ko Wen-je is in Taipei too): the same rows,
        # everyone in them changed.
        app.find("Search people", "entry").click()
        app.key("<Control>a")
        app.type("taipei")
        app.find("Showing 201 of 403 people", "label")
        shown = wait_for("only Taipei people", lambda: (lambda c: c if "Gdańsk" not in c and
                                                        "Taipei" in c else None)(cells()))
        even = [name for name in shown if name.startswith("Given") and int(name[5:8]) % 2 == 0]
        check(not even, "rows still show Gdańsk people: %r" % even[:5])

        # 200 → 1 → 403: everyone back, from the top.
        app.find("Search people", "entry").click()
        app.key("<Control>a")
        app.type("given123")
        app.find("Showing 1 of 403 people", "label")
        app.find("Given123 Family123", "label")
        app.find("Search people", "entry").click()
        app.key("<Control>a")
        app.key("BackSpace")
        app.find("Showing 403 of 403 people", "label")
        app.find("Bartosz Bartoszewicz", "label", parent=table)

        # The end of the list: focus a row, then End.
        app.find("Bartosz Bartoszewicz", "label", parent=table).click()
        app.key("End")
        app.find("Mariusz Sagan", "label", parent=table)
        app.find("Given399 Family399", "label", parent=table)

        # The filters, chosen from their lists by keyboard: anyone from
        # abroad (the edition is in Taiwan: the Gdańsk 200 and the two Polish
        # mayors of the seed), of those nobody invited, then the confirmed
        # (the two seed mayors); then, by its search field, Taiwan (Ko
        # Wen-je and the Taipei 200).
        app.choose("Overseas filter", steps=1)
        app.find("Showing 202 of 403 people", "label")
        app.choose("Status filter", steps=3)   # Any, Not invited, Draft, Invited
        app.find("Showing 0 of 403 people", "label")
        app.choose("Status filter", steps=4)   # …, Confirmed
        app.find("Showing 2 of 403 people", "label")
        app.find("Bartosz Bartoszewicz", "label", parent=table)
        app.find("Mariusz Sagan", "label", parent=table)
        app.choose("Status filter", steps=0)
        app.choose("Overseas filter", steps=0)
        app.find("Showing 403 of 403 people", "label")
        filter_by(app, "Country filter", "taiw", "Taiwan (TW)")
        app.find("Showing 201 of 403 people", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    tmp.cleanup()
    print("ok - people: 403 people, searches that change most rows, the end of the list, filters")


if __name__ == "__main__":
    sys.exit(main())
