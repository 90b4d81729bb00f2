// Writes dist/embed.js (to standard output) from embed/embed.js: the names of this build's hashed
// glue, wasm and stylesheet, and the error view's classes, part names and words from ui/ — the
// same files build.rs turns into the wasm's constants, so the start-failure view that embed.js
// draws when the wasm cannot load matches the views the wasm draws.
// Usage: node write-embed.mjs SOURCE_DIR GLUE WASM CSS
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [source, glue, wasm, css] = process.argv.slice(2);
if (!css) throw new Error('usage: write-embed.mjs SOURCE_DIR GLUE WASM CSS');
const read = (name) => JSON.parse(readFileSync(join(source, 'ui', name), 'utf8'));

// Only the words embed.js itself writes: the rest of each table stays in the wasm.
const KEYS = ['dir', 'error_title', 'try_again', 'start_failed'];
const view = read('error-view.json');
const words = {};
for (const file of readdirSync(join(source, 'ui')).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).sort()) {
  const table = read(file);
  words[file.slice(0, -5)] = Object.fromEntries(KEYS.map((key) => {
    if (typeof table[key] !== 'string') throw new Error(`ui/${file}: "${key}" is missing`);
    return [key, table[key]];
  }));
}
const ui = { class: view.class, part: view.part, words };

const template = readFileSync(join(source, 'embed', 'embed.js'), 'utf8');
const filled = template
  .replace("'__ARTICLE_READER_GLUE__'", JSON.stringify(`./${glue}`))
  .replace("'__ARTICLE_READER_WASM__'", JSON.stringify(`./${wasm}`))
  .replace("'__ARTICLE_READER_CSS__'", JSON.stringify(`./${css}`))
  .replace('__ARTICLE_READER_UI__', JSON.stringify(ui));
if (filled.includes('__ARTICLE_READER_')) throw new Error('embed.js: a placeholder was not filled');
process.stdout.write(filled);
