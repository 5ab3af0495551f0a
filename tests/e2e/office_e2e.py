# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the office-staff end-to-end tests of issue 16: a window on a
database that already holds some data, and selecting one person by search."""

import os
import subprocess
import tempfile

from summit_e2e import App


class AppWithData(App):
    """The app on a fresh database (seeded) into which the CLI imported the
    Summit Planner XML @data first."""

    def __init__(self, data):
        self.data_dir = tempfile.TemporaryDirectory(prefix="summit-e2e-data-")
        database = os.path.join(self.data_dir.name, "summit.db")
        path = os.path.join(self.data_dir.name, "data.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)
        subprocess.run([os.environ["SUMMIT_CLI"], "--database", database, "import", path],
                       check=True)
        super().__init__(database=database)

    def close(self):
        super().close()
        self.data_dir.cleanup()


def select_by_search(app, text, shown):
    """Searches the People page for @text, waits for the @shown line
    ("Showing 1 of 3 people") and selects everyone found."""
    app.find("Search people", "entry").click()
    app.key("<Control>a")
    app.type(text)
    app.find(shown, "label")
    app.click("Select All")
