# SPDX-License-Identifier: GPL-3.0-or-later
"""The People list's "Last Change" is the invitation's last event for the
edition shown: a mayor invited on 1 June 2020 (by letter; the invitation's
only event) reads 2020-06-01, though his record was stored today, and the
column sorts by that date."""

import sys

from office_e2e import AppWithData
from summit_e2e import check, wait_for

DATA = """<?xml version="1.0" encoding="UTF-8"?>
<summit xmlns="https://summitplanner.github.io/ns/summit/1" format-version="1">
  <person uid="t-adam-nowak" given-name="Adam" family-name="Nowak" position="Mayor"
          city="Opole" country="PL"/>
  <person uid="t-piotr-wisniewski" given-name="Piotr" family-name="Wiśniewski" position="Mayor"
          city="Toruń" country="PL"/>
  <edition year="2020" host-city="Taipei" host-country="TW" timezone="Asia/Taipei" format="online">
    <invitation person="t-adam-nowak" status="invited">
      <event at="2020-06-01T09:00:00Z" to="invited" channel="letter"/>
    </invitation>
    <invitation person="t-piotr-wisniewski" status="invited">
      <event at="2019-05-02T09:00:00Z" to="invited" channel="email"/>
    </invitation>
  </edition>
</summit>
"""


def main():
    app = AppWithData(DATA)
    try:
        app.find("Showing 5 of 5 people", "label")
        table = app.find("People", "tree table")
        app.find("2020-06-01", "label", parent=table)
        app.find("2019-05-02", "label", parent=table)

        names = ["Adam Nowak", "Piotr Wiśniewski"]

        def shown_order():
            return [n.name for n in app.find_all(role="label", parent=table) if n.name in names]

        check(shown_order() == names, "not by name at first: %r" % (shown_order(),))
        app.find("Last Change", "label", parent=table).click()
        wait_for("the sort by last change (2019 first)", lambda: shown_order() == names[::-1])
        app.find("Last Change", "label", parent=table).click()
        wait_for("the reversed sort by last change", lambda: shown_order() == names)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - last change: the invitation's last event, and sorted by it")


if __name__ == "__main__":
    sys.exit(main())
