#!/usr/bin/env bash
# Trunk post-build hook. In the staging directory of every build it writes:
#   embed.js  the stable-named loader for embed mode: embed/embed.js (whose attributes and error
#             view words build.rs has written) with the names of this build's glue, wasm and widget
#             stylesheet (scripts/write-embed.mjs); unchanged when they are unhashed (make serve);
#   sw.js     the service worker, from pwa/sw.js, with the precache list of this build's files and a
#             version made from their contents (release builds; a debug build gets a worker that
#             removes itself, so `trunk serve` never serves stale caches).
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk}
# The repository (not TRUNK_SOURCE_DIR: that is the built page's folder, embed/ for the embed build).
source_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$stage"

# Hashed names (release builds, make dist) or unhashed ones (make serve: filehash off).
first() { for file in "$@"; do [ -e "$file" ] && { echo "$file"; return; }; done; }
glue=$(first article-reader.js article-reader-*.js)
wasm=$(first article-reader_bg.wasm article-reader-*_bg.wasm)
css=$(first reader.css reader-*.css)
[ -n "$glue" ] && [ -n "$wasm" ] && [ -n "$css" ] || { echo "post-build: build outputs not found" >&2; exit 1; }
node "$source_dir/scripts/write-embed.mjs" "$source_dir" "$glue" "$wasm" "$css" > embed.js
# The element's typings and custom-elements manifest, beside embed.js (for the people who embed it).
cp "$source_dir/embed/article-reader.d.ts" "$source_dir/embed/custom-elements.json" .
# The legible font (Atkinson Hyperlegible, SIL Open Font Licence, from its npm package): its woff2
# files and licence in fonts/, fetched by the reader only once a reader chooses the font. Without
# the npm packages (`make serve` alone) the choice falls back to the system's sans-serif.
font_dir="$source_dir/node_modules/@fontsource/atkinson-hyperlegible"
if [ -d "$font_dir/files" ]; then
  mkdir -p fonts
  cp "$font_dir"/files/atkinson-hyperlegible-latin-*.woff2 fonts/
  cp "$font_dir/LICENSE" fonts/OFL.txt
else
  echo "post-build: the legible font's package is not installed (make tools): fonts/ left out" >&2
fi
if [ "${TRUNK_PROFILE:-release}" = "release" ]; then
  # make dist: the wasm cut into a main module and modules loaded on demand (the linked wasm is
  # where Cargo put it; the wasm-opt options are the built page's).
  if [ "${ARTICLE_READER_SPLIT:-}" = 1 ]; then
    node "$source_dir/scripts/split-wasm.mjs" . "$glue" "$wasm" \
      "${CARGO_TARGET_DIR:-$source_dir/target}/wasm32-unknown-unknown/release/article-reader.wasm" \
      "${TRUNK_HTML_FILE:?run by trunk}"
  fi
  # wasm-bindgen's long hashed import names, shortened in the wasm and the glue together.
  node "$source_dir/scripts/short-imports.mjs" . "$glue" "$wasm"
  # Trunk cannot minify the glue; terser can (index.html's integrity hashes are rewritten).
  if [ -n "${ARTICLE_READER_EMBED:-}" ]; then
    node "$source_dir/scripts/minify-js.mjs" . "$glue" embed.js
  else
    node "$source_dir/scripts/minify-js.mjs" . "$glue" embed.js pwa.js
  fi
fi
# The embed build (make dist) ends here: its embed.js, wasm, glue and stylesheet are copied into
# dist/; it has no page and no worker.
[ -n "${ARTICLE_READER_EMBED:-}" ] && exit 0

if [ "${TRUNK_PROFILE:-release}" != "release" ]; then
  cat > sw.js <<'WORKER'
// Development build: no offline caching. This worker deletes the reader's caches and unregisters.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) if (key.startsWith('article-reader-')) await caches.delete(key);
  await self.registration.unregister();
})()));
WORKER
  exit 0
fi

# The app shell: everything page mode needs, not the embed loader or the worker itself.
# The legible font is left out: it is cached the first time it is used (see pwa/sw.js).
files=$(find . -type f ! -name sw.js ! -name embed.js ! -name '*.d.ts' ! -name custom-elements.json ! -path './.stage/*' ! -path './fonts/*' | sed 's|^\./||' | LC_ALL=C sort)
version=$(printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
list=$(printf '"%s",' $files)
sed -e "s|__ARTICLE_READER_VERSION__|$version|" \
    -e "s|__ARTICLE_READER_PRECACHE__|[${list%,}]|" \
    "$source_dir/pwa/sw.js" > sw.js
