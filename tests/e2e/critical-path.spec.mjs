// The critical path (issue "Arriving fast", items 2 and 3): the document is requested beside the
// code — embed.js starts its element's request before the wasm has downloaded and the wasm's
// loader takes that very response over (one request, its checks intact); page mode preloads
// ?src= — and the lead picture is requested at high priority once, before the body is built.
// Timings are never asserted here: only the order of events and the number of requests.
import { test, expect } from '@playwright/test';
import { watch, expectClean, open, mountReader } from './helpers.mjs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';

/** Resource timing of the page for URLs matching `pattern`: start and response end, in ms. */
async function timings(page, pattern) {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    return performance.getEntriesByType('resource')
      .filter((e) => re.test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }));
  }, pattern.source);
}

test('embed mode: the document is requested before the wasm has arrived, once, and the checks still hold', async ({ page }) => {
  const seen = await watch(page);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/fixtures/gallery.json')) asked.push(r.url()); });
  // A host with embed.js and no element: nothing of the wasm is fetched before one connects.
  await page.goto(`${HOST}/test/empty.html`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const element = await mountReader(page, 'early', `${API}/fixtures/gallery.json`);
  await expect(element.locator('h1')).toHaveText('The count in pictures');
  const [doc] = await timings(page, /\/fixtures\/gallery\.json$/);
  const [wasm] = await timings(page, /_bg\.wasm$/);
  expect(doc.start, 'the document request starts before the wasm has finished downloading').toBeLessThan(wasm.end);
  expect(asked, 'one request for the document').toEqual([`${API}/fixtures/gallery.json`]);
  expectClean(seen);
});

test('embed mode: the main wasm draws the article before the app\'s module is asked for; the app takes over the same nodes, nothing moves, a selection stays and the lead picture paints once', async ({ page }) => {
  const seen = await watch(page);
  await page.addInitScript(() => {
    window.__shifts = [];
    window.__largest = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__largest.push(e.url); }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  // The app's module waits until the first paint has been looked at.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const appAsked = [];
  await page.route(/-app-[0-9a-f]+\.wasm$/, async (route) => {
    appAsked.push(route.request().url());
    await released;
    await route.continue();
  });
  await page.goto(`${HOST}/test/empty.html?takeover`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const element = await mountReader(page, 'takeover', `${API}/fixtures/gallery.json`);
  await expect(element.locator('h1')).toHaveText('The count in pictures');
  await expect(element.locator('.figure-lead img')).toHaveJSProperty('complete', true);
  await expect.poll(() => appAsked.length, 'the app is asked for after the first paint').toBe(1);
  // Before the app: the article, its tools' place kept, no control yet. The reader selects a
  // paragraph meanwhile.
  await expect(element.getByRole('button', { name: 'Reading settings' })).toHaveCount(0);
  const before = await page.evaluate(() => {
    const root = document.getElementById('takeover').shadowRoot;
    window.__nodes = [root.querySelector('h1'), root.querySelector('.figure-lead img'), root.querySelector('.article-body')];
    getSelection().selectAllChildren(root.querySelector('.article-body p'));
    return { rects: window.__nodes.map((node) => JSON.stringify(node.getBoundingClientRect())), selected: root.getSelection().toString() };
  });
  expect(before.selected.length).toBeGreaterThan(10);
  release();
  await expect(element.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  await expect(element.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  const after = await page.evaluate(() => {
    const root = document.getElementById('takeover').shadowRoot;
    const now = [root.querySelector('h1'), root.querySelector('.figure-lead img'), root.querySelector('.article-body')];
    return {
      same: now.every((node, i) => node === window.__nodes[i]),
      rects: now.map((node) => JSON.stringify(node.getBoundingClientRect())),
      selected: root.getSelection().toString(),
    };
  });
  expect(after.same, 'the app keeps the drawn nodes').toBe(true);
  expect(after.rects, 'nothing moved').toEqual(before.rects);
  expect(after.selected, 'the selection stays').toBe(before.selected);
  // (A sub-pixel settling of the tools' row under load has been seen once: 0.00003.)
  expect(await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0)), 'no visible layout shift').toBeLessThan(0.001);
  const leadPaints = await page.evaluate(() => window.__largest.filter((url) => /\/img\/lead(-400)?\.png$/.test(url)));
  expect(leadPaints.length, 'the lead picture is a largest paint at most once').toBeLessThanOrEqual(1);
  expectClean(seen);
});

test('embed mode: a click on the article\'s controls before the app has come is given to the app when it comes (a picture opens in the viewer)', async ({ page }) => {
  const seen = await watch(page);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/-app-[0-9a-f]+\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${HOST}/test/empty.html?before-app`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const element = await mountReader(page, 'early-controls', `${API}/fixtures/gallery.json`);
  await expect(element.locator('h1')).toHaveText('The count in pictures');
  await element.locator('.gallery .picture-open').first().click();
  await expect(element.locator('dialog.viewer')).toHaveCount(0);
  release();
  await expect(element.locator('dialog.viewer')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(element.locator('dialog.viewer')).toHaveCount(0);
  expectClean(seen);
});

test('embed mode: the loader applies its own checks to the early answer (a web page is refused)', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${HOST}/?critical-path-checks`);
  const element = await mountReader(page, 'early-login', `${API}/faults/login/early-${Date.now()}.json`);
  await expect(element.getByRole('alert')).toContainText('The server sent a web page instead of the article.');
  expect(seen.pageErrors).toEqual([]);
});

test('embed mode: the early request obeys the element\'s time limit', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${HOST}/?critical-path-timeout`);
  await page.evaluate((src) => {
    const el = document.createElement('article-reader');
    el.id = 'slow';
    el.setAttribute('timeout', '1');
    el.setAttribute('src', src);
    document.querySelector('main').append(el);
  }, `${API}/faults/silent/early-${Date.now()}.json`);
  await expect(page.locator('#slow').getByRole('alert')).toContainText('within 1 second');
  expect(seen.pageErrors).toEqual([]);
});

test('embed mode: removing the element cancels its early request', async ({ page }) => {
  const key = `early-gone-${Date.now()}`;
  await page.goto(`${HOST}/test/empty.html`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  // A body that never ends: only the client can close it.
  const answered = page.waitForResponse((r) => r.url().includes(`/faults/endless/${key}`));
  await mountReader(page, 'gone-early', `${API}/faults/endless/${key}.json`);
  await answered;
  await page.evaluate(() => document.querySelector('#gone-early').remove());
  await expect.poll(async () => (await page.request.get(`${API}/faults/abandoned/${key}`)).json()).toBe(true);
});

test('page mode: ?src= is preloaded beside the wasm and fetched once; the lead picture once, at high priority', async ({ page }) => {
  const seen = await watch(page);
  const docs = [];
  const leads = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/fixtures/gallery.json') docs.push(r.url());
    if (url.search.startsWith('?lead')) leads.push(url.search);
  });
  await open(page, '?src=/fixtures/gallery.json');
  // The page's preload (made while the wasm downloads) is the one request the loader uses.
  const entries = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/fixtures/gallery.json')).map((e) => e.initiatorType));
  expect(entries).toEqual(['link']);
  expect(docs).toHaveLength(1);
  const lead = page.locator('.figure-lead img');
  await expect(lead).toHaveAttribute('fetchpriority', 'high');
  await expect(lead).toHaveAttribute('loading', 'eager');
  await expect.poll(() => lead.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(leads, 'the lead picture is requested once (its early request is the one the figure uses)').toHaveLength(1);
  expectClean(seen);
});
