# SPDX-License-Identifier: GPL-3.0-or-later
"""The window opens on a fresh database, seeded, with its three pages."""

import sys

from summit_e2e import App, check


def main():
    app = App()
    try:
        app.find("Summit Planner", "frame")
        for page in ("People", "Panels", "Statistics"):
            app.find(page, "page tab")

        # People: the seeded mayors and officials, with position and city.
        app.find("People", "tree table")
        app.find("Bartosz Bartoszewicz", "label")
        app.find("Deputy Mayor", "label")
        app.find("Ko Wen-je (柯文哲)", "label")
        app.find("Mariusz Sagan", "label")

        # Panels: the sessions, in Taipei and in Polish time.
        app.find("Panels", "page tab").doActionNamed("click")
        app.find("Official opening", "label")
        app.find("15:00 Taipei (UTC+8)\n09:00 Warsaw (UTC+2)", "label")
        app.find("22:00 Taipei (UTC+8)\n16:00 Warsaw (UTC+2)", "label")

        # Statistics: the gap and the estimate said as such.
        app.find("Statistics", "page tab").doActionNamed("click")
        app.find("2018: 120", "label")
        app.find("2019: no figure", "label")
        app.find("2020: 150+ (expected)", "label")
        check(not app.find_all("2019: 0", "label"), "2019 shows 0 instead of a gap")

        # The database was created and seeded on first start.
        with app.db() as db:
            (people,) = db.execute("SELECT count(*) FROM person").fetchone()
        check(people == 3, "expected 3 seeded people, found %d" % people)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - foundation: three pages, seeded data")


if __name__ == "__main__":
    sys.exit(main())
