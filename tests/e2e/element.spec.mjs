// Spec §6 against the release build, on a host page under the strict CSP and Trusted Types of the
// embed tests: events, reflected properties, the article property, loading="lazy", and typings and
// manifest that list exactly what the element has.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { watch, expectClean, servePictures } from './helpers.mjs';

const HOST = 'http://127.0.0.1:4301';
const PAGE = `${HOST}/test/element.html`;
const ALL_BLOCKS = JSON.parse(readFileSync('tests/fixtures/all-blocks.json', 'utf8'));

// Every article-reader event that reaches the document, with where it came from.
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['article-reader:load', 'article-reader:error']) {
      document.addEventListener(type, (event) => {
        window.__events.push({ type, id: event.target.id, detail: event.detail, bubbles: event.bubbles, composed: event.composed });
      });
    }
  });
}
const events = (page) => page.evaluate(() => window.__events);
const eventsOf = async (page, id) => (await events(page)).filter((e) => e.id === id);

test('load and error events bubble to the document with their detail', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await recordEvents(page);
  await page.goto(PAGE);
  await expect.poll(() => eventsOf(page, 'one')).toHaveLength(1);
  const [load] = await eventsOf(page, 'one');
  expect(load).toEqual({
    type: 'article-reader:load',
    id: 'one',
    bubbles: true,
    composed: true,
    detail: { headline: ALL_BLOCKS.headline, url: ALL_BLOCKS.url, format: 'v1', warnings: 1 },
  });
  // The event comes after the article is on the page.
  await expect(page.locator('article-reader#one h1')).toHaveText(ALL_BLOCKS.headline);
  await expect.poll(() => eventsOf(page, 'bad')).toHaveLength(1);
  const [invalid] = await eventsOf(page, 'bad');
  expect(invalid.type).toBe('article-reader:error');
  expect(invalid.detail).toMatchObject({ kind: 'invalid', path: 'headline' });
  expect(invalid.detail.message).toContain('This article document has an error');
  await expect.poll(() => eventsOf(page, 'gone')).toHaveLength(1);
  const [gone] = await eventsOf(page, 'gone');
  expect(gone.detail).toEqual({ kind: 'http', status: 404, message: 'This article was not found on the server (error 404).' });
  await expect(page.locator('article-reader#gone').getByRole('alert')).toContainText(gone.detail.message);
  expectClean(seen);
});

test('every attribute is a reflected property, and setting one re-renders', async ({ page }) => {
  await servePictures(page);
  await recordEvents(page);
  await page.goto(PAGE);
  await expect(page.locator('article-reader#one h1')).toHaveText(ALL_BLOCKS.headline);
  const reflected = await page.evaluate(() => {
    const el = document.getElementById('one');
    const out = {};
    for (const [prop, attr, value] of [['src', 'src', 'x.json'], ['theme', 'theme', 'dark'], ['share', 'share', 'copy'], ['timeout', 'timeout', '9'],
      ['format', 'format', 'v1'], ['item', 'item', 'a'], ['uiLang', 'ui-lang', 'de'], ['controls', 'controls', 'listen'], ['loading', 'loading', 'eager']]) {
      const probe = document.createElement('article-reader');
      probe[prop] = value;
      const set = probe.getAttribute(attr);
      probe.setAttribute(attr, `${value}!`);
      const got = probe[prop];
      probe[prop] = null;
      out[prop] = [set, got, probe.hasAttribute(attr), el[prop]];
    }
    return out;
  });
  expect(reflected.src.slice(0, 3)).toEqual(['x.json', 'x.json!', false]);
  expect(reflected.uiLang.slice(0, 3)).toEqual(['de', 'de!', false]);
  expect(reflected.src[3]).toBe('http://127.0.0.1:4303/fixtures/all-blocks.json');
  for (const [, value] of Object.entries(reflected)) expect(value[2]).toBe(false);
  // el.src = … loads the new document; el.uiLang = … changes the UI's words.
  await page.evaluate(() => { document.getElementById('one').src = 'http://127.0.0.1:4303/fixtures/lang/es.json'; });
  await expect(page.locator('article-reader#one h1')).toHaveText(JSON.parse(readFileSync('tests/fixtures/lang/es.json', 'utf8')).headline);
  await expect.poll(async () => (await eventsOf(page, 'one')).length).toBe(2);
  await page.evaluate(() => { document.getElementById('one').uiLang = 'de'; });
  await expect(page.locator('article-reader#one').getByRole('button', { name: 'Leseeinstellungen' })).toBeVisible();
  await page.evaluate(() => { document.getElementById('one').theme = 'sepia'; });
  await expect(page.locator('article-reader#one .reader')).toHaveAttribute('data-theme', 'sepia');
});

