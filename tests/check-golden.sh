#!/bin/sh
# Exports a fixed database every way the command-line tool can and compares
# the bytes with tests/golden/expected: a change to the code that reads the
# database must not change what a person takes away.
# usage: check-golden.sh CLI SOURCE_DIR [--write]
set -eu
cli=$1
golden=$(cd "$2" && pwd)/tests/golden
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A file made by this version, emptied of its first-run data, then filled
# from the fixture (its times are fixed, so every export is too).
"$cli" -d db.sqlite stats > /dev/null
sqlite3 db.sqlite "DELETE FROM panel_member; DELETE FROM panel; DELETE FROM invitation_event;
  DELETE FROM invitation; DELETE FROM person; DELETE FROM year_statistic; DELETE FROM edition;"
"$cli" -d db.sqlite import "$golden/input.xml" > /dev/null

mkdir out
"$cli" -d db.sqlite export out/all.xml
"$cli" -d db.sqlite export out/people.csv
"$cli" -d db.sqlite export out/programme.ics
# DTSTAMP is the time of the export (RFC 5545 §3.8.7.2).
sed -i 's/^DTSTAMP:.*/DTSTAMP:(the time of the export)/' out/programme.ics
"$cli" -d db.sqlite schedule out/frab.xml 2> out/frab.txt
"$cli" -d db.sqlite stats > out/stats.txt
"$cli" -d db.sqlite stats --csv > out/stats.csv
"$cli" -d db.sqlite stats --by country --year 2021 --csv > out/by-country.csv
"$cli" -d db.sqlite stats --by continent --year 2021 > out/by-continent.txt
"$cli" -d db.sqlite chart -o out/chart.svg
"$cli" -d db.sqlite check > out/check.txt

if [ "${3:-}" = --write ]; then
  rm -rf "$golden/expected"
  cp -r out "$golden/expected"
  echo "wrote $golden/expected"
  exit 0
fi

n=0
for f in out/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$golden/expected/$name"; then
    echo "ok - $name is byte-identical"
  else
    echo "not ok - $name differs from tests/golden/expected/$name:"
    diff "$golden/expected/$name" "$f" | head -20 || true
    n=$((n + 1))
  fi
done
[ "$(ls out | wc -l)" -eq "$(ls "$golden/expected" | wc -l)" ] || { echo "not ok - a file is missing"; n=$((n + 1)); }
exit $n
