# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for the end-to-end tests: start the real summit-planner on
a temporary database and find things in its accessibility tree, as a person
would find them on screen.

The tree changes under a search: a dialog that closes takes its nodes with
it, and asking a node that went away raises "The application no longer
exists". Searches here skip such nodes and keep looking; when the app itself
is gone, the failure says so, with its exit status and its output."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from dogtail.config import config

config.checkForA11y = False
config.searchShowingOnly = False
config.logDebugToFile = False
config.defaultDelay = 0.2
config.searchCutoffCount = 10

from dogtail import rawinput, tree  # noqa: E402
from gi.repository import GLib  # noqa: E402
import pyatspi  # noqa: E402

APP = os.environ["SUMMIT_APP"]

# What asking a node that went away raises (LookupError: a child index that
# is no longer there).
GONE = (GLib.GError, LookupError)

# The interval at which waits look again; waits end on a condition, not on it.
POLL = 0.2

# The app started last and not yet closed, so that a wait or an uncaught
# error can tell whether it crashed.
_current = None


def alive(node):
    """Whether the node is still in the tree (asking it does not fail)."""
    try:
        node.roleName
        return True
    except GONE:
        return False


def _children(node):
    try:
        count = node.childCount
    except GONE:
        return []
    children = []
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except GONE:
            continue
        if child is not None:
            children.append(child)
    return children


def _walk(node):
    """Every descendant of node, depth first, skipping those that go away."""
    stack = list(reversed(_children(node)))
    while stack:
        child = stack.pop()
        yield child
        stack.extend(reversed(_children(child)))


def _matches(node, name, role, where):
    try:
        return ((role is None or node.roleName == role)
                and (name is None or node.name == name)
                and (where is None or bool(where(node))))
    except GONE:
        return False


def _describe(name, role, parent):
    what = "%s named %r" % (role or "node", name) if name is not None else (role or "node")
    try:
        if parent is not None and parent.name:
            what += " in %s %r" % (parent.roleName, parent.name)
    except GONE:
        what += " in a node that went away"
    return what


def _exit_description(status):
    if status < 0:
        try:
            return "was killed by %s" % signal.Signals(-status).name
        except ValueError:
            return "was killed by signal %d" % -status
    return "exited with status %d" % status


class AppCrashed(AssertionError):
    pass


