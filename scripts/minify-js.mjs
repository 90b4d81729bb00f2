// Release builds: minifies JavaScript in Trunk's staging directory with terser, in place, and
// keeps index.html's Subresource Integrity hashes true. Trunk's own minifier gives up on the
// wasm-bindgen glue ("Failed to minify JS"), so the glue shipped unminified: measured 2.5 KiB
// gzip more. Usage: node minify-js.mjs STAGE_DIR FILE…
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rewriteIntegrity } from './integrity.mjs';
import { minify } from 'terser';

const [stage, ...files] = process.argv.slice(2);
const changes = [];
for (const file of files) {
  const path = join(stage, file);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, code);
  changes.push([source, code]);
}
rewriteIntegrity(stage, changes);
