# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a person meets it: menu, shortcuts, about, remembered size,
a read-only file said as such, a foreign file refused with a reason."""

import configparser
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from summit_e2e import App, check, wait_for


def keyfile_env(tmp):
    return {"GSETTINGS_BACKEND": "keyfile",
            "XDG_CONFIG_HOME": os.path.join(tmp, "config")}


def read_keyfile(tmp):
    path = os.path.join(tmp, "config", "glib-2.0", "settings", "keyfile")
    parser = configparser.ConfigParser()
    parser.read(path)
    return parser


def test_menu_and_size(tmp):
    env = keyfile_env(tmp)
    database = os.path.join(tmp, "menu.db")
    app = App(database=database, env=env)
    try:
        default_width = app.find("Summit Planner", "frame").size[0]
        app.click("Main Menu")
        app.find("Keyboard Shortcuts", "menu item")
        app.find("About Summit Planner", "menu item")
        app.closing = True   # ending is what this test expects of it
        app.find("Quit", "menu item").doActionNamed("click")
        try:
            app.proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
        check(app.proc.poll() == 0, "Quit did not end the app cleanly")
    except AssertionError as e:
        app.fail(str(e))
    app.close()

    settings = read_keyfile(tmp)
    section = "io/github/summitplanner/SummitPlanner"
    check(settings.has_section(section), "the window size was not saved")
    check(settings.get(section, "window-width") == "1000",
          "saved width %r" % settings.get(section, "window-width"))

    # Change the remembered size; the next start uses it.
    settings.set(section, "window-width", "900")
    settings.set(section, "window-height", "640")
    with open(os.path.join(tmp, "config", "glib-2.0", "settings", "keyfile"), "w") as f:
        settings.write(f, space_around_delimiters=False)
    app = App(database=database, env=env)
    try:
        frame = app.find("Summit Planner", "frame")
        # The accessible frame may leave out the client-side decoration, so
        # compare with the width the default size of 1000 gave.
        expected = default_width - 100
        try:
            wait_for("the saved width", lambda: frame.size[0] == expected, 10)
        except AssertionError:
            check(False, "window width %d, expected %d (saved 900)" % (frame.size[0], expected))
    except AssertionError as e:
        app.fail(str(e))
    app.close()


def test_about_and_shortcuts(tmp):
    app = App(database=os.path.join(tmp, "about.db"))
    try:
        app.click("Main Menu")
        app.find("About Summit Planner", "menu item").doActionNamed("click")
        app.find("Summit Planner developers", "label")
        app.key("Escape")
        app.click("Main Menu")
        app.find("Keyboard Shortcuts", "menu item").doActionNamed("click")
        app.find("Show Shortcuts", "label")
        app.find("Quit", "label")
        # Built on first use, it still shows the application's accelerators:
        # Ctrl+Q for Quit and Ctrl+W for Close Window.
        app.find("Q", "label")
        app.find("W", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()


def test_read_only(tmp):
    database = os.path.join(tmp, "readonly.db")
    App(database=database).close()
    os.chmod(database, 0o444)
    before = open(database, "rb").read()
    app = App(database=database)
    try:
        app.find("readonly.db (read-only)", "label")
        app.find("Bartosz Bartoszewicz", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    check(open(database, "rb").read() == before, "a read-only file was changed")


def test_foreign_file(tmp):
    database = os.path.join(tmp, "contacts.db")
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    before = open(database, "rb").read()
    app = App(database=database)
    try:
        app.find("Could Not Open the Database", "label")
        labels = [n.name for n in app.find_all(role="label")]
        check(any("belongs to another application" in n for n in labels),
              "the reason is not shown: %r" % labels)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    check(open(database, "rb").read() == before, "a foreign file was changed")


def test_damaged_file(tmp):
    """A file of ours whose pages are damaged: the window says so (the check
    runs just after the first frame) and the file is left as it was."""
    database = os.path.join(tmp, "damaged.db")
    subprocess.run([os.environ["SUMMIT_CLI"], "--database", database, "stats"],
                   check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO person (uid, given_name, family_name, notes, created, updated)"
        " VALUES (?, 'Given', 'Family', ?, 0, 0)",
        [("p%d" % i, "notes " * 40) for i in range(3000)])
    db.execute("COMMIT")
    db.close()  # the last connection folds the log into the file
    data = bytearray(open(database, "rb").read())
    middle = len(data) // 2
    for i in range(middle, middle + 8192):
        data[i] = (i * 7919) & 0xFF
    open(database, "wb").write(bytes(data))
    before = open(database, "rb").read()
    app = App(database=database)
    try:
        app.find("Could Not Open the Database", "label", timeout=30)
        labels = [n.name for n in app.find_all(role="label")]
        check(any("is damaged" in n for n in labels), "the reason is not shown: %r" % labels)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    check(open(database, "rb").read() == before, "a damaged file was changed")


def main():
    tmp = tempfile.mkdtemp(prefix="summit-e2e-window-")
    try:
        test_menu_and_size(tmp)
        print("ok - menu, quit, window size remembered")
        test_about_and_shortcuts(tmp)
        print("ok - about and keyboard shortcuts")
        test_read_only(tmp)
        print("ok - read-only file opens read-only and says so")
        test_foreign_file(tmp)
        print("ok - another application's file refused with the reason, untouched")
        test_damaged_file(tmp)
        print("ok - a damaged file is said to be damaged, untouched")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
