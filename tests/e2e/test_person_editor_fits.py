# SPDX-License-Identifier: GPL-3.0-or-later
"""The person editor shows the whole form on a 1366×768 screen: the window
fits it, and the time zone, the invitation's Change To and its Record
button lie inside the window without scrolling."""

import sys

from office_e2e import select_by_search
from summit_e2e import App, check


def main():
    app = App()
    try:
        app.find("Showing 3 of 3 people", "label")
        select_by_search(app, "sagan", "Showing 1 of 3 people")
        app.find("1 selected", "label")
        app.click("Edit")
        editor = app.find("Mariusz Sagan", "filler")
        width, height = editor.size
        print("# editor: %d×%d" % (width, height))
        check(width <= 1366 and height <= 768 - 32,
              "the editor (%d×%d) is larger than a 1366×768 screen" % (width, height))
        # GTK 4.8 reports positions relative to the window.
        for name, role in (("Time Zone", "label"), ("Change To", "label"),
                           ("Record", "push button")):
            node = app.find(name, role, parent=editor)
            x, y = node.position
            w, h = node.size
            check(0 <= x and x + w <= width and 0 <= y and y + h <= height,
                  "%s is outside the editor's %d×%d (at %d,%d, %d×%d): scrolling needed"
                  % (name, width, height, x, y, w, h))
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - person editor: the whole form, the invitation and Record, without scrolling")


if __name__ == "__main__":
    sys.exit(main())
