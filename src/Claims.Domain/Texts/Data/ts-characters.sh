#!/bin/sh
# Regenerates ts-characters.tsv, the table that folds traditional Chinese characters to simplified ones for search,
# from OpenCC's TSCharacters dictionary as Debian packages it (apt-get install opencc). One line per traditional
# character: the character, a tab, its first simplified form. Characters that OpenCC maps to themselves are left out.
set -eu
here=$(dirname "$0")
tmp=$(mktemp)
opencc_dict -i /usr/share/opencc/TSCharacters.ocd2 -o "$tmp" -f ocd2 -t text
{
  echo "# Traditional -> simplified Chinese characters, from OpenCC $(dpkg-query -W -f '${Version}' libopencc-data 2>/dev/null || echo '?')"
  echo "# (TSCharacters, Apache License 2.0, Copyright 2010-2022 BYVoid). Regenerate with ts-characters.sh."
  awk -F'\t' '{ split($2, to, " "); if (to[1] != $1) print $1 "\t" to[1] }' "$tmp" | LC_ALL=C sort
} > "$here/ts-characters.tsv"
rm -f "$tmp"
