# SPDX-License-Identifier: GPL-3.0-or-later
"""Countries and time zones as people name them (issue 16, items 3 and 10):
in the person editor, "Tokyo" and "Warsaw" find their zones by the city;
under Polish, "Polska" finds Poland, countries read as names in the People
list, the agenda says "Warszawa" / "Tajpej" and the Polish weekday, and
"Tokio" sets its second zone."""

import os
import sys
import time

from summit_e2e import App, check, wait_for


def catalogs():
    """The app's translations as built (build/po), for a run in Polish."""
    return os.path.join(os.environ["G_TEST_BUILDDIR"], "..", "po")


def polish_app():
    return App(env={"LC_ALL": "pl_PL.UTF-8", "LANGUAGE": "",
                    "SUMMIT_PLANNER_LOCALEDIR": catalogs()})


def pick_place(app, chooser, editor, query, shown):
    """Opens a place chooser, types @query into its search field and takes
    the first place found with Enter; the button then shows @shown."""
    button = app.find(chooser, "push button", parent=editor)
    inner = [n for n in [button] + button.findChildren(lambda n: n.name == chooser)
             if "click" in n.actions]
    inner[0].doActionNamed("click")
    time.sleep(0.7)   # the popover opens with the focus in its search field
    app.type(query)
    time.sleep(0.5)
    app.key("Return")
    app.find(shown, "label", parent=button)


def person_places(app, family):
    with app.db() as db:
        return db.execute("SELECT country, timezone FROM person WHERE family_name = ?",
                          (family,)).fetchone()


def zones_by_city():
    app = App()
    try:
        app.find("Showing 3 of 3 people", "label")
        app.click("Add Person")
        editor = app.find("New Person", "filler")
        app.type("Aiko")
        app.find("Family Name", "text", parent=editor).click()
        app.type("Sato")

        # The city alone finds the zone; no need to know "Asia/".
        pick_place(app, "Time Zone", editor, "Tokyo", "Tokyo (Asia/Tokyo)")
        pick_place(app, "Time Zone", editor, "Warsaw", "Warsaw (Europe/Warsaw)")
        # A country by a word that is not its first, of its official name.
        pick_place(app, "Country", editor, "Britain", "United Kingdom (GB)")
        save = app.find("Save", "push button", parent=editor)
        wait_for("Save to become sensitive", lambda: save.sensitive)
        save.doActionNamed("click")
        wait_for("Aiko Sato in the database", lambda: person_places(app, "Sato"))
        places = person_places(app, "Sato")
        check(places == ("GB", "Europe/Warsaw"), "saved as %r" % (places,))
        # The People list reads the country's name, not its code.
        app.find("United Kingdom", "label")
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - places: Tokyo and Warsaw find their zones, Britain finds GB")


def polish():
    app = polish_app()
    try:
        app.find("Wyświetlanie 3 z 3 osób", "label")
        # Countries as names in Polish in the People list, not "PL".
        app.find("Polska", "label")
        app.find("Tajwan", "label")

        app.click("Dodaj osobę")
        editor = app.find("Nowa osoba", "filler")
        app.type("Anna")
        app.find("Nazwisko", "text", parent=editor).click()
        app.type("Nowak")
        pick_place(app, "Kraj", editor, "Polska", "Polska (PL)")
        pick_place(app, "Strefa czasowa", editor, "Warszawa", "Warszawa (Europe/Warsaw)")
        save = app.find("Zapisz", "push button", parent=editor)
        wait_for("Save to become sensitive", lambda: save.sensitive)
        save.doActionNamed("click")
        wait_for("Anna Nowak in the database", lambda: person_places(app, "Nowak"))
        places = person_places(app, "Nowak")
        check(places == ("PL", "Europe/Warsaw"), "saved as %r" % (places,))

        # The agenda: the Polish day, and each zone by its Polish city.
        app.find("Panele", "page tab").doActionNamed("click")
        app.find("czwartek, 13 sierpnia 2020", "label")
        wait_for("the opening at 15:00 Tajpej / 09:00 Warszawa",
                 lambda: app.root.findChild(
                     lambda n: n.roleName == "label"
                     and n.name == "15:00 Tajpej (UTC+8)\n09:00 Warszawa (UTC+2)",
                     retry=False, requireResult=False))

        # The second zone by its Polish city: "Tokio" is Asia/Tokyo.
        app.root.findChild(lambda n: n.roleName == "text" and "Druga strefa czasowa" in n.name,
                           retry=True).click()
        app.key("<Control>a")
        app.type("Tokio\n")
        wait_for("the opening at 16:00 Tokio",
                 lambda: app.root.findChild(
                     lambda n: n.roleName == "label"
                     and n.name == "15:00 Tajpej (UTC+8)\n16:00 Tokio (UTC+9)",
                     retry=False, requireResult=False))
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - places: Polska finds PL; the agenda says Warszawa and czwartek in Polish")


def main():
    zones_by_city()
    polish()


if __name__ == "__main__":
    sys.exit(main())
