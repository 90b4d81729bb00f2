// The size budget, for both modes: what page mode downloads (the wasm, glue and stylesheets
// index.html names, and pwa.js) and what embed mode downloads (embed.js and the wasm, glue and
// stylesheet it names), gzip -9, within the numbers in size-budget.json. Deterministic, so a
// pass/fail test.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

/** The files embed mode fetches for an on-demand point: its module and the chunks of code it
 * shares with other modules, fetched beside it (scripts/split-wasm.mjs writes the list). */
function onDemand(point) {
  const glue = named(readFileSync('dist/embed.js', 'utf8')).find((f) => f.endsWith('.js'));
  const manifest = `target/split/${glue.replace(/\.js$/, '')}.json`;
  expect(existsSync(manifest), `${manifest} (written by make dist)`).toBe(true);
  const files = JSON.parse(readFileSync(manifest, 'utf8'))[point];
  expect(files, `the embed build has the ${point} module`).toBeDefined();
  const loader = readFileSync(`dist/${glue}`, 'utf8');
  for (const file of files) {
    // The glue holds each module's SHA-256 (its integrity), and its name is the hash's start.
    const digest = createHash('sha256').update(readFileSync(`dist/${file}`)).digest();
    expect(file, 'named by its hash').toMatch(new RegExp(`-${digest.subarray(0, 8).toString('hex')}\\.wasm$`));
    expect(loader, 'the glue fetches it').toContain(`"${digest.toString('base64')}"`);
  }
  return files;
}

test('a publisher\'s format with an HTML body (WordPress, Ghost, JSON Feed) in embed mode adds its on-demand module, within the budget of that path', () => {
  const files = named(readFileSync('dist/embed.js', 'utf8'));
  weigh('embed mode, publisher\'s format', ['embed.js', ...files, ...onDemand('publishers')], budget.embed_publishers_gzip_bytes);
});

test('a publisher\'s format made of typed elements (ANS, Apple News, JSON-LD) in embed mode adds the other formats\' module, within the budget of that path', () => {
  const files = named(readFileSync('dist/embed.js', 'utf8'));
  weigh('embed mode, structured format', ['embed.js', ...files, ...onDemand('structured')], budget.embed_structured_gzip_bytes);
});

test('an article with rich elements (tables, code, boxes, players, videos, galleries, posts) in embed mode adds their module, within the budget of that path', () => {
  const files = named(readFileSync('dist/embed.js', 'utf8'));
  weigh('embed mode, rich elements', ['embed.js', ...files, ...onDemand('rich')], budget.embed_rich_gzip_bytes);
});
