#!/usr/bin/env bash
# Prints the gzip -9 size of the wasm, js and css that a first visit downloads from dist/.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
printf '%-48s %10s %10s\n' file bytes gzip
for file in *.wasm *.js *.css; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-48s %10d %10d\n' "$file" "$raw" "$gz"
done
printf 'total gzip: %d bytes (%d.%d KB)\n' "$total" $((total / 1024)) $(((total % 1024) * 10 / 1024))
