#!/usr/bin/env bash
# Prints what the release bundle weighs: wasm, JS and CSS, raw and gzip -9.
set -euo pipefail
dir=${1:-dist}
total_raw=0 total_gz=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-48s %8d bytes  %8d gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-48s %8d bytes  %8d gzip (%d KiB)\n' "total (wasm+js+css)" "$total_raw" "$total_gz" $((total_gz / 1024))
