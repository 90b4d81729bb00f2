#!/usr/bin/env bash
# Trunk post-build hook: writes dist/embed.js (a stable name) from embed/embed.js with the names of
# this build's hashed glue, wasm and widget stylesheet filled in.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk}
cd "$stage"
glue=$(ls article-reader-*.js | head -n 1)
wasm=$(ls article-reader-*_bg.wasm | head -n 1)
css=$(ls reader-*.css | head -n 1)
[ -n "$glue" ] && [ -n "$wasm" ] && [ -n "$css" ] || { echo "post-build: build outputs not found" >&2; exit 1; }
sed -e "s|__ARTICLE_READER_GLUE__|./$glue|" \
    -e "s|__ARTICLE_READER_WASM__|./$wasm|" \
    -e "s|__ARTICLE_READER_CSS__|./$css|" \
    "$TRUNK_SOURCE_DIR/embed/embed.js" > embed.js
