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
# The helpers touch this file once the app is up on the accessibility bus.
started=$(mktemp "${TMPDIR:-/tmp}/summit-e2e-started-XXXXXX")
trap 'rm -f "$started"' EXIT
export SUMMIT_E2E_STARTED="$started"
run () {
  rm -f "$started"
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- /usr/bin/python3 "$script"
}
# A private X server and session bus now and then fail to come up when the
# previous test's are still going away: that, and only that (the app never
# reached the accessibility bus), is retried once. A test that failed after
# the app came up fails here, so that flaky tests show.
status=0
run || status=$?
if [ "$status" -ne 0 ]; then
  # 77: the test skipped itself (meson's skip status), saying why.
  if [ "$status" -eq 77 ]; then
    exit 77
  fi
  if [ -e "$started" ]; then
    exit 1
  fi
  echo "e2e: the X server, session bus or app did not come up for $script; retrying once" >&2
  run
fi
