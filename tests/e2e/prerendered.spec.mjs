// Prerendered embeds (issue "Arriving fast", item 4): `cargo run -- render --embed` writes the
// element with a declarative shadow root holding the article and the document inline. The
// article shows with no script at all; when embed.js arrives the wasm draws the same article and
// takes over without asking for the document and without moving anything on screen.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch, expectClean } from './helpers.mjs';

const READER = 'http://127.0.0.1:4302';
const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';

/** The element `render --embed` writes for the gallery fixture (its addresses made absolute, as a
 * publisher's are, and its canonical address given), with the stylesheet of this build. */
function prerendered() {
  const css = /\.\/(reader-[0-9a-f]+\.css)/.exec(readFileSync('dist/embed.js', 'utf8'))[1];
  const doc = JSON.parse(readFileSync('tests/fixtures/gallery.json', 'utf8').replaceAll('"/fixtures/', `"${API}/fixtures/`));
  doc.url = 'https://news.example/2024/the-count';
  const file = join(mkdtempSync(join(tmpdir(), 'prerendered-')), 'gallery.json');
  writeFileSync(file, JSON.stringify(doc));
  return execFileSync('cargo', ['run', '--quiet', '--', 'render', '--embed', '--stylesheet', `${READER}/${css}`, file], { encoding: 'utf8' });
}

/** Opens the host page (strict CSP and Trusted Types, embed.js loaded) and puts the prerendered
 * element in it the way the HTML parser would have (declarative shadow root included):
 * `setHTMLUnsafe`, through a Trusted Types policy of the test's own. */
async function host(page, name, element) {
  await page.goto(`${HOST}/test/empty.html?${name}`);
  await page.evaluate((html) => {
    const policy = trustedTypes.createPolicy(`prerendered-test-${Math.random()}`, { createHTML: (s) => s });
    document.querySelector('main').setHTMLUnsafe(policy.createHTML(html));
  }, element);
}

let element;
test.beforeAll(() => {
  element = prerendered();
});

test('with the wasm blocked, the prerendered article is there: headline, lead picture, body, links', async ({ page }) => {
  const seen = await watch(page);
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  const failed = page.waitForEvent('console', (m) => m.text().includes('could not start'));
  await host(page, 'prerendered-blocked', element);
  await failed;
  const reader = page.locator('article-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('The count in pictures');
  const lead = reader.locator('.lead-image img, figure img').first();
  await expect(lead).toBeVisible();
  await expect.poll(() => lead.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(reader.locator('.article-body p').first()).toBeVisible();
  // The share links are plain links to the canonical address.
  const share = reader.getByRole('link', { name: 'Share on X' });
  await expect(share).toHaveAttribute('href', /^https:\/\/x\.com\/intent\/tweet\?.*url=https%3A%2F%2Fnews\.example%2F2024%2Fthe-count/);
  expect(await reader.locator('.article-body').innerText()).toContain(JSON.parse(readFileSync('tests/fixtures/gallery.json', 'utf8')).body[0].content.slice(0, 20));
  expectClean(seen);
});

test('when the wasm arrives it takes over: no request for the document, one article, nothing moves', async ({ page }) => {
  const seen = await watch(page);
  const documents = [];
  page.on('request', (r) => { if (r.url().endsWith('.json')) documents.push(r.url()); });
  // The wasm waits until the prerendered article is on screen with its stylesheet (as on a page
  // whose HTML arrived first); then layout shifts are counted, from there to the takeover.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await host(page, 'prerendered-takeover', element);
  await page.evaluate(() => new Promise((resolve) => {
    const sheet = document.querySelector('article-reader').shadowRoot.querySelector('link[rel=stylesheet]');
    if (sheet.sheet) resolve(); else sheet.addEventListener('load', resolve, { once: true });
  }));
  // … and its lead picture has loaded (the wasm is asked for only then) and the page has settled.
  await page.evaluate(() => new Promise((resolve) => {
    const lead = document.querySelector('article-reader').shadowRoot.querySelector('.figure-lead img');
    const settled = () => requestAnimationFrame(() => requestAnimationFrame(resolve));
    if (lead.complete) settled(); else lead.addEventListener('load', settled, { once: true });
  }));
  await page.evaluate(() => {
    window.__shifts = [];
    window.__loaded = new Promise((resolve) => {
      document.addEventListener('article-reader:load', () => resolve(true), { once: true });
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift' });
  });
  // Where the headline, the lead picture and the first paragraph are, before and after.
  const places = () => page.evaluate(() => {
    const root = document.querySelector('article-reader').shadowRoot;
    const visible = (selector) => [...root.querySelectorAll(selector)].find((el) => el.getClientRects().length > 0);
    return ['h1', 'figure img', '.article-body p'].map((selector) => {
      const { x, y, width, height } = visible(selector).getBoundingClientRect();
      return { selector, x, y, width, height };
    });
  });
  const before = await places();
  await page.evaluate(() => { window.__lead = document.querySelector('article-reader').shadowRoot.querySelector('.figure-lead img'); });
  release();
  await page.evaluate(() => window.__loaded);
  const reader = page.locator('article-reader');
  await expect(reader.locator('article')).toHaveCount(1);
  await expect(reader.locator('[data-prerendered]')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  // Two frames after the takeover, so that a shift it caused has been reported.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(documents, 'the inline document is read, never requested').toEqual([]);
  // The lead picture painted before the takeover is the one shown after it (not painted again).
  expect(await page.evaluate(() => window.__lead.isConnected && window.__lead === document.querySelector('article-reader').shadowRoot.querySelector('.figure-lead img'))).toBe(true);
  expect(await places(), 'the new article is drawn exactly where the prerendered one was').toEqual(before);
  const shifts = await page.evaluate(() => window.__shifts);
  expect(shifts.reduce((a, b) => a + b, 0), `layout shifts ${JSON.stringify(shifts)}`).toBe(0);
  expectClean(seen);
});

test('the wasm is asked for only once the prerendered lead picture has loaded: the picture has the network first', async ({ page }) => {
  const seen = await watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // (The lead's srcset candidate for this screen: `lead.png?lead-large`.)
  await page.route(/\/fixtures\/img\/lead\.png\?lead/, async (route) => { await held; await route.continue(); });
  await host(page, 'prerendered-lead-first', element);
  // embed.js has run and defined the element; the picture is still on its way.
  await page.evaluate(() => customElements.whenDefined('article-reader'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(requests.filter((u) => u.includes('/fixtures/img/lead.png?lead'))).toHaveLength(1);
  expect(requests.filter((u) => u.endsWith('_bg.wasm')), 'no wasm while the lead picture loads').toEqual([]);
  const loaded = page.evaluate(() => new Promise((resolve) => document.addEventListener('article-reader:load', () => resolve(true), { once: true })));
  release();
  expect(await loaded).toBe(true);
  expect(requests.filter((u) => u.endsWith('_bg.wasm'))).toHaveLength(1);
  await expect(page.locator('article-reader').getByRole('button', { name: 'Reading settings' })).toBeVisible();
  expectClean(seen);
});
