# SPDX-License-Identifier: GPL-3.0-or-later
"""Statistics as a reporter uses it: correct a figure in the table and see
the chart's data table follow; a bad figure is refused with the reason; the
chart saved as a PNG through the page's Export menu and its file chooser."""

import os
import struct
import sys

from dogtail import rawinput

from summit_e2e import App, check, wait_for


def find_label_containing(app, text, timeout=15):
    return app.find(timeout=timeout, where=lambda node: node.roleName in ("label", "alert")
                    and text in (node.name or ""))


def scroll_into_view(app, node):
    """Scrolls the page (mouse wheel, as a person would) until node is inside
    the window; the window is 700 pixels high and the table is below the chart."""
    frame = app.find("Summit Planner", "frame")
    top = frame.position[1]
    bottom = top + frame.size[1] - 10
    for _ in range(30):
        y = node.position[1] + node.size[1] // 2
        if top + 60 < y < bottom:
            return
        before = node.position[1]
        rawinput.click(frame.position[0] + frame.size[0] // 2, top + frame.size[1] // 2,
                       5 if y >= bottom else 4)
        # Scrolled when the node has moved (or cannot go further).
        try:
            wait_for("the page to scroll", lambda: node.position[1] != before, 2)
        except AssertionError:
            pass
    app.fail("could not scroll %r into view" % node.name)


def type_text(app, entry_name, text):
    """Replaces an entry's text, without Enter."""
    entry = app.find(entry_name, "text")
    scroll_into_view(app, entry)
    entry.click()
    app.key("<Control>a")
    app.type(text)


def replace_text(app, entry_name, text):
    type_text(app, entry_name, text)
    app.key("Return")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s is not a PNG" % path)
    return struct.unpack(">II", head[16:24])


def main():
    home = None
    app = None
    try:
        import tempfile
        home = tempfile.TemporaryDirectory(prefix="summit-e2e-home-")
        app = App(env={"HOME": home.name})

        app.find("Statistics", "page tab").doActionNamed("click")
        app.find("Overseas mayors chart", "image")
        app.find("2018: 120", "label")
        app.find("2019: no figure", "label")
        app.find("2020: 150+ (expected)", "label")

        # Correct 2018 in the table: the chart's data table follows.
        replace_text(app, "Overseas mayors in 2018", "121")
        app.find("2018: 121", "label")
        check(not app.find_all("2018: 120", "label"), "the data table still says 120 for 2018")
        chart = app.find("Overseas mayors chart", "image")
        check("2018: 121." in chart.description and "2019: no figure." in chart.description,
              "the chart's description does not follow: %r" % chart.description)
        with app.db() as db:
            (value,) = db.execute(
                "SELECT overseas_mayors FROM year_statistic WHERE year = 2018").fetchone()
        check(value == 121, "2018 holds %r in the database, not 121" % value)

        # A negative count is refused, with the reason, and nothing changes.
        replace_text(app, "Overseas mayors in 2017", "-4")
        find_label_containing(app, "is negative")
        app.find("2017: 54", "label")
        with app.db() as db:
            (value,) = db.execute(
                "SELECT overseas_mayors FROM year_statistic WHERE year = 2017").fetchone()
        check(value == 54, "a refused edit changed 2017 to %r" % value)

        # Add a year: a year already in the table is refused, with the reason;
        # the same row saved under a new year is recorded.
        app.click("Add Year")
        year = app.find("Year of the new row", "text")
        scroll_into_view(app, year)
        year.click()
        app.type("2018")
        app.key("Tab")
        app.type("7")
        app.key("Return")
        find_label_containing(app, "2018 is already in the table")
        with app.db() as db:
            (count,) = db.execute("SELECT count(*) FROM year_statistic").fetchone()
        check(count == 6, "a refused year was saved: %d rows" % count)
        replace_text(app, "Year of the new row", "2021")

        def row_2021():
            with app.db() as db:
                return db.execute("SELECT kind, overseas_mayors FROM year_statistic"
                                  " WHERE year = 2021").fetchone()
        row = wait_for("2021 in the database", row_2021, 10)
        check(row == ("recorded", 7), "2021 was not recorded as 7: %r" % (row,))
        find_label_containing(app, "Saved 2021.")

        # Export a PNG through the Export menu and the file chooser.
        # The menu button's node holds the button that takes the click.
        app.find("Export", "push button")
        buttons = [n for n in app.find_all("Export", "push button") if "click" in n.actions]
        check(buttons, "the Export menu button cannot be clicked")
        buttons[0].doActionNamed("click")
        item = app.find("Save as PNG…", "menu item")
        item.doActionNamed("click")
        # GTK 4.8 shows the file chooser's window as a "filler"; its name
        # field has the focus and a suggested name, and Enter saves.
        app.enter_path(None, "Save the Chart")

        path = os.path.join(home.name, "overseas-mayors-2015-2020.png")
        try:
            wait_for("the PNG", lambda: os.path.exists(path))
        except AssertionError:
            check(False, "no PNG at %s; home holds %r" % (path, os.listdir(home.name)))
        width, height = png_size(path)
        check((width, height) == (1200, 675), "the PNG is %dx%d, not 1200x675" % (width, height))
        find_label_containing(app, "Saved the chart as")

        # Adopt the figure counted from 2020's invitations: one overseas mayor
        # (Gdynia's deputy mayor) confirmed; the source says where it came from.
        outer = app.find("Adopt the figures from invitations for 2020", "push button")
        adopt = [n for n in app.find_all("Adopt", "push button", parent=outer)
                 if "click" in n.actions]
        check(adopt, "no Adopt button for 2020")
        adopt[0].doActionNamed("click")
        app.find("Record the Confirmed: 1 Overseas, 1 Domestic", "menu item").doActionNamed("click")
        app.find("2020: 1", "label")
        with app.db() as db:
            kind, value, source = db.execute(
                "SELECT kind, overseas_mayors, source FROM year_statistic"
                " WHERE year = 2020").fetchone()
        check((kind, value) == ("recorded", 1), "2020 holds %r %r after adopting" % (kind, value))
        check(source.startswith("Derived from the invitations on ")
              and "Replaces 150+ (expected)" in source, "the source does not say so: %r" % source)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    home.cleanup()
    print("ok - statistics: edit follows into the chart data, refusal, PNG export")


if __name__ == "__main__":
    sys.exit(main())
