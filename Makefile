# Overdue: `make serve` to run the app, `make test` to run every check.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: deps check-pins build serve test size bench

# wasm-bindgen version, read from Cargo.lock (the `name = "wasm-bindgen"` package block).
WASM_BINDGEN_LOCK = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null)
WASM_BINDGEN_PIN = $(shell sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)

# Trunk.toml must pin the exact wasm-bindgen that Cargo.lock resolves, or the build breaks.
check-pins:
	@echo "==> wasm-bindgen: Cargo.lock $(or $(WASM_BINDGEN_LOCK),<none>), Trunk.toml $(or $(WASM_BINDGEN_PIN),<none>)"
	@if [ -z "$(WASM_BINDGEN_LOCK)" ]; then \
		echo "ERROR: no wasm-bindgen package in Cargo.lock (run cargo generate-lockfile)" >&2; exit 1; fi
	@if [ "$(WASM_BINDGEN_LOCK)" != "$(WASM_BINDGEN_PIN)" ]; then \
		echo "ERROR: Trunk.toml pins wasm_bindgen = \"$(WASM_BINDGEN_PIN)\" but Cargo.lock has $(WASM_BINDGEN_LOCK)." >&2; \
		echo "       Set [tools] wasm_bindgen = \"$(WASM_BINDGEN_LOCK)\" in Trunk.toml." >&2; exit 1; fi

deps: check-pins
	@scripts/deps.sh

build: deps
	@echo "==> release build into dist/"
	trunk build --release --offline

serve: build
	@echo "==> serving http://127.0.0.1:8080 (Ctrl-C to stop)"
	node tests/e2e/serve.mjs dist 8080

test: deps
	@echo "==> cargo fmt --check"
	cargo fmt --check
	@echo "==> clippy (native)"
	cargo clippy --all-targets -- -D warnings
	@echo "==> clippy (wasm32)"
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
	@echo "==> cargo test (native)"
	cargo test
	@echo "==> store tests in headless Chromium (wasm-bindgen-test)"
	$(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown --test store_wasm
	@echo "==> release build"
	trunk build --release --offline
	@echo "==> Playwright e2e against dist/"
	cd tests/e2e && npx playwright test

size:
	@ls dist/*.wasm >/dev/null 2>&1 || $(MAKE) build
	@scripts/size.sh

bench: build
	@echo "==> criterion benchmarks of core"
	cargo bench --bench '*'
	@if [ -f tests/e2e/bench.config.ts ]; then \
		echo "==> browser boot benchmark"; \
		cd tests/e2e && npx playwright test --config bench.config.ts --reporter=line; \
	fi
