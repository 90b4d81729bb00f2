#!/usr/bin/env bash
# Prints what each mode downloads from the release bundle, raw and gzip -9: page mode (what
# index.html names, and pwa.js) and embed mode (embed.js and what it names).
set -euo pipefail
dir=${1:-dist}
named() { grep -oE "\./[A-Za-z0-9_.-]+\.(js|wasm|css)" "$1" | sed 's|^\./||' | sort -u; }
report() {
  local label=$1; shift
  local total_raw=0 total_gz=0 f raw gz
  for f in "$@"; do
    raw=$(wc -c <"$dir/$f")
    gz=$(gzip -9c "$dir/$f" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
    printf '  %-46s %8d bytes  %8d gzip\n' "$f" "$raw" "$gz"
  done
  printf '%-48s %8d bytes  %8d gzip (%d KiB)\n' "$label" "$total_raw" "$total_gz" $((total_gz / 1024))
}
# shellcheck disable=SC2046
report "page mode (index.html)" $(named "$dir/index.html") pwa.js
if [ -f "$dir/embed.js" ]; then
  # shellcheck disable=SC2046
  report "embed mode (embed.js)" embed.js $(named "$dir/embed.js")
fi
