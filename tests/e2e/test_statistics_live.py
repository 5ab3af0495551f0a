# SPDX-License-Identifier: GPL-3.0-or-later
"""Yearly figures typed and not saved survive a change made elsewhere (here,
another program writing to the same file): the table is read again, and
what was typed stays. Where the same figure was changed elsewhere too, the
page says so, with both values; fields changed only elsewhere are taken in.
Rows not being edited follow the change once the focus leaves the table."""

import sqlite3
import sys

from summit_e2e import App, check, wait_for
from test_statistics import find_label_containing, scroll_into_view, type_text


def leave_table(app):
    """Moves the focus out of the table of figures, to the chart's range."""
    spin = app.find(role="spin button", where=lambda n: n.name.startswith("First year"))
    scroll_into_view(app, spin)
    spin.click()


def change_elsewhere(app, sql):
    """Another program's change to the file, as another window's would be."""
    db = sqlite3.connect(app.database, timeout=10)
    with db:
        db.execute(sql)
    db.close()


def figure(app, year, column="overseas_mayors"):
    with app.db() as db:
        row = db.execute("SELECT %s FROM year_statistic WHERE year = ?" % column,
                         (year,)).fetchone()
    return row[0] if row else None


def save(app, year):
    button = app.find("Save %d" % year, "push button")
    scroll_into_view(app, button)
    button.doActionNamed("click")


def main():
    app = App()
    try:
        app.find("Statistics", "page tab").doActionNamed("click")
        app.find("2018: 120", "label")

        # 2018 typed, not saved; the focus leaves the table; 2017 changes
        # elsewhere. The table is read again, and 2018 keeps what was typed.
        type_text(app, "Overseas mayors in 2018", "125")
        leave_table(app)
        change_elsewhere(app, "UPDATE year_statistic SET overseas_mayors = 60,"
                         " version = version + 1 WHERE year = 2017")
        app.find("2017: 60", "label")
        save(app, 2018)
        wait_for("2018 saved", lambda: figure(app, 2018) == 125)
        find_label_containing(app, "Saved 2018.")

        # Both sides changed 2016's figure, and only the other side its
        # source: the page says so, keeps what was typed, takes the source.
        type_text(app, "Overseas mayors in 2016", "7")
        leave_table(app)
        change_elsewhere(app, "UPDATE year_statistic SET overseas_mayors = 8,"
                         " source = 'Press office', version = version + 1 WHERE year = 2016")
        find_label_containing(app, "2016 was also changed elsewhere")
        find_label_containing(app, "Overseas mayors: 8 there, 7 here")
        check(figure(app, 2016) == 8, "the page saved 2016 by itself")
        save(app, 2016)
        wait_for("2016 saved as typed", lambda: figure(app, 2016) == 7)
        source = figure(app, 2016, "source")
        check(source == "Press office", "2016's source changed elsewhere was lost: %r" % source)

        # A change arriving while someone types in the table: the chart follows
        # at once, the rows once the focus leaves them; then the untouched row
        # saves without a conflict and the typed one as typed.
        type_text(app, "Overseas mayors in 2015", "4")
        change_elsewhere(app, "UPDATE year_statistic SET overseas_mayors = 61,"
                         " version = version + 1 WHERE year = 2017")
        app.find("2017: 61", "label")
        leave_table(app)
        save(app, 2017)
        find_label_containing(app, "Saved 2017.")
        check(figure(app, 2017) == 61, "2017 holds %r, not 61" % figure(app, 2017))
        save(app, 2015)
        wait_for("2015 saved as typed", lambda: figure(app, 2015) == 4)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - statistics live: typed figures kept across changes made elsewhere")


if __name__ == "__main__":
    sys.exit(main())
