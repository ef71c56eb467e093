#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Checks versions first,
# so a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wasm_bindgen_version" ]; then
  echo "no wasm-bindgen in Cargo.lock (run cargo generate-lockfile)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 15 minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

lock=tests/e2e/package-lock.json
stamp=tests/e2e/node_modules/.package-lock.json
wasm_opt=tests/e2e/node_modules/.bin/wasm-opt
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ] || ! "$wasm_opt" --version 2>/dev/null | grep -q 'version 132'; then
  say "installing the e2e npm packages (Playwright, axe-core, binaryen 132)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