class App:
    """The application under test, on a database of its own."""

    def __init__(self, database=None, env=None):
        global _current
        self.tmp = tempfile.TemporaryDirectory(prefix="summit-e2e-")
        self.database = database or os.path.join(self.tmp.name, "summit.db")
        child_env = dict(os.environ)
        child_env["XDG_DATA_HOME"] = os.path.join(self.tmp.name, "data")
        child_env["XDG_CONFIG_HOME"] = os.path.join(self.tmp.name, "config")
        if env:
            child_env.update(env)
        self.log = open(os.path.join(self.tmp.name, "app.log"), "w+")
        self.proc = subprocess.Popen([APP, "--database", self.database],
                                     env=child_env, stdout=self.log, stderr=self.log)
        self.closing = False
        _current = self
        self.root = self._wait_for_app()
        started = os.environ.get("SUMMIT_E2E_STARTED")
        if started:
            open(started, "w").close()

    def _wait_for_app(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.check_alive()
            for app in _children(tree.root):
                try:
                    if app.name in ("summit-planner", "summit_planner"):
                        return app
                except GONE:
                    continue
            time.sleep(POLL)
        self.fail("the app did not appear on the accessibility bus")

    def crashed(self):
        """None while the app runs (or was closed by the test), else how it ended."""
        if self.closing or self.proc.poll() is None:
            return None
        return "the app %s" % _exit_description(self.proc.returncode)

    def check_alive(self):
        """Fails, with the app's exit status and output, if it has ended."""
        how = self.crashed()
        if how is not None:
            self.fail(how + " while the test still needed it")

    def find(self, name=None, role=None, timeout=15, parent=None, where=None):
        """The first node with this name (and role, and for which where(node)
        is true), waiting for it to appear. Nodes that go away during the
        search are skipped; a parent that goes away is waited on until the
        timeout."""
        parent = parent or self.root
        deadline = time.time() + timeout
        while True:
            self.check_alive()
            for node in _walk(parent):
                if _matches(node, name, role, where):
                    return node
            if time.time() > deadline:
                self.fail("no " + _describe(name, role, parent))
            time.sleep(POLL)

    def find_all(self, name=None, role=None, parent=None, where=None):
        """Every node there is now with this name and role (none is not a failure)."""
        self.check_alive()
        return [node for node in _walk(parent or self.root) if _matches(node, name, role, where)]

    def window(self, name=None, role=None, timeout=15, where=None):
        """A top-level window of the app (a dialog is one), by its title."""
        deadline = time.time() + timeout
        while True:
            self.check_alive()
            for node in _children(self.root):
                if _matches(node, name, role, where):
                    return node
            if time.time() > deadline:
                self.fail("no window " + _describe(name, role, None))
            time.sleep(POLL)

    def windows(self):
        """The app's top-level windows now (the main window, dialogs)."""
        return [w for w in _children(self.root) if alive(w)]

    def wait_closed(self, node, what=None, timeout=15):
        """Waits until node (a dialog, say) has left the tree: searching
        while it goes away would meet its nodes half gone."""
        title = what
        if title is None:
            try:
                title = "%s %r" % (node.roleName, node.name)
            except GONE:
                return
        deadline = time.time() + timeout
        while True:
            self.check_alive()
            if not alive(node) or all(w != node for w in _children(self.root)):
                return
            if time.time() > deadline:
                self.fail("%s did not close" % title)
            time.sleep(POLL)

    def wait_gone(self, name=None, role=None, parent=None, timeout=15):
        """Waits until no node has this name and role."""
        deadline = time.time() + timeout
        while self.find_all(name, role, parent):
            if time.time() > deadline:
                self.fail("the %s is still there" % _describe(name, role, parent))
            time.sleep(POLL)

    def click(self, name, role="push button", timeout=15, parent=None):
        """Activates the control as a click would. Composite controls (a
        GtkMenuButton wraps a toggle button of the same name) are clicked
        through the inner node that offers the action. A control replaced
        just as it is clicked is found again."""
        deadline = time.time() + timeout
        while True:
            node = self.find(name, role, max(deadline - time.time(), 0), parent)
            try:
                for candidate in [node] + [n for n in _walk(node) if _matches(n, name, None, None)]:
                    if "click" in candidate.actions:
                        candidate.doActionNamed("click")
                        return candidate
                node.click()
                return node
            except GONE:
                self.check_alive()
                if time.time() > deadline:
                    self.fail("the %s went away each time it was clicked"
                              % _describe(name, role, parent))

    def type(self, text):
        rawinput.typeText(text)

    def key(self, combo):
        rawinput.keyCombo(combo)

    def focused(self, parent=None, role=None):
        """The node that has the keyboard focus under parent, or None; role
        may be one role name or several."""
        roles = (role,) if isinstance(role, str) else role
        return next((n for n in _walk(parent or self.root)
                     if _matches(n, None, None, lambda n: (roles is None or n.roleName in roles)
                                 and n.getState().contains(pyatspi.STATE_FOCUSED))), None)

    def enter_path(self, path, title=None, timeout=20):
        """Types path into a file chooser (the one titled title, else the one
        open) and presses Enter, then waits until the chooser has closed. A
        chooser to open a file gets the path through its location field
        (which typing "/" opens); one to save has its name field focused,
        whose suggested name is replaced, or kept if path is None."""
        chooser = self.window(title, timeout=timeout, where=None if title else lambda w: any(
            _matches(n, "GtkFileChooserWidget", None, None) for n in _walk(w)))
        deadline = time.time() + timeout
        field = wait_for("the focus in the file chooser",
                         lambda: self.focused(chooser, "text") or self.focused(chooser),
                         timeout)
        if field.roleName != "text":
            # The file list has the focus: "/" opens the location field.
            self.type("/")
            field = self._wait_focused_text(chooser, deadline)
            if field is None:   # the key went to a window not yet ready for it
                self.type("/")
                field = self._wait_focused_text(chooser, deadline)
            if field is None:
                self.fail("typing / did not open the file chooser's location field")
            self.type(path[1:] if path.startswith("/") else path)
        elif path is not None:
            self.key("<Control>a")
            self.type(path)
        self.key("Return")
        self.wait_closed(chooser, "the file chooser", timeout)

    def _wait_focused_text(self, chooser, deadline):
        until = min(deadline, time.time() + 5)
        while time.time() < until:
            self.check_alive()
            field = self.focused(chooser, "text")
            if field is not None:
                return field
            time.sleep(POLL)
        return None

    def choose(self, dropdown, steps=0, search=None):
        """Opens a drop-down and picks an item by keyboard: the one @steps
        below the first, or the first that typing @search into its search
        field leaves. (GTK 4.8's drop-down keeps the text typed there, and
        the focus, until it is next opened.)"""
        combo = self.find(dropdown, "combo box")
        # A GtkDropDown has a toggle button; an AdwComboRow is one itself.
        toggle = next((n for n in _walk(combo) if _matches(n, None, "push button", None)), None)

        def is_open():
            return next((p for p in _walk(combo) if _matches(p, "GtkPopover", None, None)
                         and self.focused(p) is not None), None)

        combo.click()
        # Open: its button pressed, the focus in its popover's list.
        popover = wait_for("the list of %r to open" % dropdown,
                           lambda: (toggle is None or _pressed(toggle)) and is_open(), 10)
        if search is not None:
            self.key("<Shift>Tab")   # from the list to the search field
            wait_for("the search field of %r" % dropdown,
                     lambda: self.focused(popover, ("text", "entry")), 10)
            self.type(search)
            wait_for("the list of %r filtered by %r" % (dropdown, search),
                     lambda: search.casefold() in _first_item_text(popover).casefold(), 10)
            self.key("Down")
        else:
            self.key("Home")
            for _ in range(steps):
                self.key("Down")
        self.key("Return")
        wait_for("the list of %r to close" % dropdown,
                 lambda: not _pressed(toggle) if toggle is not None else not is_open(), 10)

    def db(self):
        """A read-only look at the database file itself."""
        return sqlite3.connect("file:%s?mode=ro" % self.database, uri=True)

    def output(self):
        """What the app has written to stdout and stderr so far."""
        self.log.flush()
        self.log.seek(0)
        text = self.log.read()
        self.log.seek(0, os.SEEK_END)
        return text

    def fail(self, message):
        global _current
        how = self.crashed()
        if how is not None and how not in message:
            message += " (%s)" % how
        sys.stderr.write("FAIL: %s\n--- the app's stdout and stderr ---\n%s\n"
                         % (message, self.output()))
        self.close()
        sys.exit(1)

    def close(self):
        global _current
        self.closing = True
        if _current is self:
            _current = None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if not self.log.closed:
            self.log.close()
        self.tmp.cleanup()


def _pressed(node):
    try:
        return node.getState().contains(pyatspi.STATE_PRESSED)
    except GONE:
        return False


def _first_item_text(parent):
    """The text of the first list item's first label under parent, or ""."""
    item = next((n for n in _walk(parent) if _matches(n, None, "list item", None)), None)
    label = item and next((n for n in _walk(item) if _matches(n, None, "label", None)), None)
    try:
        return label.name if label else ""
    except GONE:
        return ""


def wait_for(what, predicate, timeout=15):
    """predicate()'s value once it is true; fails saying what it waited for.
    A node that goes away while predicate() asks it counts as "not yet"; an
    app that has ended fails the wait at once, saying how it ended."""
    deadline = time.time() + timeout
    while True:
        if _current is not None:
            _current.check_alive()
        try:
            value = predicate()
        except GONE:
            value = None
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(POLL)


def shown_within(since, seconds, what, predicate, alive=()):
    """Seconds from since (time.monotonic()) to the start of the look that
    found predicate() true, so that the test's own walk of the accessibility
    tree does not count; fails unless a look that began at most seconds after
    since saw it. Each app in alive is checked before every look."""
    while True:
        for app in alive:
            app.check_alive()
        began = time.monotonic()
        try:
            shown = predicate()
        except GONE:
            shown = False
        if shown:
            return began - since
        if began - since > seconds:
            raise AssertionError("%s: not shown %.1f s after it was stored" % (what, seconds))
        time.sleep(0.02)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@contextlib.contextmanager
def app_in_home(database, home):
    """The app started on database with HOME at home (a TemporaryDirectory,
    removed at the end); a failed check ends the test with the app's output."""
    app = None
    try:
        app = App(database=database, env={"HOME": home.name})
        yield app
    except AssertionError as e:
        if app:
            app.fail(str(e))
        raise
    finally:
        if app:
            app.close()
        home.cleanup()


def _excepthook(kind, value, traceback):
    """An error the test did not expect: say whether the app had crashed."""
    sys.__excepthook__(kind, value, traceback)
    app = _current
    if app is not None:
        how = app.crashed()
        sys.stderr.write("%s\n--- the app's stdout and stderr ---\n%s\n"
                         % (how or "the app was still running", app.output()))
        app.close()


sys.excepthook = _excepthook
