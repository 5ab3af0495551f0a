# SPDX-License-Identifier: GPL-3.0-or-later
"""The shortcuts the shortcuts window lists work from anywhere in the window,
at any time: in a freshly opened window the focus is on the edition drop-down
in the header bar, and Ctrl+N still adds a person, Ctrl+F still finds one,
Delete still deletes the selected, and on the Panels page Ctrl+N still makes
a session."""

import sys

import pyatspi

from summit_e2e import App, check, wait_for


def focused_node(app):
    return app.root.findChild(lambda n: n.focused and n.roleName != "frame",
                              retry=False, requireResult=False)


def focus_header_bar(app):
    """Opens and closes the edition drop-down: the focus is back on it."""
    combo = app.find("Edition", "combo box")
    toggle = app.find(role="push button", parent=combo)
    combo.click()
    wait_for("the edition list to open", lambda: toggle.getState().contains(pyatspi.STATE_PRESSED), 10)
    app.key("Escape")
    wait_for("the edition list to close",
             lambda: not toggle.getState().contains(pyatspi.STATE_PRESSED), 10)


def main():
    app = App()
    try:
        app.find("Summit Planner", "frame")
        app.find("Showing 3 of 3 people", "label")
        # What a fresh window has focused: not the People page's list.
        table = app.find("People", "tree table")
        focus = wait_for("a focused control", lambda: focused_node(app))
        node = focus
        while node is not None and node != table:
            node = node.parent
        check(node is None, "the People list has the focus already: %r" % (focus,))
        print("# focus at start: %s %r" % (focus.roleName, focus.name))

        # Ctrl+N: the editor for a new person.
        app.key("<Control>n")
        editor = app.find("New Person", "filler")
        app.key("Escape")
        wait_for("the editor to close", lambda: app.root.findChild(
            lambda n: n.roleName == "filler" and n.name == "New Person",
            retry=False, requireResult=False) is None)

        # Ctrl+F: the search field, whatever had the focus.
        focus_header_bar(app)
        app.key("<Control>f")
        app.type("sagan")
        app.find("Showing 1 of 3 people", "label")

        # Delete, with the focus back in the header bar: the selected person
        # sits on a panel, so the app asks first.
        app.click("Select All")
        app.find("1 selected", "label")
        focus_header_bar(app)
        app.key("Delete")
        app.find("Remove From Panels?")
        app.key("Escape")

        # On the Panels page, Ctrl+N makes a session.
        app.key("<Alt>2")
        app.find("Panels", "page tab")
        focus_header_bar(app)
        app.key("<Control>n")
        app.find("New Session", "frame")
        del editor
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - shortcuts: Ctrl+N and Ctrl+F from a fresh window, Ctrl+N on the Panels page")


if __name__ == "__main__":
    sys.exit(main())
