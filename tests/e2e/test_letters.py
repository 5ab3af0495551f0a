# SPDX-License-Identifier: GPL-3.0-or-later
"""Invitation letters as office staff prepare them: three people of three
countries selected on the People page, "Prepare Letters…", one PDF each; each
reads in its guest's language, with the salutation, the native-script name and
the session times in the guest's zone and Taipei's. The draft invitation among
them becomes "invited", by letter, when staff say so."""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile

from summit_e2e import app_in_home, check, wait_for

CLI = os.environ["SUMMIT_CLI"]


def prepare_database(path):
    """The seed, less Gdynia's deputy mayor (his speech has no time yet), plus a
    mayor from the United States, a draft, on the September panel."""
    subprocess.run([CLI, "--database", path, "stats"], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    db.executescript("""
        DELETE FROM panel_member WHERE person_id =
          (SELECT id FROM person WHERE uid = 'seed-bartosz-bartoszewicz');
        DELETE FROM person WHERE uid = 'seed-bartosz-bartoszewicz';
        INSERT INTO person (uid, honorific, given_name, family_name, position, city, country,
                            timezone, created, updated)
          VALUES ('e2e-us', 'Ms.', 'Jane', 'Doe', 'Mayor', 'Springfield', 'US',
                  'America/New_York', 0, 0);
        INSERT INTO invitation (person_id, edition_id, status, updated)
          SELECT p.id, e.id, 'draft', 0 FROM person p, edition e
          WHERE p.uid = 'e2e-us' AND e.year = 2020;
        INSERT INTO panel_member (panel_id, person_id, role, position)
          SELECT pa.id, p.id, 'panelist', 9 FROM panel pa, person p
          WHERE pa.start_utc = 1600956000 AND p.uid = 'e2e-us';
    """)
    db.commit()
    db.close()


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-raw", path, "-"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return " ".join(out.split())


def expect(text, needles, what):
    """Each needle is a plain string, or a compiled pattern (for zone cities,
    whose names come from CLDR in the letter's language)."""
    for needle in needles:
        found = needle.search(text) if hasattr(needle, "search") else needle in text
        check(found, "%s lacks %r:\n%s" % (what, getattr(needle, "pattern", needle), text))


def main():
    home = tempfile.TemporaryDirectory(prefix="summit-e2e-home-")
    database = os.path.join(home.name, "letters.db")
    prepare_database(database)
    with app_in_home(database, home) as app:
        app.find("People", "page tab").doActionNamed("click")
        app.click("Select All")
        app.find("3 selected", "label")
        app.click("Prepare Letters")
        # The chooser suggests a new folder, letters-2020, in the home folder.
        app.enter_path(None, "Save the Letters")

        folder = os.path.join(home.name, "letters-2020")
        files = {uid: os.path.join(folder, "letter-2020-%s.pdf" % uid)
                 for uid in ("seed-ko-wen-je", "seed-mariusz-sagan", "e2e-us")}
        wait_for("three letters in %s" % folder,
                 lambda: all(os.path.exists(f) for f in files.values()))

        # One of them was a draft: asked once whether it is now sent.
        app.find("Mark the Letters as Sent?", timeout=20)
        # libadwaita 1.2 names a message dialog's buttons "_Label Label".
        buttons = [n for n in app.find_all(role="push button")
                   if (n.name or "").endswith("Mark Invited") and "click" in n.actions]
        check(buttons, "no Mark Invited button")
        buttons[0].doActionNamed("click")

        def letter_event():
            with app.db() as db:
                return db.execute(
                    "SELECT i.status, ev.channel FROM invitation i"
                    " JOIN invitation_event ev ON ev.invitation_id = i.id"
                    " JOIN person p ON p.id = i.person_id"
                    " WHERE p.uid = 'e2e-us' AND ev.new_status = 'invited'").fetchone()
        check(wait_for("the draft marked invited", letter_event) == ("invited", "letter"),
              "the draft was not marked invited by letter")
        with app.db() as db:
            statuses = dict(db.execute(
                "SELECT p.uid, i.status FROM invitation i JOIN person p ON p.id = i.person_id"))
        check(statuses["seed-ko-wen-je"] == "confirmed", "a confirmed invitation changed")

        # Undone from the toast: back to draft, both moves in the history.
        app.find("1 person marked Invited", "label")
        undo = wait_for("the Undo button", lambda: app.root.findChild(
            lambda n: n.roleName == "push button" and (n.name or "").endswith("Undo"),
            retry=False, requireResult=False))
        undo.doActionNamed("click")

        def us_status():
            with app.db() as db:
                return db.execute("SELECT i.status FROM invitation i JOIN person p"
                                  " ON p.id = i.person_id WHERE p.uid = 'e2e-us'").fetchone()[0]
        wait_for("the undo", lambda: us_status() == "draft")
        with app.db() as db:
            moves = db.execute("SELECT ev.old_status, ev.new_status, ev.channel"
                               " FROM invitation_event ev JOIN invitation i ON i.id = ev.invitation_id"
                               " JOIN person p ON p.id = i.person_id WHERE p.uid = 'e2e-us'"
                               " ORDER BY ev.id").fetchall()
        check(moves == [("draft", "invited", "letter"), ("invited", "draft", "letter")],
              "the history does not show the mark and its undo: %r" % (moves,))

        # Taipei's mayor: Traditional Chinese, his name in Han characters, the
        # opening at 15:00 Taipei time.
        expect(pdf_text(files["seed-ko-wen-je"]),
               ["邀請函", "柯文哲市長", "2020年8月13日", "15:00"], "Ko's letter")
        # Lublin: Polish, "Szanowny Panie Dyrektorze", 16:00 Warsaw = 22:00 Taipei.
        expect(pdf_text(files["seed-mariusz-sagan"]),
               ["Zaproszenie", "Szanowny Panie Dyrektorze,", "24 września 2020",
                re.compile(r"godz\. 16:00 czasu \w+ \(UTC\+2\) = godz\. 22:00 czasu \w+ \(UTC\+8\)")],
               "Sagan's letter")
        # Springfield: English, "Dear Mayor Doe", 10:00 New York = 22:00 Taipei.
        expect(pdf_text(files["e2e-us"]),
               ["Invitation", "Dear Mayor Doe,", "24 September 2020",
                re.compile(r"10:00 [\w ]+ time \(UTC-4\) = 22:00 \w+ time \(UTC\+8\)")],
               "Doe's letter")
    print("ok")


if __name__ == "__main__":
    sys.exit(main())
