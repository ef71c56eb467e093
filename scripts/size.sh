#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli (the build's precompressed .br) size of the wasm, js and
# css that a first visit downloads from dist/.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
total_br=0
printf '%-48s %10s %10s %10s\n' file bytes gzip brotli
for file in *.wasm *.js *.css; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$( [ -f "$file.br" ] && wc -c <"$file.br" || echo 0)
  total=$((total + gz))
  total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "$file" "$raw" "$gz" "$br"
done
printf 'total gzip: %d bytes (%d.%d KB)\n' "$total" $((total / 1024)) $(((total % 1024) * 10 / 1024))
printf 'total brotli: %d bytes (%d.%d KB)\n' "$total_br" $((total_br / 1024)) $(((total_br % 1024) * 10 / 1024))
