// Modules loaded on demand (issue "Arriving fast", item 1): the release build's main wasm carries
// what the first paint of a v1 English article needs; the publishers' formats and the UI tables
// other than English come as modules of their own, fetched only when a document needs them, once
// for all the elements of a page, under the host's strict CSP and Trusted Types; a module that
// cannot be fetched leaves the reader working and says what is missing.
import { test, expect } from '@playwright/test';
import { watch, expectClean, mountReader, open } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';
const MODULE = /\/article-reader-[0-9a-f]+-(\w+)-[0-9a-f]+\.wasm$/;

/** Records which on-demand modules the page requests, by name, in order. (Modules named
 * `chunk_…` hold code that two on-demand modules share and come with either: not listed.) */
function watchModules(page) {
  const modules = [];
  page.on('request', (r) => {
    const m = MODULE.exec(new URL(r.url()).pathname);
    if (m && !m[1].startsWith('chunk_')) modules.push(m[1]);
  });
  return modules;
}

test('a v1 English article renders from the main wasm alone, its tools\' module after; rich elements, a publisher\'s format and another language each bring theirs, once for the page', async ({ page }) => {
  const seen = await watch(page);
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy|Trusted Type/i.test(m.text())) csp.push(m.text()); });
  const modules = watchModules(page);
  await page.goto(`${HOST}/test/empty.html?on-demand`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  await page.evaluate(() => document.addEventListener('article-reader:load', () => { window.__firstLoad ??= performance.now(); }));

  const english = await mountReader(page, 'v1', `${API}/fixtures/minimal.json`);
  await expect(english.locator('h1')).toHaveText('Just a headline');
  // The app (the reader's controls, events and "Try again", Yew's code) and the reading tools
  // and share bar come from their modules, asked for once the article is on screen (its load
  // event): nothing else, and nothing before.
  await expect(english.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  expect(modules, 'only the app\'s and the tools\' modules, after the article').toEqual(['app', 'islands']);
  for (const name of ['app', 'islands']) {
    const asked = await page.evaluate((name) => performance.getEntriesByType('resource').find((e) => new RegExp(`-${name}-[0-9a-f]+\\.wasm$`).test(e.name)).startTime, name);
    expect(asked, name).toBeGreaterThan(await page.evaluate(() => window.__firstLoad));
  }

  // A v1 article with tables, code, boxes and notes brings the rich elements' module, before it
  // is drawn (nothing of it is missing); a WordPress post with a player and a gallery brings the
  // publishers' formats and uses the rich elements' module already there.
  const rich = await mountReader(page, 'rich', `${API}/fixtures/rich-text.json`);
  await expect(rich.getByRole('table')).toHaveCount(1);
  await expect(rich.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(rich.getByRole('status').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
  expect(modules).toEqual(['app', 'islands', 'rich']);
  const wordpress = await mountReader(page, 'wp', `${API}/fixtures/formats/wordpress-post.json`);
  await expect(wordpress.locator('h1')).toContainText('the bridge opens');
  await expect(wordpress.locator('.gallery')).toHaveCount(1);
  expect(modules).toEqual(['app', 'islands', 'rich', 'publishers']);
  // A Ghost post is read by the same module; a JSON-LD article (typed elements, like ANS and
  // Apple News) brings the other formats' module.
  const again = await mountReader(page, 'ghost', `${API}/fixtures/formats/ghost-posts.json`);
  await expect(again.locator('h1')).toHaveCount(1);
  await expect(again.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  expect(modules, 'fetched once for every element of the page').toEqual(['app', 'islands', 'rich', 'publishers']);
  const jsonld = await mountReader(page, 'ld', `${API}/fixtures/formats/jsonld-live.json`);
  await expect(jsonld.locator('h1')).toHaveCount(1);
  expect(modules).toEqual(['app', 'islands', 'rich', 'publishers', 'structured']);

  const arabic = await mountReader(page, 'ar', `${API}/fixtures/rtl-arabic.json`);
  await expect(arabic.locator('article')).toHaveAttribute('lang', 'ar');
  await expect(arabic.getByRole('button', { name: 'إعدادات القراءة' })).toBeVisible();
  expect(modules).toEqual(['app', 'islands', 'rich', 'publishers', 'structured', 'languages']);
  expect(csp).toEqual([]);
  // (The WordPress and Ghost posts' own pictures are on their publishers' hosts: stopped by `watch`.)
  expect(seen.pageErrors).toEqual([]);
  expect(seen.outside.every((url) => /^https:\/\/(riverside|gravatar|garden|photos)\.example\//.test(url))).toBe(true);
});

test('format= names a publisher\'s format: its module is requested beside the document, before the answer', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${HOST}/test/empty.html?on-demand-format`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const module = page.waitForRequest((r) => /-publishers-[0-9a-f]+\.wasm$/.test(r.url()));
  await page.evaluate((src) => {
    const el = document.createElement('article-reader');
    el.id = 'named';
    el.setAttribute('format', 'wordpress');
    el.setAttribute('src', src); // never answered
    document.querySelector('main').append(el);
  }, `${API}/faults/silent/on-demand-${Date.now()}.json`);
  await module;
  await expect(page.locator('#named').getByRole('alert')).toHaveCount(0);
  expectClean(seen);
});

test('when the formats\' module cannot be fetched the alert says so, and "Try again" recovers', async ({ page }) => {
  const seen = await watch(page);
  let blocked = true;
  await page.route(/-publishers-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(`${HOST}/test/empty.html?on-demand-missing`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const events = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('article-reader:error', (e) => resolve(e.detail.kind), { once: true });
  }));
  const element = await mountReader(page, 'missing', `${API}/fixtures/formats/wordpress-post.json`);
  await expect(element.getByRole('alert')).toContainText('Part of the reader could not be loaded');
  expect(await events).toBe('part-missing');
  blocked = false;
  await element.getByRole('button', { name: 'Try again' }).click();
  await expect(element.locator('h1')).toContainText('the bridge opens');
  expect(seen.pageErrors).toEqual([]);
});

test('when the app\'s module cannot be fetched the article stays, whole and announced, and says what is missing', async ({ page }) => {
  const seen = await watch(page);
  await page.route(/-app-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await page.goto(`${HOST}/test/empty.html?on-demand-app`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const loaded = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('article-reader:load', (e) => resolve(e.detail.headline), { once: true });
  }));
  const element = await mountReader(page, 'no-app', `${API}/fixtures/all-blocks.json`);
  await expect(element.locator('h1')).toHaveText('Every block of the format, in one article');
  expect(await loaded).toBe('Every block of the format, in one article');
  await expect(element.locator('.reader-tools')).toHaveText(/^The reading settings, Listen and the share buttons could not be loaded\./);
  await expect(element.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  await expect(element.locator('.related')).toHaveCount(1);
  // Its own controls work without the app: a picture opens in the viewer.
  await element.locator('.figure-lead .picture-open').click();
  await expect(element.locator('dialog.viewer')).toBeVisible();
  await page.keyboard.press('Escape');
  // A load that fails without the app: its alert all the same, with "Try again".
  const failed = await mountReader(page, 'no-app-503', `${API}/faults/503-once/no-app-${Date.now()}.json`);
  await expect(failed.getByRole('alert')).toContainText('error 503');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(failed.locator('h1')).toHaveText('Every block of the format, in one article');
  expect(seen.pageErrors).toEqual([]);
});

test('when the UI tables cannot be fetched the article is still shown, its controls in English', async ({ page }) => {
  const seen = await watch(page);
  await page.route(/-languages-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await page.goto(`${HOST}/test/empty.html?on-demand-languages`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const element = await mountReader(page, 'no-tables', `${API}/fixtures/rtl-arabic.json`);
  await expect(element.locator('article')).toHaveAttribute('lang', 'ar');
  await expect(element.locator('h1')).toHaveText(/\S/);
  await expect(element.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  expect(seen.pageErrors).toEqual([]);
});

test('page mode: Listen\'s module comes when Listen is pressed, the viewer\'s when a picture is opened', async ({ page }) => {
  const seen = await watch(page);
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  const modules = watchModules(page);
  await open(page, '?src=/fixtures/gallery.json');
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();
  // After the first paint: the reading tools' and the library's modules (page mode's "Save for
  // offline"); nothing else before the reader asks.
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeVisible();
  // (The gallery is a rich element: its module came before the article was drawn.)
  expect([...modules].sort()).toEqual(['islands', 'library', 'rich']);

  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => spoken(page)).not.toEqual([]);
  expect(modules).toContain('listen');
  expect(modules).not.toContain('viewer');
  await page.getByRole('button', { name: 'Stop' }).click();

  await page.locator('.gallery .picture-open').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(modules).toContain('viewer');
  expect(modules.filter((m) => m === 'listen'), 'each module once').toHaveLength(1);
  expectClean(seen);
});

test.describe('without the service worker', () => {
  // (Its precache would answer for the module: page.route does not see the worker's requests.)
  test.use({ serviceWorkers: 'block' });
  test('page mode: when Listen\'s module cannot be fetched, Listen says it could not start', async ({ page }) => {
    const seen = await watch(page);
    await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
    await page.route(/-listen-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await open(page, '?src=/fixtures/gallery.json');
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Listen could not start' })).toBeVisible();
    expect(await spoken(page)).toEqual([]);
    await expect(page.locator('h1')).toHaveText('The count in pictures');
    expectClean(seen);
  });
});

test.describe('without the service worker, the tools\' and library\'s modules missing', () => {
  test.use({ serviceWorkers: 'block' });
  test('the article is whole and says what could not be loaded, in its language', async ({ page }) => {
    const seen = await watch(page);
    await page.route(/-(islands|library)-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await open(page, '?src=/fixtures/all-blocks.json');
    await expect(page.locator('.reader-tools')).toHaveText(/^The reading settings, Listen and the share buttons could not be loaded\./);
    await expect(page.locator('.offline-controls')).toHaveText(/^Saving for offline reading and the saved articles could not be loaded\./);
    await expect(page.getByRole('button', { name: 'Reading settings' })).toHaveCount(0);
    await expect(page.locator('.share')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText('Every block of the format, in one article');
    await expect(page.locator('.article-body > *').first()).toBeVisible();
    expectClean(seen);
  });
});

test.describe('without the service worker, the rich elements\' module missing', () => {
  test.use({ serviceWorkers: 'block' });
  test('the article is shown without its tables, code and boxes, and says what is left out, in its language', async ({ page }) => {
    const seen = await watch(page);
    await page.route(/-rich-[0-9a-f]+\.wasm$/, (route) => route.abort());
    await open(page, '?src=/fixtures/rich-text.json');
    await expect(page.locator('h1')).toHaveText('Turnout rose in every region, the final count shows');
    await expect(page.getByRole('status').filter({ hasText: /^Some parts of this article could not be loaded and are left out: tables, code, boxes/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.article-body table, .article-body pre, .article-body aside')).toHaveCount(0);
    await expect(page.locator('.article-body p').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reading settings' })).toBeVisible();
    // The same in French: the words are the UI language's.
    await open(page, '?src=/fixtures/rich-text.json&ui-lang=fr');
    await expect(page.getByRole('status').filter({ hasText: /^Certaines parties de cet article n’ont pas pu être chargées/ })).toBeVisible();
    expectClean(seen);
  });
});

test('page mode\'s service worker precaches every module its glue can load, so all of them work offline', () => {
  const named = (text) => [...new Set([...text.matchAll(/\.\/([\w.-]+\.(?:js|wasm))\b/g)].map((m) => m[1]))];
  const glue = named(readFileSync('dist/index.html', 'utf8')).find((f) => /^article-reader-[0-9a-f]+\.js$/.test(f));
  const loader = readFileSync(`dist/${glue}`, 'utf8');
  // The glue names each module by its SHA-256 (scripts/split-wasm.mjs): the build's modules are
  // the files beside it whose hash it holds.
  const stem = glue.replace(/\.js$/, '');
  const modules = readdirSync('dist').filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.wasm'))
    .filter((f) => loader.includes(`"${createHash('sha256').update(readFileSync(`dist/${f}`)).digest('base64')}"`));
  expect(modules.map((f) => MODULE.exec(`/${f}`)?.[1]).filter((m) => !m.startsWith('chunk_')).sort())
    .toEqual(['islands', 'languages', 'library', 'listen', 'publishers', 'rich', 'structured', 'viewer']);
  const precache = readFileSync('dist/sw.js', 'utf8');
  for (const module of modules) expect(precache, module).toContain(`"${module}"`);
});

test('the reading tools\' rules come with their module: added to the element\'s shadow root as a constructed stylesheet, never to the host page', async ({ page }) => {
  const seen = await watch(page);
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy|Trusted Type/i.test(m.text())) csp.push(m.text()); });
  await page.goto(`${HOST}/test/empty.html?adopted`);
  await page.waitForFunction(() => customElements.get('article-reader'));
  const element = await mountReader(page, 'styled', `${API}/fixtures/minimal.json`);
  await element.getByRole('button', { name: 'Reading settings' }).click();
  const panel = element.locator('.settings-panel');
  await expect(panel).toBeVisible();
  // The panel floats over the article (islands.css): the rule is there.
  expect(await panel.evaluate((p) => getComputedStyle(p).position)).toBe('absolute');
  expect(await page.evaluate(() => [
    document.adoptedStyleSheets.length,
    document.getElementById('styled').shadowRoot.adoptedStyleSheets.length,
  ])).toEqual([0, 1]);
  // A second element of the page shares the same sheet in its own root.
  const second = await mountReader(page, 'styled-too', `${API}/fixtures/minimal.json`);
  await expect(second.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  expect(await page.evaluate(() => {
    const [a, b] = ['styled', 'styled-too'].map((id) => document.getElementById(id).shadowRoot.adoptedStyleSheets);
    return b.length === 1 && a[0] === b[0];
  })).toBe(true);
  expect(csp).toEqual([]);
  expectClean(seen);
});
