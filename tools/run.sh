#!/bin/sh
# Sets everything up on a fresh Debian 12 machine and starts Summit Planner
# on its default database ($XDG_DATA_HOME/summit-planner/summit.db), which is
# created and seeded on first start. Extra arguments go to the app.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh build
[ -f build/build.ninja ] || meson setup build
ninja -C build
SUMMIT_PLANNER_LOCALEDIR="$PWD/build/po" GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec build/src/summit-planner "$@"
