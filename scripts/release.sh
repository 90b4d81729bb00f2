#!/usr/bin/env bash
# make release: copies the release build (dist/) into dist/v<version>/ — a folder that never
# changes once published, so a host page can pin it — and prints the embed snippet with the
# Subresource Integrity hash of that embed.js.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: release.sh VERSION}
out=dist/v$version
[ -f dist/embed.js ] || { echo "release: run make dist first" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
# Everything the build made, without earlier versioned folders.
find dist -mindepth 1 -maxdepth 1 ! -name 'v[0-9]*' -exec cp -R {} "$out/" \;
sri="sha384-$(openssl dgst -sha384 -binary "$out/embed.js" | openssl base64 -A)"
printf '%s\n' "$sri" > "$out/embed.js.sri"
cat <<SNIPPET
Release $version in $out/ (upload the folder as it is; never change it once published).

<script type="module" src="https://READER-HOST/v$version/embed.js"
        integrity="$sri" crossorigin="anonymous"></script>
<article-reader src="https://NEWS-SITE/api/article.json"></article-reader>
SNIPPET
