# SPDX-License-Identifier: GPL-3.0-or-later
"""No lost update on the Panels page. A planner saves a session; a colleague
changes it (written here as their program would: the row and its version);
the planner's Undo then writes nothing and says why. In the lineup, a change
over a lineup someone changed meanwhile is refused and the lineup shown as it
is now; a change the window has already seen (live) is no reason to refuse.
A deleted session comes back, with its lineup, on Undo."""

import sqlite3
import sys

from summit_e2e import App, check, wait_for

OPENING = "Official opening"
KO = "Ko Wen-je (柯文哲)"


def opening(app):
    with app.db() as db:
        return db.execute("SELECT room, description FROM panel WHERE title = ?",
                          (OPENING,)).fetchone()


def colleague(app, sql):
    """Another planner's change to the opening, its version raised."""
    with sqlite3.connect(app.database) as db:
        db.execute(sql)
        db.execute("UPDATE panel SET version = version + 1 WHERE title = ?", (OPENING,))


def ko_role(app):
    with app.db() as db:
        return db.execute("SELECT m.role FROM panel_member m JOIN panel p ON p.id = m.panel_id"
                          " JOIN person s ON s.id = m.person_id"
                          " WHERE p.title = ? AND s.family_name = 'Ko'", (OPENING,)).fetchone()


def label_starting(app, text):
    return wait_for("a message %r" % text, lambda: [
        n for n in app.find_all(role="label") if (n.name or "").startswith(text)])


def open_opening(app):
    app.find("Panels", "page tab").doActionNamed("click")
    app.find(OPENING, "label").click()
    app.find("Role of " + KO, "combo box")


def undo_after_colleague(app):
    open_opening(app)
    app.find("Edit…", "label").parent.doActionNamed("click")
    editor = wait_for("the session editor", lambda: [
        w for w in app.root.children if w.roleName == "frame" and w.name == "Edit Session"])[0]
    app.find("Room or stream", "text", parent=editor).click()
    app.key("<Control>a")
    app.type("Main hall")
    app.find("Save", "label", parent=editor).parent.doActionNamed("click")
    wait_for("the room to be saved", lambda: opening(app)[0] == "Main hall")
    undo = wait_for("the Undo button", lambda: [
        n for n in app.find_all(role="push button") if "Undo" in (n.name or "")])[0]

    colleague(app, "UPDATE panel SET description = 'Opening remarks' WHERE title = '%s'" % OPENING)
    undo.doActionNamed("click")
    label_starting(app, "Not undone: someone changed “%s” since you saved it" % OPENING)
    check(opening(app) == ("Main hall", "Opening remarks"),
          "Undo overwrote the colleague's change: %r" % (opening(app),))


def lineup_seen_live(app):
    """The window watches its file: it shows the colleague's change, and
    a change over it is not refused."""
    colleague(app, "UPDATE panel_member SET role = 'moderator' WHERE person_id ="
                   " (SELECT id FROM person WHERE family_name = 'Ko')")
    label_starting(app, "Opening · %s (Moderator)" % KO)
    app.click("Remove " + KO)
    wait_for("the removal to be stored", lambda: ko_role(app) is None)
    check(not [n for n in app.find_all(role="label")
               if (n.name or "").startswith("Someone changed this lineup")],
          "a change over the lineup shown live was refused")


def lineup_of_opening(app):
    with app.db() as db:
        return db.execute("SELECT p.uid, m.person_id, m.role FROM panel p"
                          " LEFT JOIN panel_member m ON m.panel_id = p.id WHERE p.title = ?",
                          (OPENING,)).fetchall()


def delete_and_undo(app):
    """Undo of a deletion brings the session back whole, with its lineup."""
    open_opening(app)
    before = lineup_of_opening(app)
    app.find("Delete…", "label").parent.doActionNamed("click")
    dialog = wait_for("the question", lambda: [
        w for w in app.root.children if w.roleName == "dialog" and w.name == "Delete This Session?"])[0]
    app.click("_Delete Delete", parent=dialog)
    wait_for("the session to be deleted", lambda: lineup_of_opening(app) == [])
    label_starting(app, "Deleted “%s”" % OPENING)
    undo = wait_for("the Undo button", lambda: [
        n for n in app.find_all(role="push button") if "Undo" in (n.name or "")])[0]
    undo.doActionNamed("click")
    wait_for("the session and its lineup back", lambda: lineup_of_opening(app) == before)


def lineup_after_colleague(app):
    """A colleague's change the window has not seen: the lineup editor's
    change is refused, the lineup shown as it is now, and then taken."""
    open_opening(app)
    colleague(app, "UPDATE panel_member SET role = 'host' WHERE person_id ="
                   " (SELECT id FROM person WHERE family_name = 'Ko')")
    app.click("Remove " + KO)
    label_starting(app, "Someone changed this lineup meanwhile; it is shown as it is now.")
    check(ko_role(app) == ("host",), "the refused removal changed the lineup: %r" % (ko_role(app),))
    label_starting(app, "Opening · %s (Host)" % KO)
    # Shown as it is now, the lineup takes the next change.
    app.click("Remove " + KO)
    wait_for("the removal to be stored", lambda: ko_role(app) is None)


def main():
    # The second window does not watch its file: a colleague's change is unseen.
    for env, steps in ((None, (undo_after_colleague, lineup_seen_live)),
                       ({"SUMMIT_STORE_WATCH_FILE": "0"}, (delete_and_undo, lineup_after_colleague))):
        app = App(env=env)
        try:
            for step in steps:
                step(app)
        except AssertionError as e:
            app.fail(str(e))
        app.close()
    print("ok - Undo and the lineup editor write only over the version they saw")

if __name__ == "__main__":
    sys.exit(main())
