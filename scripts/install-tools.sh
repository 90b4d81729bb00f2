#!/usr/bin/env bash
# Installs what building and testing need on a fresh machine, and does nothing when all is there.
# `install-tools.sh serve` installs only what `trunk serve` needs; `all` (the default) adds the
# release and test tools. Versions are pinned here and in rust-toolchain.toml / Trunk.toml /
# Cargo.toml / package.json, which must agree.
set -euo pipefail
cd "$(dirname "$0")/.."

WHAT=${1:-all}
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # = the wasm-bindgen pinned in Cargo.toml
WASM_SPLIT_VERSION=0.2.4       # wasm-split-cli, for the wasm_split_helpers pinned in Cargo.toml
CHANNEL=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)

say() { printf '[tools] %s\n' "$*"; }

command -v rustup >/dev/null || { echo "rustup is needed first: https://rustup.rs" >&2; exit 1; }

# The pinned toolchain (rust-toolchain.toml). Where rustup cannot download it but the installed
# stable is that very version (machines without access to static.rust-lang.org), the stable is
# linked under the pinned name; otherwise rustup installs it with its components and target.
if ! rustup toolchain list | grep -q "^$CHANNEL-\|^$CHANNEL "; then
  stable=$(cd / && rustc +stable --version 2>/dev/null || true)
  if [[ "$stable" == "rustc $CHANNEL "* ]]; then
    # `rustup toolchain link` refuses release names, so the link is made as rustup keeps one.
    host=$(cd / && rustc +stable -vV | sed -n 's/^host: //p')
    say "linking the installed stable ($CHANNEL) as toolchain $CHANNEL-$host"
    ln -s "$(cd / && rustc +stable --print sysroot)" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$CHANNEL-$host"
  else
    say "installing Rust $CHANNEL"
    rustup toolchain install "$CHANNEL" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# Prebuilt binaries where cargo-binstall is installed (most developers' machines: seconds instead
# of minutes); it compiles from the registry itself when no binary can be downloaded. Without it,
# cargo install compiles them (Trunk takes most of a first run's time).
binstall() { cargo binstall -V >/dev/null 2>&1; }

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  if binstall; then
    say "installing trunk $TRUNK_VERSION with cargo-binstall"
    cargo binstall --no-confirm --locked "trunk@$TRUNK_VERSION"
  else
    say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  if binstall; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION with cargo-binstall"
    cargo binstall --no-confirm --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  else
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: a dependency locked by that release is no longer in the index.
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
fi

[ "$WHAT" = serve ] && exit 0

# The splitter of release builds (scripts/split-wasm.mjs): wasm_split_cli_support's binary, built
# with its feature for it (no prebuilt binary is published, so cargo-binstall would compile it
# without that feature; about 2 minutes). Its runtime crate is pinned in Cargo.toml.
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm packages: binaryen's wasm-opt, terser, Playwright (its browser download is skipped: a
# system Chromium is used where there is one), axe-core, ajv.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# Test browsers: Debian's chromium and chromedriver where apt is there and we are root; otherwise
# Playwright's own Chromium for the end-to-end tests (the component tests then need a chromedriver
# on PATH that matches an installed Chrome: see the README).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    say "installing Debian's chromium and chromedriver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  elif [ ! -f node_modules/.playwright-chromium ]; then
    say "no apt or not root: installing Playwright's Chromium for the end-to-end tests"
    npx playwright install chromium && touch node_modules/.playwright-chromium
    command -v chromedriver >/dev/null || say "component tests need chromedriver on PATH (see README)"
  fi
fi
