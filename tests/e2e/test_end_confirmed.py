# SPDX-License-Identifier: GPL-3.0-or-later
"""The seed's session lengths and "Online stream" are planning defaults: the
agenda marks the opening's end "end not confirmed" and its details the stream
"(not confirmed)"; the planner confirms the end in the session editor, the
mark goes; Undo on the toast brings the unconfirmed end back."""

import sys

from summit_e2e import App, check, wait_for

OPENING_ROW = "Opening · Ko Wen-je (柯文哲) (Speaker)"
MARK = " · end not confirmed"


def confirmed(app):
    with app.db() as db:
        return db.execute("SELECT end_confirmed FROM panel WHERE title = 'Official opening'"
                          ).fetchone()[0]


def row_subtitles(app):
    return [n.name for n in app.find_all(role="label") if (n.name or "").startswith(OPENING_ROW)]


def main():
    app = App()
    try:
        app.find("Panels", "page tab").doActionNamed("click")
        # The seed's opening lasts an hour by default: marked, not printed as a fact.
        app.find(OPENING_ROW + MARK, "label")
        check(confirmed(app) == 0, "the seed's opening has a confirmed end")

        app.find("Official opening", "label").click()
        wait_for("the opening's stream marked as a default", lambda: [
            n for n in app.find_all(role="label")
            if (n.name or "").endswith("\nOpening · Online stream (not confirmed)")])
        app.find("Edit…", "label").parent.doActionNamed("click")
        editor = wait_for("the session editor", lambda: [
            w for w in app.root.children if w.roleName == "frame" and w.name == "Edit Session"])[0]
        # The editor says it too, and offers the confirmation.
        app.find("Thursday, 13 August 2020\n15:00 Taipei (UTC+8) = 09:00 Warsaw (UTC+2)\n"
                 "(end not confirmed)", "label", parent=editor)
        app.find("End confirmed", "check box", parent=editor).click()
        app.find("Thursday, 13 August 2020\n15:00 Taipei (UTC+8) = 09:00 Warsaw (UTC+2)",
                 "label", parent=editor)
        app.find("Save", "label", parent=editor).parent.doActionNamed("click")

        wait_for("the confirmed end to be stored", lambda: confirmed(app) == 1)
        wait_for("the agenda to drop the mark", lambda: row_subtitles(app) == [OPENING_ROW])
        check(any((n.name or "").endswith("(Panelist)" + MARK) for n in app.find_all(role="label")),
              "the Lublin panel, still unconfirmed, lost its mark")

        # Undone like any other edit.
        undo = wait_for("an Undo button", lambda: [
            n for n in app.find_all(role="push button") if "Undo" in (n.name or "")])
        undo[0].doActionNamed("click")
        wait_for("the undo to restore the unconfirmed end", lambda: confirmed(app) == 0)
        wait_for("the mark to come back", lambda: row_subtitles(app) == [OPENING_ROW + MARK])
    except AssertionError as e:
        app.fail(str(e))
    app.close()
    print("ok - end not confirmed: marked, confirmed in the editor, undone")


if __name__ == "__main__":
    sys.exit(main())
