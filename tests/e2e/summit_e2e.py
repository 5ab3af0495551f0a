# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for the end-to-end tests: start the real summit-planner on
a temporary database and find things in its accessibility tree, as a person
would find them on screen."""

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

from dogtail import predicate, rawinput, tree  # noqa: E402

APP = os.environ["SUMMIT_APP"]


class App:
    """The application under test, on a database of its own."""

    def __init__(self, database=None, env=None):
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
        self.root = self._wait_for_app()

    def _wait_for_app(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                self.fail("the app exited early with status %d" % self.proc.returncode)
            for app in tree.root.children:
                if app.name in ("summit-planner", "summit_planner"):
                    return app
            time.sleep(0.3)
        self.fail("the app did not appear on the accessibility bus")

    def find(self, name=None, role=None, timeout=15, parent=None):
        """The first node with this name (and role), waiting for it to appear."""
        parent = parent or self.root
        deadline = time.time() + timeout
        while True:
            node = parent.findChild(predicate.GenericPredicate(name=name, roleName=role),
                                    retry=False, requireResult=False)
            if node is not None:
                return node
            if time.time() > deadline:
                self.fail("no %s named %r" % (role or "node", name))
            time.sleep(0.3)

    def find_all(self, name=None, role=None, parent=None):
        parent = parent or self.root
        return parent.findChildren(predicate.GenericPredicate(name=name, roleName=role))

    def click(self, name, role="push button", timeout=15):
        """Activates the control as a click would. Composite controls (a
        GtkMenuButton wraps a toggle button of the same name) are clicked
        through the inner node that offers the action."""
        node = self.find(name, role, timeout)
        for candidate in [node] + node.findChildren(
                predicate.GenericPredicate(name=name), recursive=True):
            if "click" in candidate.actions:
                candidate.doActionNamed("click")
                return candidate
        node.click()
        return node

    def type(self, text):
        rawinput.typeText(text)

    def key(self, combo):
        rawinput.keyCombo(combo)

    def choose(self, dropdown, steps=0, search=None):
        """Opens a drop-down and picks an item by keyboard: the one @steps
        below the first, or the first that typing @search into its search
        field leaves. (GTK 4.8's drop-down keeps the text typed there, and
        the focus, until it is next opened.)"""
        self.find(dropdown, "combo box").click()
        time.sleep(0.7)
        if search is not None:
            self.key("<Shift>Tab")   # from the list to the search field
            self.type(search)
            time.sleep(0.5)
            self.key("Down")
        else:
            self.key("Home")
            for _ in range(steps):
                self.key("Down")
        self.key("Return")
        time.sleep(0.5)

    def db(self):
        """A read-only look at the database file itself."""
        return sqlite3.connect("file:%s?mode=ro" % self.database, uri=True)

    def fail(self, message):
        self.log.flush()
        self.log.seek(0)
        sys.stderr.write("FAIL: %s\n--- app log ---\n%s\n" % (message, self.log.read()))
        self.close()
        sys.exit(1)

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        self.tmp.cleanup()


def wait_for(what, predicate, timeout=15):
    """predicate()'s value once it is true; fails saying what it waited for."""
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.3)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
