#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Checks versions first,
# so a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm splitter of scripts/build.mjs (the one that Leptos' `#[lazy]` and `wasm_split` use).
wasm_split_version=0.2.4
# The size profiler of `make crates` (installed only for it: `scripts/deps.sh twiggy`).
twiggy_version=0.8.0

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wasm_bindgen_version=$(scripts/wasm-bindgen-version.sh)
if [ -z "$wasm_bindgen_version" ]; then
  echo "no wasm-bindgen in Cargo.lock (run cargo generate-lockfile)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-split-cli prints no version of its own: cargo's list of installed crates has it.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$wasm_split_version:" ||
  ! command -v wasm-split-cli >/dev/null; then
  say "installing wasm-split-cli $wasm_split_version (about 5 minutes)"
  cargo install wasm_split_cli_support --version "$wasm_split_version" --features build-binary --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  # Not --locked: a dependency locked in its Cargo.lock was yanked from the registry.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# True when a folder's node_modules holds exactly what its package-lock.json lists (npm's own
# record of an install, node_modules/.package-lock.json, has the same packages at the same
# versions; optional packages for other platforms may be absent).
installed_as_locked() {
  node - "$1" <<'JS'
const { readFileSync } = require("node:fs");
const folder = process.argv[2];
const read = (path) => JSON.parse(readFileSync(`${folder}/${path}`, "utf8")).packages;
let locked, installed;
try {
  locked = read("package-lock.json");
  installed = read("node_modules/.package-lock.json");
} catch {
  process.exit(1);
}
delete locked[""];
const same =
  Object.entries(locked).every(([path, p]) => installed[path]?.version === p.version || (p.optional && !installed[path])) &&
  Object.keys(installed).every((path) => path in locked);
process.exit(same ? 0 : 1);
JS
}

# npm ci in a folder unless its install matches its lockfile and `check` (a command that
# proves the install works) passes.
npm_ci() {
  local folder=$1 what=$2 check=$3
  if ! installed_as_locked "$folder" || ! (cd "$folder" && eval "$check") >/dev/null 2>&1; then
    say "installing $what"
    (cd "$folder" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

npm_ci tools "the tools' npm packages (binaryen 132, playwright-core)" \
  "node_modules/.bin/wasm-opt --version | grep -q 'version 132'"
npm_ci tests/e2e "the e2e npm packages (Playwright, axe-core)" \
  "node_modules/.bin/playwright --version | grep -q 'Version 1.65.1'"

if [ "${1:-}" = twiggy ] && [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $twiggy_version" ]; then
  say "installing twiggy $twiggy_version"
  cargo install twiggy --version "$twiggy_version" --locked --force
fi
