// The one rewrite of index.html's Subresource Integrity hashes, for the release steps that change
// a file Trunk has already hashed (scripts/split-wasm.mjs, short-imports.mjs, minify-js.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `integrity` value of `bytes` (a Buffer or a string). */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** In STAGE/index.html (when there is one), every hash of an old content becomes the new one's:
 * `changes` is a list of [old, new] contents. */
export function rewriteIntegrity(stage, changes) {
  const indexPath = join(stage, 'index.html');
  if (!existsSync(indexPath)) return;
  let index = readFileSync(indexPath, 'utf8');
  for (const [before, after] of changes) index = index.replaceAll(sri(before), sri(after));
  writeFileSync(indexPath, index);
}
