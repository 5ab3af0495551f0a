#!/bin/sh
# Runs one end-to-end test script: a private X server outside, a private
# session bus inside (so the accessibility bus inherits DISPLAY), then the
# script with Debian's python3 and dogtail (PLATFORM.md, "Testing a GTK app
# headless").
set -eu
script=$1
for tool in xvfb-run dbus-run-session /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "e2e: $tool is not installed" >&2
    exit 1
  fi
done
export GSK_RENDERER=cairo
export GTK_A11Y=atspi
export NO_AT_BRIDGE=0
export LC_ALL=${LC_ALL:-C.UTF-8}
export PYTHONPATH="$(dirname "$0")${PYTHONPATH:+:$PYTHONPATH}"
run () {
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- /usr/bin/python3 "$script"
}
# A private X server and session bus now and then fail to come up when the
# previous test's are still going away; a real failure fails twice. The first
# attempt's output stays in the log above this line.
if ! run; then
  echo "e2e: first attempt of $script failed; retrying once in a fresh X server" >&2
  sleep 2
  run
fi
