# Overdue: `make serve` to run the app, `make test` to run every check.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# wasm-opt (binaryen 132, pinned in tools/package.json) comes from tools/node_modules.
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Cargo commands share one target directory, so they run one at a time.
.NOTPARALLEL:

# The port the e2e tests serve dist/ on; set another to run two copies at once.
E2E_PORT ?= 4173
export E2E_PORT
SERVE_PORT ?= 8080

WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: deps unit wasm build e2e test serve size crates bench

# Installs what is missing: Rust target, wasm-bindgen-cli, wasm-split-cli, Chromium, npm packages.
deps:
	@scripts/deps.sh

# The capabilities wasm-bindgen-test hands to chromedriver, from the one list of Chromium flags.
webdriver.json: tools/chromium.json tools/chromium.mjs
	@echo "==> webdriver.json from tools/chromium.json"
	node tools/chromium.mjs webdriver > $@

# The everyday loop: formatting, lints and native tests. No wasm, no browser.
unit:
	@echo "==> cargo fmt --check"
	cargo fmt --check
	@echo "==> clippy (native)"
	cargo clippy --all-targets -- -D warnings
	@echo "==> cargo test (native)"
	cargo test

# The wasm32 lints and the store tests against real localStorage in headless Chromium.
wasm: deps webdriver.json
	@echo "==> clippy (wasm32)"
	cargo clippy --target wasm32-unknown-unknown --lib --bins --features split -- -D warnings
	@echo "==> store tests in headless Chromium (wasm-bindgen-test)"
	$(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown --test store_wasm

# Release build into dist/: split by page, optimised, precompressed (scripts/build.mjs).
build: deps
	@echo "==> release build into dist/"
	node scripts/build.mjs

# Playwright journeys against the release build, served on E2E_PORT.
e2e: build
	@echo "==> Playwright e2e against dist/ on port $(E2E_PORT)"
	cd tests/e2e && npx playwright test

# Every check: what is missing installed, then unit, wasm, release build and e2e.
test: deps unit wasm e2e

serve: build
	@echo "==> serving http://127.0.0.1:$(SERVE_PORT) (Ctrl-C to stop)"
	node tools/serve.mjs dist $(SERVE_PORT)

# What the first visit to / downloads before it paints (measured in Chromium), and every
# chunk, gzip and brotli, from a fresh build.
size: build
	node tools/size.mjs

# Where the wasm goes, by crate and by page (twiggy), as the tables of BENCHMARKS.md.
crates: build
	@scripts/deps.sh twiggy
	node tools/crates.mjs

bench: build
	@echo "==> criterion benchmarks of core"
	cargo bench --bench '*'
	@echo "==> browser boot benchmark"
	cd tests/e2e && npx playwright test --config bench.config.ts --reporter=line
