#!/bin/sh
# Runs a test program (TAP) on the PostgreSQL engine, on the server that
# PGHOST names; without one it skips, saying so (tools/test.sh starts one).
if [ -z "${PGHOST:-}" ]; then
  echo "1..0 # SKIP no PostgreSQL server: PGHOST is unset (tools/test.sh starts one)"
  exit 0
fi
exec "$@"
