# Overdue: `make serve` to run the app, `make test` to run every check.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: deps build serve test size bench

deps:
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
	@[ -d dist ] || $(MAKE) build
	@scripts/size.sh

bench: build
	@echo "==> criterion benchmarks of core"
	cargo bench --bench aging
	@if [ -f tests/e2e/bench.config.ts ]; then \
		echo "==> browser boot benchmark"; \
		cd tests/e2e && npx playwright test --config bench.config.ts --reporter=line; \
	fi
