# SPDX-License-Identifier: GPL-3.0-or-later
"""The end-to-end helpers themselves: a dialog that closes under a search
does not break it (its nodes are skipped), and an app that crashes is said
to have crashed, with how it ended and what it printed, not reported as a
node that went away."""

import os
import subprocess
import sys
import textwrap

from summit_e2e import App, check

CRASH = textwrap.dedent("""
    import os, signal
    from summit_e2e import App
    app = App()
    app.find("Summit Planner", "frame")
    os.kill(app.proc.pid, signal.SIGSEGV)
    app.find("A label that is never there", "label", timeout=60)
    """)


def test_dialog_closing_under_a_search():
    app = App()
    try:
        app.click("Main Menu")
        app.find("About Summit Planner", "menu item").doActionNamed("click")
        about = app.window(where=lambda w: w.name != "Summit Planner")
        app.find("Summit Planner developers", "label", parent=about)
        app.key("Escape")
        app.wait_closed(about, "the About window")
        # Searching in and past the closed window's nodes does not raise.
        check(app.find_all(parent=about) == [], "the closed window still has children")
        check(app.find_all("Summit Planner developers", "label") == [],
              "a label of the closed About window is still found")
        app.find("Bartosz Bartoszewicz", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()


def test_crash_is_said():
    """A child test whose app dies of SIGSEGV: it fails at once, naming the signal."""
    child = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True,
                           timeout=60, env=dict(os.environ, SUMMIT_E2E_STARTED=""))
    check(child.returncode == 1, "the child test ended with %d:\n%s"
          % (child.returncode, child.stderr))
    check("the app was killed by SIGSEGV while the test still needed it" in child.stderr,
          "the crash was not said as such:\n" + child.stderr)
    check("--- the app's stdout and stderr ---" in child.stderr,
          "the app's output is not shown:\n" + child.stderr)
    check("Traceback" not in child.stderr, "the crash came out as a traceback:\n" + child.stderr)


def main():
    test_dialog_closing_under_a_search()
    print("ok - a dialog closing under a search: its nodes are skipped")
    test_crash_is_said()
    print("ok - a crashed app is said to have crashed, with its signal and output")


if __name__ == "__main__":
    sys.exit(main())
