#!/bin/bash
# bench-copy.sh [BUILD] [PEOPLE] [RUNS]
#
# `summit-planner-cli copy FILE SERVER` of a file of PEOPLE made-up people
# (default 100,000, from summit-bench-generate, with their editions,
# invitations and history) into a new server database, against `psql \copy`
# of the same rows (every table, written to CSV beforehand with sqlite3, in
# one transaction) into a new database of the same schema. Prints each
# run's seconds and the medians of RUNS (default 3), the two interleaved.
# The copy's time is all a person waits for: opening both, making the
# server's schema, the rows, the commit.
# Runs on the server of PGHOST if set, else on a throw-away one of its own.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
people=${2:-100000}
runs=${3:-3}

if [ -z "${PGHOST:-}" ]; then
  exec pg_virtualenv -t bash "$0" "$build" "$people" "$runs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tables="person edition invitation invitation_event panel panel_member year_statistic"

"$build/tests/bench/summit-bench-generate" -n "$people" "$work/bench.db"
for t in $tables; do
  sqlite3 -csv -nullvalue '\N' "$work/bench.db" "SELECT * FROM $t" > "$work/$t.csv"
done
rows=$(for t in $tables; do sqlite3 "$work/bench.db" "SELECT count(*) FROM $t"; done |
       awk '{ n += $1 } END { print n }')
echo "$people people: $rows rows in ${tables// /, }"

location () {
  echo "host=$PGHOST port=$PGPORT dbname=$1 user=$PGUSER"
}

now () {
  date +%s.%N
}

since () {
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'
}

copy_times=()
psql_times=()
for run in $(seq "$runs"); do
  createdb "copy_$run"
  start=$(now)
  "$build/src/summit-planner-cli" copy "$work/bench.db" "$(location "copy_$run")" > /dev/null
  copy_times+=("$(since "$start")")

  # The same schema, empty, then the same rows with psql's \copy.
  createdb "psql_$run"
  pg_dump --schema-only "copy_$run" | psql -q -d "psql_$run" > /dev/null
  script="$work/copy.sql"
  : > "$script"
  for t in $tables; do
    columns=$(sqlite3 "$work/bench.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$t')")
    echo "\\copy $t ($columns) FROM '$work/$t.csv' (FORMAT csv, NULL '\\N')" >> "$script"
  done
  start=$(now)
  psql -q -1 -v ON_ERROR_STOP=1 -d "psql_$run" -f "$script"
  psql_times+=("$(since "$start")")
  echo "run $run: copy ${copy_times[-1]} s, psql \\copy ${psql_times[-1]} s"
  dropdb "copy_$run"
  dropdb "psql_$run"
done

median () {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
copy_median=$(median "${copy_times[@]}")
psql_median=$(median "${psql_times[@]}")
awk -v n="$runs" -v c="$copy_median" -v p="$psql_median" 'BEGIN {
  printf "median of %d: copy %.3f s, psql \\copy %.3f s, ratio %.2f (target <= 3)\n", n, c, p, c / p }'
