# SPDX-License-Identifier: GPL-3.0-or-later
"""The reporter reads what the Statistics page's "Confirmed" figure counts:
its column header, and a note under the chart data naming the rule and each
year's count (2020: three confirmed, two of them mayors or deputy mayors,
Lublin's head of department not counted). The office then records in the
person editor that Mariusz Sagan counts as a mayor: the figure and its note
follow."""

import sys

from summit_e2e import App, check, wait_for

RULE = ("Confirmed: overseas mayors and deputy mayors whose invitation is confirmed or "
        "attended. Mayors and deputy mayors count as mayors, by the position kind in each "
        "person’s record; officials and others, such as heads of department, do not.")
BEFORE = ("2020, from 3 invitations: 2 mayors or deputy mayors confirmed (1 overseas, "
          "1 domestic, 0 of unknown country), against host country TW; 1 official or other "
          "confirmed, not counted.")
AFTER = ("2020, from 3 invitations: 3 mayors or deputy mayors confirmed (2 overseas, "
         "1 domestic, 0 of unknown country), against host country TW; 0 officials or others "
         "confirmed, not counted.")


def sagan_kind(app):
    with app.db() as db:
        return db.execute("SELECT position_kind FROM person WHERE uid = 'seed-mariusz-sagan'"
                          ).fetchone()[0]


def main():
    app = App()
    try:
        app.find("Statistics", "page tab").doActionNamed("click")
        table = app.find("Chart data table")
        app.find("Confirmed overseas mayors and deputy mayors", "label", parent=table)
        app.find(RULE + "\n" + BEFORE, "label")

        # The office says Lublin's department head counts as a mayor.
        app.find("People", "page tab").doActionNamed("click")
        people = app.find("People", "tree table")
        app.find("Mariusz Sagan", "label", parent=people).doubleClick()
        editor = app.find("Mariusz Sagan", "filler")
        kind = app.find("Position kind", "combo box", parent=editor)
        app.find("Official or other", "label", parent=kind)
        check(kind.description == "Official or other: not counted as a mayor in the figures",
              "the editor does not say how the kind counts: %r" % kind.description)
        app.choose("Position kind", steps=1)   # as the position reads, Mayor, …
        wait_for("the kind to say it counts", lambda: kind.description
                 == "Mayor: counted as a mayor in the figures")
        app.find("Save", "push button", parent=editor).doActionNamed("click")
        wait_for("the kind to be stored", lambda: sagan_kind(app) == "mayor")

        app.find("Statistics", "page tab").doActionNamed("click")
        app.find(RULE + "\n" + AFTER, "label")
        check(app.find_all("2020: 2 confirmed in invitations", "label"),
              "the Confirmed column does not show 2 for 2020")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - counted figures: the Confirmed figure says what it counts, and follows the kind")


if __name__ == "__main__":
    sys.exit(main())
