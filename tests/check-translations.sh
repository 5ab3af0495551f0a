#!/bin/sh
# Every string a person reads is translatable, and every language in
# po/LINGUAS is translated completely: no untranslated and no fuzzy message
# against a template freshly extracted from po/POTFILES.in, and every source
# file that marks strings is listed there.
set -eu
src=$1
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Files that mark strings but are missing from POTFILES.in.
for f in $(grep -rlE '(_|N_|C_)\("|translatable="yes"' src ui data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null | sort); do
  case "$f" in data/seed.xml|data/*.rng) continue ;; esac
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po/POTFILES.in: $f marks strings for translation but is not listed"
    status=1
  fi
done

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
# The desktop file, metainfo and schema go through itstool-less xgettext
# support (gettext 0.21 knows .desktop and AppStream and GSettings).
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$tmp/files" --output="$tmp/summit-planner.pot" --package-name=summit-planner \
  2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
total=$(msgattrib --no-obsolete "$tmp/summit-planner.pot" | grep -c '^msgid ' || true)
echo "template: $((total - 1)) messages"

for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/summit-planner.pot" -o "$tmp/$lang.po"
  msgfmt --check --output-file=/dev/null "$tmp/$lang.po" || status=1
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry as one msgid when anything is left.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  echo "$lang: $untranslated untranslated, $fuzzy fuzzy"
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -5
    status=1
  fi
done
exit $status
