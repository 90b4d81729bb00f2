// The size budget: what page mode downloads (wasm, its JS glue, pwa.js, the stylesheets), gzip -9,
// must stay within the one number in size-budget.json. Deterministic, so a pass/fail test.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));

test('the page-mode bundle stays within the size budget', () => {
  const files = readdirSync('dist').filter((f) => /^article-reader-[0-9a-f]+(_bg\.wasm|\.js)$|\.css$|^pwa\.js$/.test(f));
  expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.css'))).toHaveLength(2);
  const sizes = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`page-mode bundle: ${total} bytes gzip -9 (budget ${budget.page_mode_gzip_bytes})`, sizes);
  expect(total).toBeLessThanOrEqual(budget.page_mode_gzip_bytes);
});

test('embed mode adds only its small loader to the same files', () => {
  const embed = gzipSync(readFileSync('dist/embed.js'), { level: 9 }).length;
  expect(embed).toBeLessThanOrEqual(budget.embed_loader_gzip_bytes);
});
