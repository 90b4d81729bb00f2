// `make bench`: the widget (make dist) against the plain-DOM yardstick, in Debian's Chromium on
// 127.0.0.1. A benchmark, not a test: it prints figures and writes bench/report.md and
// bench/report.json; it never fails on timing.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generate, OUT, SIZES } from './generate.mjs';
import { serve } from './serve.mjs';
import { stat } from './stats.mjs';

const PAIRS = Number(process.env.BENCH_PAIRS || 10);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const PORT = 4501;
const root = resolve('.');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('run `make dist` first');
generate();
// The prerendered embed (`render --embed`, the one renderer of the article as HTML): a host page
// holding the element with its declarative shadow root and the 600-word article inline.
{
  const docs = join(root, OUT, 'docs');
  const element = execFileSync('cargo', ['run', '--quiet', '--release', '--', 'render', '--embed', '--stylesheet', '/bench/reader.css',
    '--base', `http://127.0.0.1:${PORT}/bench/docs/prerendered.html`, join(docs, 'short.json')], { encoding: 'utf8' });
  const host = readFileSync(join(root, 'bench', 'embed.html'), 'utf8')
    .replace(/<article-reader[^]*<\/article-reader>/, () => element.trim())
    .replace('A host page that embeds the article reader', 'A host page that embeds the article reader, prerendered');
  writeFileSync(join(docs, 'prerendered.html'), host);
}
// Debian's Chromium where it is there, else Playwright's own.
const chromePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : chromium.executablePath();
const server = await serve({ root, dist, docs: join(root, OUT, 'docs'), port: PORT });

// Installed in every page before anything runs: when the first screen is in the DOM (the headline
// and the body's first paragraph), when the article is whole (headline to last related card), when
// the share controls exist, layout shifts, and the wasm memory.
const probe = (expectedCards) => {
  window.__bench = { cls: 0, first: null, article: null, share: null, wasmMemory: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasmMemory = e.detail.wasm.memory; });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const observer = new MutationObserver(() => {
    const b = window.__bench;
    if (b.first === null && document.querySelector('h1') && document.querySelector('.article-body p')) b.first = performance.now();
    if (b.share === null && document.querySelector('.share-copy')) b.share = performance.now();
    if (b.article === null && document.querySelector('h1') && document.querySelectorAll('.related-card').length === expectedCards) {
      b.article = performance.now();
    }
    if (b.article !== null && b.share !== null) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
};

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

async function once(kind, size, doc = size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(probe, SIZES[size].related);
  const src = `/bench/docs/${doc}.json`;
  const url = kind === 'widget' ? `http://127.0.0.1:${PORT}/index.html?src=${src}` : `http://127.0.0.1:${PORT}/bench/plain.html?src=${src}`;
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.article !== null && window.__bench.share !== null, null, { timeout: 120_000 });
  // Pictures in view have loaded: layout shift is final.
  await page.waitForFunction(() => [...document.images].filter((i) => i.loading !== 'lazy').every((i) => i.complete));
  const result = await page.evaluate(() => {
    gc();
    const b = window.__bench;
    return { first: b.first, article: b.article, share: b.share, cls: b.cls, heap: performance.memory.usedJSHeapSize, wasm: b.wasmMemory ? b.wasmMemory.buffer.byteLength : 0 };
  });
  await context.close();
  return result;
}