test('the article property takes a document object, and null returns to src', async ({ page }) => {
  await servePictures(page);
  await recordEvents(page);
  await page.goto(PAGE);
  await expect(page.locator('article-reader#one h1')).toHaveText(ALL_BLOCKS.headline);
  await page.evaluate(() => {
    document.getElementById('one').article = {
      version: '1', lang: 'fr', headline: 'Un titre donné par objet', body: [{ type: 'paragraph', content: 'Texte.' }],
    };
  });
  await expect(page.locator('article-reader#one h1')).toHaveText('Un titre donné par objet');
  await expect.poll(async () => (await eventsOf(page, 'one')).at(-1)?.detail).toEqual({ headline: 'Un titre donné par objet', url: null, format: 'v1', warnings: 0 });
  expect(await page.evaluate(() => document.getElementById('one').article.headline)).toBe('Un titre donné par objet');
  await page.evaluate(() => { document.getElementById('one').article = { version: '1' }; });
  await expect(page.locator('article-reader#one').getByRole('alert')).toContainText('headline');
  await page.evaluate(() => { document.getElementById('one').article = null; });
  await expect(page.locator('article-reader#one h1')).toHaveText(ALL_BLOCKS.headline);
});

test('loading="lazy" fetches nothing until the element nears the viewport', async ({ page }) => {
  await servePictures(page);
  await recordEvents(page);
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(PAGE);
  await expect(page.locator('article-reader#one h1')).toHaveText(ALL_BLOCKS.headline);
  await expect.poll(() => eventsOf(page, 'gone')).toHaveLength(1);
  expect(requested.filter((url) => url.endsWith('/lang/de.json'))).toEqual([]);
  await expect(page.locator('article-reader#lazy article')).toHaveCount(0);
  await page.locator('article-reader#lazy').scrollIntoViewIfNeeded();
  await expect(page.locator('article-reader#lazy h1')).toHaveText(JSON.parse(readFileSync('tests/fixtures/lang/de.json', 'utf8')).headline);
  expect(requested.filter((url) => url.endsWith('/lang/de.json'))).toHaveLength(1);
  await expect.poll(() => eventsOf(page, 'lazy')).toHaveLength(1);
});

test('a start failure is an error event of kind "start"', async ({ page }) => {
  await recordEvents(page);
  await page.route('**/*.wasm', (route) => route.abort());
  page.on('console', () => {});
  await page.goto(PAGE);
  await expect.poll(() => eventsOf(page, 'one')).toHaveLength(1);
  expect((await eventsOf(page, 'one'))[0].detail).toEqual({ kind: 'start', message: 'The article reader could not start on this page.' });
});

test('the typings and the manifest beside embed.js list exactly the attributes, properties and events the element has', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('article-reader#one article')).toHaveCount(1);
  const actual = await page.evaluate(() => {
    const Element = customElements.get('article-reader');
    const proto = Element.prototype;
    const properties = Object.getOwnPropertyNames(proto).filter((name) => {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      return d.get && d.set;
    });
    return { attributes: [...Element.observedAttributes].sort(), properties: properties.sort() };
  });
  const events = ['article-reader:error', 'article-reader:load'];
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
  const element = manifest.modules[0].declarations[0];
  expect(element.tagName).toBe('article-reader');
  expect(element.attributes.map((a) => a.name).sort()).toEqual(actual.attributes);
  expect(element.members.map((m) => m.name).sort()).toEqual(actual.properties);
  expect(element.events.map((e) => e.name).sort()).toEqual(events);
  const dts = readFileSync('dist/article-reader.d.ts', 'utf8');
  const body = dts.slice(dts.indexOf('interface ArticleReaderElement'), dts.indexOf('addEventListener<'));
  const fields = [...body.matchAll(/^\s+(\w+): /gm)].map((m) => m[1]).sort();
  expect(fields).toEqual(actual.properties);
  const map = dts.slice(dts.indexOf('interface ArticleReaderEventMap'), dts.indexOf('declare global'));
  expect([...map.matchAll(/'(article-reader:\w+)'/g)].map((m) => m[1]).sort()).toEqual(events);
  expect(dts).toContain("'article-reader': ArticleReaderElement;");
  expect(dts).toContain('interface HTMLElementTagNameMap');
});

