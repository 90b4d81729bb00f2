# The project's entry points. Each installs what it needs first (scripts/install-tools.sh), which is
# quick when everything is already there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Debian's chromedriver where it is there, else one on PATH (the wasm test runner is set in
# .cargo/config.toml).
export CHROMEDRIVER ?= $(or $(wildcard /usr/bin/chromedriver),$(shell command -v chromedriver))
export WASM_BINDGEN_TEST_TIMEOUT := 120
# Registry paths out of panic locations in the wasm: the bundle then carries no path of the
# machine that built it, and its size is the same on every machine (the size budget is exact).
CARGO_HOME ?= $(HOME)/.cargo
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := --remap-path-prefix=$(CARGO_HOME)/registry/src/index.crates.io-1949cf8c6b5b557f/=

.PHONY: layers mutants tools serve-tools serve dist dist-next release bench fuzz test test-native test-wasm test-e2e lint clean

tools:
	@scripts/install-tools.sh all

# What serving needs only: the toolchain and wasm target, Trunk, the wasm-bindgen CLI.
serve-tools:
	@scripts/install-tools.sh serve

## make serve: the reader with the built-in sample article on http://127.0.0.1:8080/
# Unhashed file names: the embed.js it serves is embed/embed.js as written.
serve: serve-tools
	TRUNK_BUILD_FILEHASH=false trunk serve

## make dist: the optimised release bundle in dist/: page mode (index.html) and, from a second
## build without page mode, embed mode (embed.js and the wasm, glue and stylesheet it names)
dist: tools
	ARTICLE_READER_SPLIT=1 trunk build --release
	ARTICLE_READER_SPLIT=1 ARTICLE_READER_EMBED=1 trunk build embed/build.html --release --dist target/embed-dist
	cp target/embed-dist/embed.js target/embed-dist/article-reader-*.wasm target/embed-dist/reader-*.css dist/
	cp $$(ls target/embed-dist/article-reader-*.js | grep -v '\.d\.ts$$') dist/
	@scripts/size-report.sh dist

## make test: every tier: native unit tests, browser component tests, end-to-end tests; ends with
## one line that adds up the counts of all three.
test: tools
	@mkdir -p target
	@set -o pipefail; status=0; \
	$(MAKE) --no-print-directory test-native test-wasm test-e2e 2>&1 | tee target/test.log || status=$$?; \
	scripts/test-summary.sh target/test.log; exit $$status

# The corpus tests need ../shared/corpora beside the checkout: run when it is there, reported as
# skipped when it is not (a plain `cargo test` lists them as ignored).
test-native:
	cargo test
	@if [ -d ../shared/corpora/jsontestsuite ]; then \
	  cargo test --test corpora -- --ignored; \
	else \
	  echo "skipped: tests/corpora.rs (no ../shared/corpora beside the checkout)"; \
	fi

test-wasm:
	cargo test --target wasm32-unknown-unknown

test-e2e: dist dist-next
	npm run --silent e2e

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

## make release: dist/v<version>/ (a folder to publish and pin) and the embed snippet with its SRI hash
release: dist
	@scripts/release.sh $(VERSION)

# A second release build with another build id: the service-worker update test moves from dist/
# to this one.
dist-next: tools
	ARTICLE_READER_SPLIT=1 ARTICLE_READER_BUILD=next trunk build --release --dist target/dist-next

## make bench: the widget against the plain-DOM yardstick, and Lighthouse on both; writes
## bench/report.md (never fails on timing). Lighthouse is installed here only (bench/lighthouse/).
bench: dist
	@[ -d bench/lighthouse/node_modules/lighthouse ] || npm ci --prefix bench/lighthouse --no-audit --no-fund
	node bench/run.mjs

## make fuzz: the document parser under cargo fuzz (nightly) for FUZZ_SECONDS (default 60)
FUZZ_SECONDS ?= 60
fuzz:
	@cargo +nightly --version >/dev/null 2>&1 || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)"; exit 1; }
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz
	mkdir -p target/fuzz-corpus/decode
	cp tests/fixtures/*.json tests/fixtures/invalid/*.json assets/sample/article.json target/fuzz-corpus/decode/
	cd fuzz && cargo +nightly fuzz run decode ../target/fuzz-corpus/decode -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536

## make mutants: cargo-mutants over core and document, natively; prints the score (not in CI)
mutants:
	@scripts/mutants.sh

## make layers: the architecture check: the folders of src/ are layers with dependencies running
## one way, platform imports nothing from the crate, no module is in an import cycle
layers:
	cargo test --test layers

lint: tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --bins -- -D warnings
	ARTICLE_READER_SPLIT=1 cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

clean:
	cargo clean
	rm -rf dist test-results
