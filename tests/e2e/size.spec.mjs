// The size budget, for both modes: what page mode downloads (the wasm, glue and stylesheets
// index.html names, and pwa.js) and what embed mode downloads (embed.js and the wasm, glue and
// stylesheet it names), gzip -9, within the numbers in size-budget.json. Deterministic, so a
// pass/fail test.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const gz = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
// The files a page or loader names ("./name.ext", quoted or not: Trunk minifies index.html).
const named = (text) => [...new Set([...text.matchAll(/\.\/([\w.-]+\.(?:js|wasm|css))\b/g)].map((m) => m[1]))];

function weigh(label, files, limit) {
  const sizes = Object.fromEntries(files.map((f) => [f, gz(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`${label}: ${total} bytes gzip -9 (budget ${limit})`, sizes);
  expect(total).toBeLessThanOrEqual(limit);
  return total;
}

test('the page-mode bundle stays within the size budget', () => {
  const files = [...named(readFileSync('dist/index.html', 'utf8')), 'pwa.js'];
  expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.css'))).toHaveLength(2);
  weigh('page mode', files, budget.page_mode_gzip_bytes);
});

test('the embed-mode bundle (its own build, without page mode) stays within its budget', () => {
  const files = named(readFileSync('dist/embed.js', 'utf8'));
  expect(files.map((f) => f.split('.').pop()).sort()).toEqual(['css', 'js', 'wasm']);
  const page = named(readFileSync('dist/index.html', 'utf8'));
  expect(files.find((f) => f.endsWith('.wasm')), 'embed mode has its own wasm').not.toBe(page.find((f) => f.endsWith('.wasm')));
  expect(gz('embed.js')).toBeLessThanOrEqual(budget.embed_loader_gzip_bytes);
  weigh('embed mode', ['embed.js', ...files], budget.embed_mode_gzip_bytes);
});

test('a publisher\'s format in embed mode adds its on-demand module, within the budget of that path', () => {
  const files = named(readFileSync('dist/embed.js', 'utf8'));
  const glue = files.find((f) => f.endsWith('.js'));
  const modules = named(readFileSync(`dist/${glue}`, 'utf8')).filter((f) => f.endsWith('.wasm'));
  const publishers = modules.filter((f) => /-publishers-[0-9a-f]+\.wasm$/.test(f));
  expect(publishers, 'the glue names the formats\' module').toHaveLength(1);
  console.log('on-demand modules (embed):', Object.fromEntries(modules.map((f) => [f, gz(f)])));
  weigh('embed mode, publisher\'s format', ['embed.js', ...files, ...publishers], budget.embed_publishers_gzip_bytes);
});
