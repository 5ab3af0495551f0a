#!/bin/bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs the whole
# test suite headless: every meson test (core, CLI, data, translations, UI
# end-to-end under Xvfb), then the core tests again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer. The tests run against a
# throw-away PostgreSQL server of their own (pg_virtualenv, PGHOST…), started
# for the run and stopped at its end. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0

if [ "${1:-}" != --with-server ]; then
  sh tools/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }
  # One server for the whole run; -t keeps its files in a temporary folder
  # and runs it as an unprivileged user, also when we are root. The counts
  # come back in a file: pg_virtualenv prints its own lines as it stops.
  results=$(mktemp)
  pg_virtualenv -t -o max_connections=300 bash "$PWD/tools/test.sh" --with-server "$results"
  if ! read -r passed failed < "$results"; then
    echo "the run under the PostgreSQL test server did not finish (could pg_virtualenv start it?)"
    passed=0
    failed=1
  fi
  rm -f "$results"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
fi
results=$2
if ! psql -Atqc 'SELECT 1' >/dev/null; then
  echo "the PostgreSQL test server does not answer at $PGHOST:$PGPORT"
  failed=$((failed + 1))
fi

# Counts the results of one meson test run from its JSON log.
count () {
  local log=$1
  local p f
  p=$(/usr/bin/python3 -c 'import json,sys
print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["result"] in ("OK","EXPECTEDFAIL","SKIP")))' "$log")
  f=$(/usr/bin/python3 -c 'import json,sys
print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["result"] not in ("OK","EXPECTEDFAIL","SKIP")))' "$log")
  passed=$((passed + p))
  failed=$((failed + f))
}

run_suite () {
  local dir=$1; shift
  if ! { [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@"; } || ! ninja -C "$dir"; then
    echo "$dir: the build failed"
    failed=$((failed + 1))
    return
  fi
}

run_suite build
if [ -f build/build.ninja ]; then
  rm -f build/meson-logs/testlog.json
  meson test -C build --print-errorlogs --num-processes 2
  [ -f build/meson-logs/testlog.json ] && count build/meson-logs/testlog.json
  # The fuzz targets exist only where clang does (deps.sh installs it): a
  # run without them has not fuzzed, and says so.
  if ! grep -q '"name": "[^"]*:fuzz / fuzz-' build/meson-logs/testlog.json 2>/dev/null; then
    echo "build: no fuzz test ran (is clang installed?)"
    failed=$((failed + 1))
  fi
fi

run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
if [ -f build-asan/build.ninja ]; then
  rm -f build-asan/meson-logs/testlog.json
  G_SLICE=always-malloc UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C build-asan --suite core --suite cli --print-errorlogs --num-processes 2
  [ -f build-asan/meson-logs/testlog.json ] && count build-asan/meson-logs/testlog.json
fi

echo "$passed $failed" > "$results"
