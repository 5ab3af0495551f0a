# SPDX-License-Identifier: GPL-3.0-or-later
"""A planner saves the programme as a frab schedule from the Panels page: the
window says which sessions the file leaves out and why (the seed's Gdynia
speech has only a day), in the same words as the command-line tool."""

import os
import sys

from summit_e2e import App, check, wait_for

GDYNIA = "Speech by the Deputy Mayor of Gdynia"


def main():
    app = App()
    try:
        app.find("Panels", "page tab").doActionNamed("click")
        app.find("Official opening", "label")

        path = os.path.join(app.tmp.name, "schedule.xml")
        app.find("Export or Print the Programme").click()
        app.find("Save as Schedule (frab .xml)…", "menu item").doActionNamed("click")
        app.enter_path(path)
        wait_for("the schedule to be saved", lambda: os.path.exists(path))

        notice = wait_for("a notice naming the left-out session", lambda: [
            n for n in app.find_all(role="label")
            if GDYNIA in (n.name or "") and "no time yet" in (n.name or "")])
        text = notice[0].name
        check("Left out 1 session that has no time yet (a schedule needs one): “%s”" % GDYNIA
              in text, "the notice does not say what was left out and why: %r" % text)
        check(path in text, "the notice does not say where the file went: %r" % text)
        with open(path, encoding="utf-8") as f:
            check(GDYNIA not in f.read(), "the untimed session is in the schedule after all")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - frab notice: the left-out Gdynia speech is named in the window")


if __name__ == "__main__":
    sys.exit(main())
