# SPDX-License-Identifier: GPL-3.0-or-later
"""Many letters are written while the window stays usable: a dialog shows how
far it got and can stop it. Stopped, the letters already written are whole,
nothing is left half-written, and no invitation changes."""

import os
import sqlite3
import subprocess
import sys
import tempfile

from summit_e2e import app_in_home, check, wait_for

CLI = os.environ["SUMMIT_CLI"]
MANY = 3000


def prepare_database(path):
    """The seed plus MANY draft invitations to 2020, from Poland."""
    subprocess.run([CLI, "--database", path, "stats"], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    db.executescript("""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
        INSERT INTO person (uid, honorific, given_name, family_name, position, city, country,
                            timezone, created, updated)
          SELECT 'many-' || i, 'Mr.', 'Jan', 'Kowalski ' || i, 'Mayor', 'Lublin', 'PL',
                 'Europe/Warsaw', 0, 0 FROM n;
        INSERT INTO invitation (person_id, edition_id, status, updated)
          SELECT p.id, e.id, 'draft', 0 FROM person p, edition e
          WHERE p.uid LIKE 'many-%%' AND e.year = 2020;
    """ % MANY)
    db.commit()
    (events,) = db.execute("SELECT count(*) FROM invitation_event").fetchone()
    db.close()
    return events


def quick_labels(node, depth=0):
    """The labels under node, passing over large lists (the 3,000 people),
    which would take longer to walk than a toast stays."""
    try:
        if node.roleName == "label" and node.name:
            yield node.name
        if node.childCount > 100 or depth > 40:
            return
        for child in node.children:
            yield from quick_labels(child, depth + 1)
    except Exception:
        return


def written(folder):
    return sorted(f for f in os.listdir(folder)) if os.path.isdir(folder) else []


def main():
    home = tempfile.TemporaryDirectory(prefix="summit-e2e-home-")
    database = os.path.join(home.name, "many-letters.db")
    folder = os.path.join(home.name, "letters-2020")
    events_before = prepare_database(database)
    with app_in_home(database, home) as app:
        app.find("People", "page tab").doActionNamed("click")
        # Nothing selected: everyone draft or invited in 2020.
        app.click("Prepare Letters")
        app.find("Save the Letters", "filler", timeout=20)
        wait_for("the chooser's name entry to take the keyboard",
                 lambda: app.focused(role="text"), timeout=20)
        app.key("Return")

        app.find("Preparing Letters", timeout=20)
        bar = app.find("Letters written", "progress bar")
        wait_for("some letters on the disk", lambda: len(written(folder)) >= 3, timeout=60)
        # The window answers while the letters are written: the bar moves.
        first = wait_for("the progress bar to move", lambda: bar.value, timeout=20)
        wait_for("the progress bar to move on", lambda: (bar.value or 0) > first, timeout=20)
        check((bar.value or 0) < 1, "the letters were all written before the test could stop them")

        stop = [n for n in app.find_all(role="push button")
                if (n.name or "").endswith("Stop") and "click" in n.actions]
        check(stop, "no Stop button")
        stop[0].doActionNamed("click")

        message = wait_for("the message saying the letters stopped",
                           lambda: next((name for name in quick_labels(app.root)
                                         if name.startswith("Stopped after")), None), timeout=30)
        files = written(folder)
        check(0 < len(files) < MANY, "stopped, yet %d letters of %d" % (len(files), MANY))
        check(str(len(files)) in message,
              "the message %r does not say %d letters were saved" % (message, len(files)))
        # Each letter there is whole; no temporary file is left behind.
        for name in files:
            check(name.startswith("letter-2020-") and name.endswith(".pdf"),
                  "a stray file in the letters' folder: %s" % name)
        for name in (files[0], files[-1]):
            subprocess.run(["pdftotext", os.path.join(folder, name), os.devnull], check=True)
        check(not app.find_all("Mark the Letters as Sent?"), "asked to mark letters not all written")
        with app.db() as db:
            (changed,) = db.execute("SELECT count(*) FROM invitation_event").fetchone()
            (drafts,) = db.execute("SELECT count(*) FROM invitation WHERE status = 'draft'").fetchone()
        check(changed == events_before, "an invitation changed after stopping")
        check(drafts >= MANY, "the drafts are not all drafts any more")
        # Still usable: the People page answers.
        app.find("People", "page tab").doActionNamed("click")
    print("ok")


if __name__ == "__main__":
    sys.exit(main())
