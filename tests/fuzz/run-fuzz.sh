#!/bin/sh
# A short fuzz run: FUZZER SEED_CORPUS SECONDS. New inputs go to a
# temporary corpus (the seeds in the source tree stay as they are); a crash,
# leak or abort fails the test and leaves the input in the temporary folder,
# whose name is printed.
set -eu
fuzzer=$(realpath "$1")
seeds=$2
seconds=${SUMMIT_FUZZ_SECONDS:-$3}
work=$(mktemp -d "${TMPDIR:-/tmp}/summit-fuzz-XXXXXX")
mkdir "$work/corpus"
cp "$seeds"/* "$work/corpus/"
cd "$work"
if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=1 \
     -print_final_stats=1 corpus >fuzz.log 2>&1; then
  # How much of the code the target sees, then how far this run went.
  grep -E "PC tables|INITED" fuzz.log || true
  tail -n 15 fuzz.log
  rm -rf "$work"
else
  status=$?
  tail -n 60 fuzz.log
  echo "fuzz: failed with status $status; inputs and log kept in $work" >&2
  exit 1
fi
