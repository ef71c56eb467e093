#!/usr/bin/env bash
# Prints the wasm-bindgen version that Cargo.lock resolves (the `name = "wasm-bindgen"`
# package block), or nothing if there is none. scripts/deps.sh installs the CLI of that version.
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true