test('theme, share, controls and ui-lang update in place: no new request, same scroll and nodes; src loads anew', async ({ page }) => {
  await servePictures(page);
  await recordEvents(page);
  const documents = [];
  page.on('request', (request) => {
    if (request.url().startsWith('http://127.0.0.1:4303/fixtures/') && request.url().endsWith('.json')) documents.push(request.url());
  });
  await page.goto(PAGE);
  const one = page.locator('article-reader#one');
  await expect(one.locator('h1')).toHaveText(ALL_BLOCKS.headline);
  await expect.poll(() => eventsOf(page, 'one')).toHaveLength(1);
  const before = documents.filter((url) => url.endsWith('/all-blocks.json')).length;
  expect(before).toBe(1);
  // The share bar (from the module asked for after the first paint) is there: its arrival would
  // rightly move the page's scroll position by its height (scroll anchoring keeps the view).
  await expect(one.getByRole('button', { name: 'Copy link' })).toBeVisible();
  // The reader is well into the page, with a word of the body selected.
  await page.evaluate(() => {
    window.__h1 = document.getElementById('one').shadowRoot.querySelector('h1');
    window.__p = document.getElementById('one').shadowRoot.querySelector('[data-block="0"]');
    const range = document.createRange();
    range.selectNodeContents(window.__p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    window.scrollTo(0, 3000);
  });
  expect(await page.evaluate(() => window.scrollY)).toBe(3000);
  const same = () => page.evaluate(() => {
    const root = document.getElementById('one').shadowRoot;
    return [root.querySelector('h1') === window.__h1, root.querySelector('[data-block="0"]') === window.__p, window.scrollY, getSelection().toString().length > 0];
  });
  await page.evaluate(() => { document.getElementById('one').setAttribute('theme', 'dark'); });
  await expect(one.locator('.reader')).toHaveAttribute('data-theme', 'dark');
  expect(await same()).toEqual([true, true, 3000, true]);
  await page.evaluate(() => { document.getElementById('one').share = 'copy'; });
  await expect(one.locator('.share-controls a, .share-controls button')).toHaveCount(1);
  // (The passage selected above is offered as a quote, with its own copy button only.)
  await expect(one.locator('.share-quote button')).toHaveText(['Copy link to quote']);
  expect(await same()).toEqual([true, true, 3000, true]);
  await expect(one.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  await page.evaluate(() => { document.getElementById('one').setAttribute('controls', 'listen'); });
  await expect(one.getByRole('button', { name: 'Reading settings' })).toHaveCount(0);
  expect(await same()).toEqual([true, true, 3000, true]);
  await page.evaluate(() => { document.getElementById('one').uiLang = 'de'; });
  await expect(one.getByRole('heading', { name: 'Mehr zum Thema' })).toBeVisible();
  await expect(one.locator('.reader')).toHaveAttribute('lang', 'de');
  expect(await same()).toEqual([true, true, 3000, true]);
  // Nothing was fetched again, and no second load event came.
  expect(documents.filter((url) => url.endsWith('/all-blocks.json'))).toHaveLength(before);
  expect(await eventsOf(page, 'one')).toHaveLength(1);
  // A new src is a new document.
  await page.evaluate(() => { document.getElementById('one').src = 'http://127.0.0.1:4303/fixtures/lang/es.json'; });
  await expect(one.locator('h1')).toHaveText(JSON.parse(readFileSync('tests/fixtures/lang/es.json', 'utf8')).headline);
  await expect.poll(async () => (await eventsOf(page, 'one')).length).toBe(2);
  expect(documents.filter((url) => url.endsWith('/lang/es.json'))).toHaveLength(1);
});
