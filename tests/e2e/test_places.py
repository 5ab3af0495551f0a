# SPDX-License-Identifier: GPL-3.0-or-later
"""Countries and time zones as people name them (issue 16, items 3 and 10):
in the person editor, "Tokyo" and "Warsaw" find their zones by the city;
under Polish, "Polska" finds Poland, countries read as names in the People
list, the agenda says "Warszawa" / "Tajpej" and the Polish weekday, and
"Tokio" sets its second zone."""

import os
import sys

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
    # The popover opens with the focus in its search field; Enter filters
    # by what was typed before it takes the first place found.
    wait_for("the search field of %r" % chooser,
             lambda: app.focused(button, ("text", "entry")), 10)
    app.type(query)
    app.key("Return")
    app.find(shown, "label", parent=button)


def person_places(app, family):
    with app.db() as db:
        return db.execute("SELECT country, timezone FROM person WHERE family_name = ?",
                          (family,)).fetchone()


def add_person(app, words, given, family, picks, expected):
    """Adds a person through the editor, whose controls are named in the
    app's language (@words), picking each (chooser, query, shown) of
    @picks; the database then holds the @expected (country, zone)."""
    add, title, family_field, save_name = words
    app.click(add)
    editor = app.find(title, "filler")
    app.type(given)
    app.find(family_field, "text", parent=editor).click()
    app.type(family)
    for chooser, query, shown in picks:
        pick_place(app, chooser, editor, query, shown)
    save = app.find(save_name, "push button", parent=editor)
    wait_for("Save to become sensitive", lambda: save.sensitive)
    save.doActionNamed("click")
    wait_for("%s %s in the database" % (given, family), lambda: person_places(app, family))
    places = person_places(app, family)
    check(places == expected, "saved as %r" % (places,))


def zones_by_city():
    app = App()
    try:
        app.find("Showing 3 of 3 people", "label")
        # The city alone finds the zone, with no need to know "Asia/"; a
        # country by a word that is not its first, of its official name.
        add_person(app, ("Add Person", "New Person", "Family Name", "Save"), "Aiko", "Sato",
                   [("Time Zone", "Tokyo", "Tokyo (Asia/Tokyo)"),
                    ("Time Zone", "Warsaw", "Warsaw (Europe/Warsaw)"),
                    ("Country", "Britain", "United Kingdom (GB)")],
                   ("GB", "Europe/Warsaw"))
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

        add_person(app, ("Dodaj osobę", "Nowa osoba", "Nazwisko", "Zapisz"), "Anna", "Nowak",
                   [("Kraj", "Polska", "Polska (PL)"),
                    ("Strefa czasowa", "Warszawa", "Warszawa (Europe/Warsaw)")],
                   ("PL", "Europe/Warsaw"))

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
