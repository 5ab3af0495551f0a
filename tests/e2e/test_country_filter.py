# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page's Country filter finds a country by any word of its name
in the user's language or in English, or by its code (issue 16, item 3):
in English "Poland" and "PL", under Polish "Polska" and "Poland", in Chinese
"波蘭" each leave only the seed's two Polish guests; "Korea" offers both
Koreas and not Japan; its "any country" choice, taken with Enter on an empty
search, shows everyone again."""

import os
import subprocess
import sys
import tempfile

from summit_e2e import App, wait_for
from test_places import catalogs, polish_app

POLES = ["Bartosz Bartoszewicz", "Mariusz Sagan"]
SEED = POLES + ["Ko Wen-je (柯文哲)"]
GUESTS = {"KP": "Sunhi Ri", "KR": "Minho Park", "JP": "Aiko Sato"}


def focused_search(app):
    """The filter's search field, once the opened list has given it the focus."""
    return app.root.findChild(lambda n: n.roleName in ("text", "entry") and n.focused,
                              retry=False, requireResult=False)


def open_filter(app, filter_name, query):
    app.click(filter_name)
    wait_for("the filter's search field to take the focus", lambda: focused_search(app))
    if query:
        app.type(query)


def filter_by(app, filter_name, query, expect_row):
    """Opens the Country filter, types @query into its search field, waits
    for the row @expect_row to be offered and takes the first country found
    with Enter."""
    open_filter(app, filter_name, query)
    app.find(expect_row, "label")
    app.key("Return")


def shown_names(app, everyone):
    """The names in the People list's rows."""
    table = app.find(None, "tree table")
    return sorted(n.name for n in table.findChildren(
        lambda n: n.roleName == "label" and n.name in everyone))


def expect_rows(app, summary, names, everyone):
    app.find(summary, "label")
    wait_for("the list to show %r" % (names,), lambda: shown_names(app, everyone) == sorted(names))


def offered(app):
    """Which of the guests' countries the opened filter's list offers."""
    rows = ["%s (%s)" % (name, code) for name, code in
            [("North Korea", "KP"), ("South Korea", "KR"), ("Japan", "JP"), ("Poland", "PL")]]
    return sorted(n.name for n in app.root.findChildren(
        lambda n: n.roleName == "label" and n.name in rows))


def check_language(app, words, queries, everyone):
    """In the app's language: each of @queries (query, the row offered)
    leaves only the Polish guests; the empty choice brings everyone back."""
    filter_name, any_country, all_shown, poles_shown = words
    expect_rows(app, all_shown, everyone, everyone)
    for query, row in queries:
        filter_by(app, filter_name, query, row)
        expect_rows(app, poles_shown, POLES, everyone)
        button = app.find(filter_name, "push button")
        app.find(row, "label", parent=button)
        filter_by(app, filter_name, "", any_country)
        expect_rows(app, all_shown, everyone, everyone)
        app.find(any_country, "label", parent=button)


def run(app, words, queries, what, everyone=SEED, more=None):
    try:
        check_language(app, words, queries, everyone)
        if more:
            more(app)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - country filter: %s" % what)


def with_guests(path):
    """The seed and one guest each from North Korea, South Korea and Japan,
    imported as an office would."""
    csv_path = path + ".csv"
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("given_name,family_name,city,country\n")
        f.write("Sunhi,Ri,Pyongyang,KP\nMinho,Park,Seoul,KR\nAiko,Sato,Tokyo,JP\n")
    subprocess.run([os.environ["SUMMIT_CLI"], "--database", path, "import", csv_path], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def both_koreas(app):
    """"Korea" offers North and South Korea, not Japan; Enter takes the first."""
    everyone = SEED + list(GUESTS.values())
    open_filter(app, "Country filter", "Korea")
    wait_for("both Koreas and nothing else to be offered",
             lambda: offered(app) == ["North Korea (KP)", "South Korea (KR)"])
    app.key("Return")
    expect_rows(app, "Showing 1 of 6 people", [GUESTS["KP"]], everyone)
    filter_by(app, "Country filter", "", "Any country")
    expect_rows(app, "Showing 6 of 6 people", everyone, everyone)


def main():
    tmp = tempfile.TemporaryDirectory(prefix="summit-e2e-countries-")
    run(App(database=with_guests(os.path.join(tmp.name, "countries.db"))),
        ("Country filter", "Any country", "Showing 6 of 6 people", "Showing 2 of 6 people"),
        [("Poland", "Poland (PL)"), ("PL", "Poland (PL)")],
        "Poland and PL find the Polish guests, Korea both Koreas, Any country all",
        everyone=SEED + list(GUESTS.values()), more=both_koreas)
    run(polish_app(),
        ("Filtr kraju", "Dowolny kraj", "Wyświetlanie 3 z 3 osób", "Wyświetlanie 2 z 3 osób"),
        [("Polska", "Polska (PL)"), ("Poland", "Polska (PL)")],
        "Polska and Poland under pl_PL.UTF-8")
    run(App(env={"LC_ALL": "zh_TW.UTF-8", "LANGUAGE": "",
                 "SUMMIT_PLANNER_LOCALEDIR": catalogs()}),
        ("國家篩選器", "任何國家", "顯示 3 人（共 3 人）", "顯示 2 人（共 3 人）"),
        [("波蘭", "波蘭（PL）")],
        "波蘭 under zh_TW.UTF-8")
    tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
