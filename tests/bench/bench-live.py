#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A change committed elsewhere → painted in a window: p50 and p95.

    xvfb-run -a tests/bench/bench-live.py [BUILD] [PEOPLE] [ROUNDS]

BUILD defaults to ./build, PEOPLE to 10,000 (made by summit-bench-generate),
ROUNDS to 40. A window is opened on the database with
SUMMIT_PLANNER_REPORT_LIVE=1, which prints "live-painted-us T" when a change
made elsewhere has been shown and painted (T on the monotonic clock every
process shares). Each round commits one person's new e-mail address through
another connection and takes the time just after the commit (before psql
starts, for the server: an upper bound); the figure is T minus that time. On a SQLite file; and on a server database too when PGHOST
is set (the file copied there with summit-planner-cli copy; the window then
needs to open a server location, and the change is made with psql)."""

import os
import random
import select
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def read_painted(proc, timeout):
    """The next "live-painted-us" time the window prints, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            break
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("live-painted-us "):
            return int(line.split()[1])
    return None


def measure(app, location, write, rounds, ids):
    env = dict(os.environ, SUMMIT_PLANNER_REPORT_LIVE="1", GSK_RENDERER="cairo")
    proc = subprocess.Popen([app, "--database", location], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, bufsize=1)
    latencies = []
    try:
        # Until the window has loaded everyone and shows a change at all.
        while True:
            write(random.choice(ids), "warm-up@example.org")
            if read_painted(proc, 10) is not None:
                break
            if proc.poll() is not None:
                sys.exit("the window ended")
        for i in range(rounds):
            # Commits fall anywhere in the window's polling interval.
            time.sleep(random.uniform(0.05, 0.4))
            committed = write(random.choice(ids), "round-%d@example.org" % i)
            painted = read_painted(proc, 10)
            if painted is None:
                print("round %d: not painted within 10 s" % i)
                continue
            latencies.append((painted - committed) / 1000.0)
    finally:
        proc.terminate()
        proc.wait(10)
    return latencies


def report(what, latencies):
    if len(latencies) < 2:
        print("%s: too few rounds painted (%d)" % (what, len(latencies)))
        return
    p95 = statistics.quantiles(latencies, n=20)[18]
    print("%s: %d rounds, change → painted p50 %.0f ms, p95 %.0f ms (goal p95 ≤ 250 ms)"
          % (what, len(latencies), statistics.median(latencies), p95))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    people = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    app = os.path.join(build, "src", "summit-planner")
    cli = os.path.join(build, "src", "summit-planner-cli")
    generate = os.path.join(build, "tests", "bench", "summit-bench-generate")

    with tempfile.TemporaryDirectory(prefix="summit-bench-live-") as tmp:
        path = os.path.join(tmp, "summit.db")
        subprocess.run([generate, "-n", str(people), path], check=True,
                       stdout=subprocess.DEVNULL)
        with sqlite3.connect(path) as db:
            ids = [row[0] for row in db.execute("SELECT id FROM person")]

        def write_file(person_id, email):
            with sqlite3.connect(path, timeout=10) as db:
                db.execute("UPDATE person SET email = ?, version = version + 1 WHERE id = ?",
                           (email, person_id))
            return time.monotonic_ns() // 1000

        report("SQLite file, %d people" % people, measure(app, path, write_file, rounds, ids))

        if not os.environ.get("PGHOST"):
            print("server: skipped (PGHOST is not set)")
            return
        database = "summit_bench_live_%d" % os.getpid()
        subprocess.run(["psql", "-Atqc", "CREATE DATABASE %s" % database], check=True)
        location = "host=%s port=%s dbname=%s user=%s" % (
            os.environ["PGHOST"], os.environ.get("PGPORT", "5432"), database,
            os.environ.get("PGUSER", "postgres"))
        try:
            subprocess.run([cli, "copy", path, location], check=True)

            # The time before psql starts: psql may still be exiting when the
            # window paints, so this figure is an upper bound.
            def write_server(person_id, email):
                started = time.monotonic_ns() // 1000
                subprocess.run(["psql", "-d", database, "-Atqc",
                                "UPDATE person SET email = '%s', version = version + 1"
                                " WHERE id = %d" % (email, person_id)],
                               check=True, stdout=subprocess.DEVNULL)
                return started

            report("server, %d people" % people,
                   measure(app, location, write_server, rounds, ids))
        finally:
            subprocess.run(["psql", "-Atqc", "DROP DATABASE %s" % database])


if __name__ == "__main__":
    main()