const results = {};
const only = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',') : Object.keys(SIZES);
for (const size of only) {
  await once('widget', size); // warm-up pair
  await once('plain', size);
  const runs = { widget: [], plain: [] };
  for (let i = 0; i < PAIRS; i++) {
    runs.widget.push(await once('widget', size));
    runs.plain.push(await once('plain', size));
  }
  const pick = (kind, key) => stat(runs[kind].map((r) => r[key]));
  results[size] = {
    words: SIZES[size].words,
    first: { widget: pick('widget', 'first'), plain: pick('plain', 'first') },
    article: { widget: pick('widget', 'article'), plain: pick('plain', 'article') },
    share: { widget: pick('widget', 'share'), plain: pick('plain', 'share') },
    cls: { widget: pick('widget', 'cls'), plain: pick('plain', 'cls') },
    memory: { widget: stat(runs.widget.map((r) => r.heap + r.wasm)), widgetWasm: pick('widget', 'wasm'), plain: pick('plain', 'heap') },
  };
  results[size].ratio = results[size].article.widget.median / results[size].article.plain.median;
  results[size].firstRatio = results[size].first.widget.median / results[size].first.plain.median;
  console.log(`${size}: first screen ${results[size].first.widget.median.toFixed(1)} vs ${results[size].first.plain.median.toFixed(1)} ms (${results[size].firstRatio.toFixed(2)}); whole ${results[size].article.widget.median.toFixed(1)} vs ${results[size].article.plain.median.toFixed(1)} ms (${results[size].ratio.toFixed(2)})`);
}
// The same 10,000-word article as a WordPress answer (HTML body through the allowlist) against
// format v1, both in the widget.
const wp = { v1: [], wordpress: [] };
await once('widget', 'long', 'long-wordpress');
for (let i = 0; i < PAIRS; i++) {
  wp.v1.push((await once('widget', 'long')).article);
  wp.wordpress.push((await once('widget', 'long', 'long-wordpress')).article);
}
const wordpress = { v1: stat(wp.v1), wordpress: stat(wp.wordpress) };
wordpress.ratio = wordpress.wordpress.median / wordpress.v1.median;
console.log(`wordpress (10,000 words): ${wordpress.wordpress.median.toFixed(1)} ms, as v1 ${wordpress.v1.median.toFixed(1)} ms, ratio ${wordpress.ratio.toFixed(2)}`);
// The critical path: the bytes (as sent, gzip'd) of everything but pictures that has arrived when
// the article's first screen is in the DOM, per mode and document.
const CRITICAL_DOCS = { 'v1 English': 'short', 'v1 Arabic': 'short-ar', WordPress: 'short-wordpress' };
async function criticalPath(mode, doc) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const host = `http://127.0.0.1:${PORT}/bench/embed-${doc}.html`;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><script type="module" src="/embed.js"></script></head><body><main><article-reader src="/bench/docs/${doc}.json"></article-reader></main></body></html>`,
  }));
  await page.goto(mode === 'page' ? `http://127.0.0.1:${PORT}/index.html?src=/bench/docs/${doc}.json` : host);
  const rendered = await page.waitForFunction(() => {
    const root = document.querySelector('article-reader')?.shadowRoot ?? document;
    return root.querySelector('h1') && root.querySelector('.article-body p') ? performance.now() : null;
  }, null, { polling: 'raf', timeout: 120_000 });
  const at = await rendered.jsonValue();
  const bytes = await page.evaluate((until) => performance.getEntriesByType('resource')
    // Pictures are not counted: the article's (`img`) nor page mode's manifest icon (`other`).
    .filter((e) => e.initiatorType !== 'img' && !/\.(png|jpe?g|webp|avif|gif|svg)$/.test(new URL(e.name).pathname) && e.responseEnd <= until)
    .reduce((sum, e) => sum + e.encodedBodySize, performance.getEntriesByType('navigation')[0].encodedBodySize), at);
  await context.close();
  return bytes;
}
const critical = {};
for (const mode of ['embed', 'page']) {
  critical[mode] = {};
  for (const [label, doc] of Object.entries(CRITICAL_DOCS)) {
    critical[mode][label] = await criticalPath(mode, doc);
    console.log(`critical path, ${mode} mode, ${label}: ${(critical[mode][label] / 1024).toFixed(1)} KiB`);
  }
}
await browser.close();

// Lighthouse, mobile preset, on the 600-word article: the widget's page mode, a host page that
// embeds it, and the plain-DOM page. Installed by `make bench` (bench/lighthouse/); without it
// the report says so.
let lighthouse = null;
if (LIGHTHOUSE_RUNS > 0) {
  try {
    const { lighthouseRuns } = await import('./lighthouse/lighthouse.mjs');
    const base = `http://127.0.0.1:${PORT}`;
    lighthouse = await lighthouseRuns(chromePath, {
      widget: `${base}/index.html?src=/bench/docs/short.json`,
      embed: `${base}/bench/embed.html`,
      prerendered: `${base}/bench/docs/prerendered.html`,
      plain: `${base}/bench/plain.html?src=/bench/docs/short.json`,
    }, LIGHTHOUSE_RUNS);
    for (const [name, r] of Object.entries(lighthouse)) {
      console.log(`lighthouse ${name}: LCP ${r.metrics.lcp.toFixed(0)} ms, TBT ${r.metrics.tbt.toFixed(0)} ms, CLS ${r.metrics.cls.toFixed(3)}, scores ${Object.values(r.scores).join(' / ')}`);
    }
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.log('skipped: Lighthouse (not installed: `npm ci --prefix bench/lighthouse`, which `make bench` runs)');
  }
}
server.close();

