# SPDX-License-Identifier: GPL-3.0-or-later
"""After Invite the people invited stay selected, so their reply can be
recorded at once: one person, then two in bulk, in a list sorted by status
(so that the change moves them)."""

import sys

from office_e2e import AppWithData, select_by_search
from summit_e2e import wait_for

DATA = """<?xml version="1.0" encoding="UTF-8"?>
<summit xmlns="https://summitplanner.github.io/ns/summit/1" format-version="1">
  <person uid="t-adam-nowak" given-name="Adam" family-name="Nowak" position="Mayor"
          city="Opole" country="PL"/>
  <person uid="t-ewa-nowak" given-name="Ewa" family-name="Nowak" position="Deputy Mayor"
          city="Kielce" country="PL"/>
  <person uid="t-jan-kowal" given-name="Jan" family-name="Kowal" position="Mayor"
          city="Opole" country="PL"/>
</summit>
"""


def statuses(app):
    with app.db() as db:
        return dict(db.execute(
            "SELECT p.given_name, i.status FROM person p JOIN invitation i ON i.person_id = p.id"
            " JOIN edition e ON e.id = i.edition_id WHERE e.year = 2020"
            " AND p.uid LIKE 't-%'").fetchall())


def main():
    app = AppWithData(DATA)
    try:
        app.find("Showing 6 of 6 people", "label")
        table = app.find("People", "tree table")
        # By status: the invited move up, away from the people not invited.
        app.find("Status", "label", parent=table).click()

        # One person: Invite, then Confirmed, without selecting her again.
        select_by_search(app, "kielce", "Showing 1 of 6 people")
        app.find("1 selected", "label")
        app.click("Invite")
        wait_for("the invitation", lambda: statuses(app).get("Ewa") == "invited")
        app.find("1 person marked Invited", "label")
        app.find("1 selected", "label")
        app.click("Confirmed")
        wait_for("the confirmation", lambda: statuses(app).get("Ewa") == "confirmed")

        # Two at once: both stay selected through Invite and Confirmed.
        select_by_search(app, "opole", "Showing 2 of 6 people")
        app.find("2 selected", "label")
        app.click("Invite")
        wait_for("the invitations",
                 lambda: statuses(app).get("Adam") == statuses(app).get("Jan") == "invited")
        app.find("2 people marked Invited", "label")
        app.find("2 selected", "label")
        app.click("Confirmed")
        wait_for("the confirmations",
                 lambda: statuses(app).get("Adam") == statuses(app).get("Jan") == "confirmed")
        app.find("2 selected", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - keep selection: selected people stay selected after Invite")


if __name__ == "__main__":
    sys.exit(main())
