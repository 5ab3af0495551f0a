# SPDX-License-Identifier: GPL-3.0-or-later
"""The Statistics page's second chart (who was invited from where) is of the
edition chosen in the header bar, as the People and Panels pages are: not
always the newest."""

import os
import sqlite3
import subprocess
import sys
import tempfile

from summit_e2e import app_in_home, check, wait_for

CLI = os.environ["SUMMIT_CLI"]


def prepare_database(path):
    """The seed (2020: Poland and Taiwan) plus a 2021 edition that invited one
    mayor from the United States."""
    subprocess.run([CLI, "--database", path, "stats"], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    db.executescript("""
        INSERT INTO edition (year, theme, host_city, host_country, timezone)
          VALUES (2021, 'Net Zero Cities', 'Taipei', 'TW', 'Asia/Taipei');
        INSERT INTO person (uid, given_name, family_name, position, country, created, updated)
          VALUES ('e2e-us', 'Jane', 'Doe', 'Mayor', 'US', 0, 0);
        INSERT INTO invitation (person_id, edition_id, status, updated)
          SELECT p.id, e.id, 'confirmed', 0 FROM person p, edition e
          WHERE p.uid = 'e2e-us' AND e.year = 2021;
    """)
    db.commit()
    db.close()


def chart_description(app):
    """What the second chart says to a screen reader: a bar a country."""
    for node in app.find_all(where=lambda n: "invitations," in (n.description or "")):
        return node.description
    return None


def main():
    home = tempfile.TemporaryDirectory(prefix="summit-e2e-home-")
    database = os.path.join(home.name, "editions.db")
    prepare_database(database)
    with app_in_home(database, home) as app:
        app.find("Showing 4 of 4 people", "label")
        app.find("Statistics", "page tab").doActionNamed("click")
        # The newest edition at first: 2021, one invitation, from the US.
        first = wait_for("the second chart", lambda: chart_description(app), timeout=30)
        check("Poland" not in first and "1 invitations" in first,
              "the chart is not of 2021: %r" % first)

        # 2020 chosen in the header bar: the chart follows.
        combo = app.find("Edition", "combo box")
        combo.click()
        # The list opens on 2021, the newest; 2020 is below it.
        wait_for("the edition list to open",
                 lambda: app.focused(role=("list item", "label", "list")), timeout=15)
        app.key("Down")
        app.key("Return")
        second = wait_for("the chart of 2020",
                          lambda: (chart_description(app) or "").startswith("Poland")
                          and chart_description(app))
        check("Poland: 2 invitations, 2 confirmed." in second,
              "the 2020 chart does not count Poland's two: %r" % second)
    print("ok")


if __name__ == "__main__":
    sys.exit(main())