// Bytes, raw and gzip -9, for both ways of starting the widget.
const bytes = (files) => {
  const list = files.map((f) => {
    const body = readFileSync(join(dist, f));
    return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { files: list, raw: list.reduce((a, f) => a + f.raw, 0), gzip: list.reduce((a, f) => a + f.gzip, 0) };
};
// Each mode's own files: what index.html names (page mode) and what embed.js names (the embed
// build, without page mode).
const named = (file) => [...new Set([...readFileSync(join(dist, file), 'utf8').matchAll(/\.\/([\w.-]+\.(?:js|wasm|css))\b/g)].map((m) => m[1]))];
const size = {
  page: bytes(['index.html', ...named('index.html'), 'pwa.js']),
  embed: bytes(['embed.js', ...named('embed.js')]),
};
// The modules each mode's glue loads on demand (not in the totals above: fetched only when needed).
const glueOf = (mode) => size[mode].files.map((f) => f.file).find((f) => /^article-reader-[0-9a-f]+\.js$/.test(f));
// The glue names them by their hashes; `make dist` lists each build's files in target/split/.
const modulesOf = (glue) => [...new Set(Object.values(JSON.parse(readFileSync(join(root, 'target', 'split', glue.replace(/\.js$/, '.json')), 'utf8'))).flat())].sort();
const onDemand = Object.fromEntries(['page', 'embed'].map((mode) => [mode, bytes(modulesOf(glueOf(mode)))]));
const growth = results.huge && results.long ? results.huge.article.widget.median / results.long.article.widget.median : NaN;

const report = { date: new Date().toISOString(), pairs: PAIRS, results, growth10x: growth, wordpress, bytes: size, onDemand, critical, lighthouse };
writeFileSync('bench/report.json', `${JSON.stringify(report, null, 2)}\n`);

// Lighthouse's figures per page, the LCP ratio to the plain-DOM page, and what kept a score below 1.
function lighthouseSection(lh) {
  if (!lh) return ['## Lighthouse', '', 'Not run (`BENCH_LIGHTHOUSE_RUNS=0`, or Lighthouse not installed).', ''];
  const names = { widget: 'widget, page mode', embed: 'widget embedded in a host page', prerendered: 'widget embedded, prerendered (`render --embed`)', plain: 'plain DOM' };
  const score = (x) => x.toFixed(2);
  return [
    '## Lighthouse (mobile preset: simulated slow 4G, 4× CPU slowdown; served gzip\'d; 600-word article)',
    '',
    `Median of ${Object.values(lh)[0].runs} runs per page; scores are the lowest seen.`,
    '',
    '| page | FCP | LCP | LCP ratio | TBT | CLS | Speed Index | performance | accessibility | best practices | SEO |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(lh).map(([k, r]) => `| ${names[k]} | ${r.metrics.fcp.toFixed(0)} ms | ${r.metrics.lcp.toFixed(0)} ms | ${(r.metrics.lcp / lh.plain.metrics.lcp).toFixed(2)} | ${r.metrics.tbt.toFixed(0)} ms | ${r.metrics.cls.toFixed(3)} | ${r.metrics.si.toFixed(0)} ms | ${score(r.scores.performance)} | ${score(r.scores.accessibility)} | ${score(r.scores['best-practices'])} | ${score(r.scores.seo)} |`),
    '',
    ...Object.entries(lh).flatMap(([k, r]) => [
      `- ${names[k]}: largest contentful paint \`${r.lcpElement}\`; ${r.failing.length ? `below 1: ${r.failing.join('; ')}` : 'no audit below 1'}.`,
    ]),
    '',
  ];
}

const ms = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const lines = [
  '# Benchmark report',
  '',
  `Made by \`make bench\` on ${report.date.slice(0, 10)}: Debian Chromium headless on 127.0.0.1, ${PAIRS} interleaved pairs after a warm-up`,
  'pair, a fresh browser context each run. Times in ms from navigation start, median (min–max).',
  '',
  '## Time to the first screen (headline and first body paragraph in the DOM)',
  '',
  'Bodies over 50,000 characters render their first screen first and the rest after a paint.',
  '',
  '| article | widget | plain DOM | ratio |',
  '|---|---|---|---|',
  ...Object.entries(results).map(([k, r]) => `| ${k} (${r.words.toLocaleString('en')} words) | ${ms(r.first.widget)} | ${ms(r.first.plain)} | ${r.firstRatio.toFixed(2)} |`),
  '',
  '## Time to the whole article in the DOM (headline to last related card)',
  '',
  '| article | widget | plain DOM | ratio |',
  '|---|---|---|---|',
  ...Object.entries(results).map(([k, r]) => `| ${k} (${r.words.toLocaleString('en')} words) | ${ms(r.article.widget)} | ${ms(r.article.plain)} | ${r.ratio.toFixed(2)} |`),
  '',
  `Growth from 10,000 to 100,000 words (10× the words): ${growth.toFixed(2)}× the time.`,
  '',
  '## A WordPress answer against the same article in format v1 (10,000 words, both in the widget)',
  '',
  '| document | time to the whole article |',
  '|---|---|',
  `| format v1 | ${ms(wordpress.v1)} |`,
  `| WordPress REST (HTML body through the allowlist) | ${ms(wordpress.wordpress)} |`,
  `| ratio | ${wordpress.ratio.toFixed(2)} |`,
  '',
  '## Time to interactive share controls',
  '',
  '| article | widget | plain DOM |',
  '|---|---|---|',
  ...Object.entries(results).map(([k, r]) => `| ${k} | ${ms(r.share.widget)} | ${ms(r.share.plain)} |`),
  '',
  '## Memory after render (JS heap + wasm memory) and layout shift',
  '',
  '| article | widget memory | of which wasm | plain DOM memory | CLS widget | CLS plain |',
  '|---|---|---|---|---|---|',
  ...Object.entries(results).map(([k, r]) => `| ${k} | ${kb(r.memory.widget.median)} | ${kb(r.memory.widgetWasm.median)} | ${kb(r.memory.plain.median)} | ${r.cls.widget.max.toFixed(3)} | ${r.cls.plain.max.toFixed(3)} |`),
  '',
  '## Bytes (raw / gzip -9)',
  '',
  '| mode | file | raw | gzip |',
  '|---|---|---|---|',
  ...['page', 'embed'].flatMap((mode) => [
    ...size[mode].files.map((f) => `| ${mode} | ${f.file.replace(/-[0-9a-f]{8,}/, '-…')} | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    `| ${mode} | **total** | **${kb(size[mode].raw)}** | **${kb(size[mode].gzip)}** |`,
  ]),
  '',
  '## Modules loaded on demand (raw / gzip -9; fetched only when something needs them)',
  '',
  '| mode | module | raw | gzip |',
  '|---|---|---|---|',
  ...['page', 'embed'].flatMap((mode) => onDemand[mode].files.map((f) => `| ${mode} | ${f.file.replace(/^article-reader-[0-9a-f]+-/, '').replace(/-[0-9a-f]+\.wasm$/, '')} | ${kb(f.raw)} | ${kb(f.gzip)} |`)),
  '',
  '## The critical path (bytes as sent, gzip\'d, that have arrived when the first screen is in the DOM; pictures not counted)',
  '',
  `| mode | ${Object.keys(CRITICAL_DOCS).join(' | ')} |`,
  `|---|${Object.keys(CRITICAL_DOCS).map(() => '---').join('|')}|`,
  ...['embed', 'page'].map((mode) => `| ${mode} | ${Object.keys(CRITICAL_DOCS).map((label) => kb(critical[mode][label])).join(' | ')} |`),
  '',
  ...lighthouseSection(lighthouse),
];
writeFileSync('bench/report.md', lines.join('\n'));
console.log(lines.join('\n'));
