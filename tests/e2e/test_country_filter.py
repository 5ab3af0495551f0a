# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page's Country filter finds a country by any word of its name
in the user's language or in English, or by its code (issue 16, item 3):
under Polish "Polska", in English "Poland" and "PL", in Chinese "波蘭" each
leave only the seed's two Polish guests; its "any country" choice, taken
with Enter on an empty search, shows everyone again."""

import sys

from summit_e2e import App, check, wait_for
from test_places import catalogs, polish_app

POLES = ("Bartosz Bartoszewicz", "Mariusz Sagan")
EVERYONE = POLES + ("Ko Wen-je (柯文哲)",)


def focused_search(app):
    """The filter's search field, once the opened list has given it the focus."""
    return app.root.findChild(lambda n: n.roleName in ("text", "entry") and n.focused,
                              retry=False, requireResult=False)


def filter_by(app, filter_name, query, expect_row=None):
    """Opens the Country filter, types @query into its search field (after
    waiting for the row @expect_row, when given, to be offered) and takes the
    first country found with Enter."""
    app.click(filter_name)
    wait_for("the filter's search field to take the focus", lambda: focused_search(app))
    if query:
        app.type(query)
    if expect_row is not None:
        app.find(expect_row, "label")
    app.key("Return")


def shown_names(app):
    """The names in the People list's rows."""
    table = app.find(None, "tree table")
    return sorted(n.name for n in table.findChildren(
        lambda n: n.roleName == "label" and n.name in EVERYONE))


def expect_rows(app, summary, names):
    app.find(summary, "label")
    wait_for("the list to show %r" % (names,), lambda: shown_names(app) == sorted(names))


def check_language(app, words, queries):
    """In the app's language: each of @queries (query, the row offered)
    leaves only the Polish guests; the empty choice brings everyone back."""
    filter_name, any_country, all_shown, poles_shown = words
    expect_rows(app, all_shown, EVERYONE)
    for query, row in queries:
        filter_by(app, filter_name, query, row)
        expect_rows(app, poles_shown, POLES)
        button = app.find(filter_name, "push button")
        app.find(row, "label", parent=button)
        filter_by(app, filter_name, "", any_country)
        expect_rows(app, all_shown, EVERYONE)
        app.find(any_country, "label", parent=button)


def run(app, words, queries, what):
    try:
        check_language(app, words, queries)
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - country filter: %s" % what)


def main():
    run(App(),
        ("Country filter", "Any country", "Showing 3 of 3 people", "Showing 2 of 3 people"),
        [("Poland", "Poland (PL)"), ("PL", "Poland (PL)")],
        "Poland and PL find the Polish guests, Any country all")
    run(polish_app(),
        ("Filtr kraju", "Dowolny kraj", "Wyświetlanie 3 z 3 osób", "Wyświetlanie 2 z 3 osób"),
        [("Polska", "Polska (PL)"), ("Poland", "Polska (PL)")],
        "Polska and Poland under pl_PL.UTF-8")
    run(App(env={"LC_ALL": "zh_TW.UTF-8", "LANGUAGE": "",
                 "SUMMIT_PLANNER_LOCALEDIR": catalogs()}),
        ("國家篩選器", "任何國家", "顯示 3 人（共 3 人）", "顯示 2 人（共 3 人）"),
        [("波蘭", "波蘭（PL）")],
        "波蘭 under zh_TW.UTF-8")


if __name__ == "__main__":
    sys.exit(main())
