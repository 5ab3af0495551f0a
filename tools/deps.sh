#!/bin/sh
# Installs, with apt-get, the Debian 12 packages that Summit Planner needs to
# build ("build"), or to build and run its whole test suite ("test").
# Does nothing for packages already there; uses sudo when not root.
set -eu
build="meson ninja-build pkg-config gcc libc6-dev libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libxml2-dev libxml2-utils libical-dev libcsv-dev libpng-dev
  libfontconfig-dev gettext libjson-glib-dev iso-codes unicode-cldr-core fonts-noto-cjk
  libglib2.0-dev-bin desktop-file-utils appstream libpq-dev libsecret-1-dev"
test="$build xvfb xauth dbus at-spi2-core python3-dogtail xdotool dconf-gsettings-backend
  gsettings-desktop-schemas sqlite3 poppler-utils imagemagick locales-all
  clang libclang-rt-14-dev llvm postgresql postgresql-common gnome-keyring"
case "${1:-build}" in
  build) wanted=$build ;;
  test) wanted=$test ;;
  *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac
missing=
for p in $wanted; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "Installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
