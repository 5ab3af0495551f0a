#!/bin/sh
# Refresh po/*.po against the strings currently marked in the sources.
#
# Extracts a template the same way tests/check-translations.sh does (same
# xgettext keywords, same po/POTFILES.in list) into a temporary file -- the
# template is not kept in git -- and merges it into every language listed in
# po/LINGUAS. Fuzzy matching is off, so new strings appear untranslated
# rather than as guesses.
#
# Run from the repository root: tools/update-po.sh
set -eu

if [ ! -f po/POTFILES.in ] || [ ! -f po/LINGUAS ]; then
  echo "update-po.sh: run from the repository root" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$tmp/files" --output="$tmp/summit-planner.pot" --package-name=summit-planner

for lang in $(grep -v '^#' po/LINGUAS); do
  if [ ! -f "po/$lang.po" ]; then
    msginit --no-translator --locale="$lang" --input="$tmp/summit-planner.pot" \
      --output-file="po/$lang.po"
  fi
  printf '%s: ' "$lang" >&2
  msgmerge --update --no-fuzzy-matching --backup=none "po/$lang.po" "$tmp/summit-planner.pot"
done
