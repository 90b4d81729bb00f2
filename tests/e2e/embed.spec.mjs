// Embed mode as a site owner meets it: the host page on one origin (strict CSP with Trusted Types),
// the reader on a second, the article API on a third.
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { watch, expectClean, servePictures } from './helpers.mjs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';

/** Watches everything `watch` does, plus CSP reports in the console and downloads of the main
 * wasm (`wasm`) and of the modules loaded on demand (`modules`). */
async function watchEmbed(page) {
  const seen = await watch(page);
  seen.csp = [];
  seen.wasm = [];
  seen.modules = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text())) seen.csp.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url().endsWith('_bg.wasm')) seen.wasm.push(r.url());
    else if (r.url().endsWith('.wasm')) seen.modules.push(r.url());
  });
  return seen;
}

/** The CSP reports the host received for this page's own URL (other tests share the server). */
async function expectNoCspReport(page) {
  const reports = await (await page.request.get(`${HOST}/csp-reports`)).json();
  const mine = reports.filter((r) => JSON.parse(r)['csp-report']?.['document-uri'] === page.url());
  expect(mine, 'CSP reports sent to the host').toEqual([]);
}

const reader = (page, id) => page.locator(`article-reader#${id}`);

/** The error view of an element as [tag, class, part, text of the title and button] per node. */
const errorViewShape = (element) =>
  element.evaluate((host) => {
    const alert = host.shadowRoot.querySelector('[role=alert]');
    const nodes = [alert.parentElement, alert, ...alert.querySelectorAll('p, button')];
    return nodes.map((el, i) => [el.localName, el.className, el.getAttribute('part'), i === 2 || i === 4 ? el.textContent : null]);
  });

test('the example host page renders every widget under a strict CSP with one wasm download', async ({ page }) => {
  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/?run=${test.info().testId}`);
  const wire = reader(page, 'wire');
  await expect(wire.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(wire.locator('.figure-lead img')).toHaveAttribute('src', `${API}/fixtures/img/lead.png`);
  await expect(wire.getByRole('link', { name: /Read “Every block/ })).toBeHidden();

  const inline = reader(page, 'inline');
  await expect(inline.getByRole('heading', { level: 1 })).toHaveText('The ferry runs again');
  await expect(inline.locator('.reader')).toHaveAttribute('data-theme', 'dark');
  await expect(inline.locator('.share a, .share button')).toHaveCount(3);
  await expect(inline.getByRole('link', { name: 'Share on X' })).toHaveAttribute('href', /riverside\.example%2F2024%2Fferry/);

  const gone = reader(page, 'gone');
  await expect(gone.getByRole('alert')).toContainText('not found on the server (error 404)');
  await expect(gone.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(gone.getByRole('link', { name: 'Find it in our archive' })).toBeVisible();

  expect(await page.locator('article-reader').evaluateAll((els) => els.map((el) => el.shadowRoot?.mode))).toEqual(['open', 'open', 'open']);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 'no service worker on a host page').toBe(0);
  expect(seen.wasm).toHaveLength(1);
  expect(seen.wasm[0]).toMatch(/^http:\/\/127\.0\.0\.1:4302\/article-reader-[0-9a-f]+_bg\.wasm$/);
  expect(seen.csp).toEqual([]);
  await expectNoCspReport(page);
  expectClean(seen);
});

test('embedding adds no global to the host page', async ({ page }) => {
  await page.goto(`${HOST}/test/blank.html`);
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
  await page.goto(`${HOST}/`);
  await expect(reader(page, 'wire').locator('article')).toHaveCount(1);
  const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
  expect(after.filter((name) => !before.includes(name))).toEqual([]);
});

test('a hostile host stylesheet does not reach the widget, and the widget leaves the host alone', async ({ page }) => {
  const measure = (loc) =>
    loc.evaluate((root) => {
      const s = (sel) => {
        const el = root.shadowRoot.querySelector(sel);
        const c = getComputedStyle(el);
        return { display: c.display, color: c.color, size: c.fontSize, family: c.fontFamily, spacing: c.letterSpacing, transform: c.textTransform, visibility: c.visibility, style: c.fontStyle, direction: c.direction, weight: c.fontWeight };
      };
      return { reader: s('.reader'), h1: s('h1'), p: s('.article-body p'), link: s('.article-body a'), img: s('.figure-lead img'), button: s('.share-copy') };
    });
  // (The share bar comes from the module asked for after the first paint: measured once it is there.)
  const shareBar = (id) => expect(reader(page, id).getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.goto(`${HOST}/test/plain.html`);
  await expect(reader(page, 'one').locator('article')).toHaveCount(1);
  await shareBar('one');
  const calm = await measure(reader(page, 'one'));

  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/test/hostile.html`);
  await expect(reader(page, 'one').locator('article')).toHaveCount(1);
  await expect(reader(page, 'two').locator('article')).toHaveCount(1);
  await shareBar('one');
  const hostile = await measure(reader(page, 'one'));
  expect(hostile).toEqual(calm);
  expect(hostile.h1.display).toBe('block');
  expect(hostile.p.color).not.toBe('rgb(255, 0, 0)');
  expect(hostile.reader.size).toBe('19px');
  expect(hostile.reader.direction).toBe('ltr');
  await expect(reader(page, 'one').getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reader(page, 'two').locator('article')).toHaveAttribute('dir', 'rtl');

  // The host is as its own stylesheet made it: nothing added to its document or its styles.
  await expect(page.locator('#host-heading')).toBeHidden();
  expect(await page.locator('#host-text').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 0)');
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
  expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(1);
  expect(await page.evaluate(() => document.querySelectorAll('[style]').length)).toBe(0);
  expect(seen.csp).toEqual([]);
  await expectNoCspReport(page);
  expectClean(seen);
});

test('elements added later render, removed ones tear down cleanly, and a new src loads', async ({ page }) => {
  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/`);
  await expect(reader(page, 'wire').locator('article')).toHaveCount(1);

  await page.evaluate((api) => {
    const el = document.createElement('article-reader');
    el.id = 'late';
    el.setAttribute('src', `${api}/fixtures/rtl-arabic.json`);
    document.querySelector('main').append(el);
  }, API);
  await expect(reader(page, 'late').locator('article')).toHaveAttribute('lang', 'ar');

  await page.evaluate(() => document.getElementById('wire').remove());
  await expect(page.locator('article-reader#wire')).toHaveCount(0);

  await page.evaluate((api) => document.getElementById('late').setAttribute('src', `${api}/fixtures/minimal.json`), API);
  await expect(reader(page, 'late').getByRole('heading', { level: 1 })).toHaveText('Just a headline');

  // Moved elsewhere in the page: torn down and mounted again, still one article.
  await page.evaluate(() => document.body.prepend(document.getElementById('late')));
  await expect(reader(page, 'late').locator('article')).toHaveCount(1);
  await expect(reader(page, 'late').getByRole('heading', { level: 1 })).toHaveText('Just a headline');

  expect(seen.wasm).toHaveLength(1);
  // The app's module and the reading tools' came once for every element, the wire story's embed brought the
  // rich elements' module, and the Arabic article the UI tables other than English, each once,
  // under the strict CSP (beside embed.js). (`chunk_…` modules hold code two modules share and
  // come with either.)
  const named = seen.modules.map((url) => /^http:\/\/127\.0\.0\.1:4302\/article-reader-[0-9a-f]+-(\w+)-[0-9a-f]+\.wasm$/.exec(url)?.[1]);
  expect(named.filter((name) => !name?.startsWith('chunk_')).sort()).toEqual(['app', 'islands', 'languages', 'rich']);
  expect(seen.csp).toEqual([]);
  expectClean(seen);
});

test('when the wasm cannot load, the light-DOM link stays with an alert, and "Try again" recovers', async ({ page }) => {
  let block = true;
  await page.route('**/*.wasm', (route) => (block ? route.abort() : route.continue()));
  const seen = await watchEmbed(page);
  page.on('console', () => {});
  await page.goto(`${HOST}/`);
  const wire = reader(page, 'wire');
  await expect(wire.getByRole('alert')).toContainText('could not start');
  await expect(wire.getByRole('link', { name: /Read “Every block/ })).toBeVisible();
  const startFailure = await errorViewShape(wire);
  block = false;
  await wire.getByRole('button', { name: 'Try again' }).click();
  await expect(wire.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(wire.getByRole('link', { name: /Read “Every block/ })).toBeHidden();
  // The start-failure view that embed.js draws is the wasm's error view: same elements, classes
  // and ::part() names (so a host's ::part(error) styles both), the same words.
  const gone = reader(page, 'gone');
  await gone.getByRole('button', { name: 'Try again' }).click();
  await expect(gone.getByRole('alert')).toContainText('error 404');
  expect(startFailure).toEqual(await errorViewShape(gone));
  expect(startFailure.map(([, , part]) => part)).toEqual(['reader', 'error', null, null, null]);
  expectClean(seen);
});

test('a failing src in an element shows its alert, and "Try again" reloads only that element', async ({ page }) => {
  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/`);
  await page.evaluate((api) => {
    const el = document.createElement('article-reader');
    el.id = 'flaky';
    el.setAttribute('src', `${api}/faults/503-once/embed-${Date.now()}.json`);
    document.querySelector('main').append(el);
  }, API);
  const flaky = reader(page, 'flaky');
  await expect(flaky.getByRole('alert')).toContainText('error 503');
  await flaky.getByRole('button', { name: 'Try again' }).click();
  await expect(flaky.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(reader(page, 'gone').getByRole('alert')).toBeVisible();
  expectClean(seen);
});

test('dist/embed.js has its stable name and points at files of the same build', () => {
  const embed = readFileSync('dist/embed.js', 'utf8');
  const names = [...embed.matchAll(/["']\.\/([^"']+\.(?:js|wasm|css))["']/g)].map((m) => m[1]);
  expect(names).toHaveLength(3);
  for (const name of names) expect(existsSync(`dist/${name}`), name).toBe(true);
  const code = embed.replace(/^\s*\/\/.*$/gm, '');
  expect(code).not.toMatch(/innerHTML|eval\(|new Function|document\.write/);
});

test('an element sets its own time limit with the timeout attribute', async ({ page }) => {
  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/`);
  await page.evaluate((api) => {
    const el = document.createElement('article-reader');
    el.id = 'slow';
    el.setAttribute('timeout', '2');
    el.setAttribute('src', `${api}/faults/silent/embed-${Date.now()}.json`);
    document.querySelector('main').append(el);
  }, API);
  await expect(reader(page, 'slow').getByRole('alert')).toContainText('within 2 seconds', { timeout: 8_000 });
  expectClean(seen);
});

test('an element whose template left src empty says no article was given, never the sample', async ({ page }) => {
  const seen = await watchEmbed(page);
  await page.goto(`${HOST}/`);
  await page.evaluate(() => {
    for (const [id, src] of [['empty', ''], ['blank', '  '], ['absent', null]]) {
      const el = document.createElement('article-reader');
      el.id = id;
      if (src !== null) el.setAttribute('src', src);
      const link = document.createElement('a');
      link.href = '/story';
      link.textContent = `Read the ${id} story`;
      el.append(link);
      document.querySelector('main').append(el);
    }
  });
  for (const id of ['empty', 'blank', 'absent']) {
    const el = reader(page, id);
    await expect(el.getByRole('alert')).toContainText('No article was given to the reader.');
    await expect(el.locator('article')).toHaveCount(0);
    await expect(el.getByRole('link', { name: `Read the ${id} story` }), 'the fallback link stays').toBeVisible();
  }
  await expect(page.getByText(/Pompeo/)).toHaveCount(0);
  expectClean(seen);
});

test('publishers\' formats render in an element under the host\'s strict CSP and Trusted Types', async ({ page }) => {
  const seen = await watchEmbed(page);
  await servePictures(page);
  await page.goto(`${HOST}/?run=${test.info().testId}`);
  await page.evaluate((api) => {
    for (const [id, file] of [['wp', 'wordpress-post.json'], ['ghost', 'ghost-posts.json']]) {
      const el = document.createElement('article-reader');
      el.id = id;
      el.setAttribute('src', `${api}/fixtures/formats/${file}`);
      document.querySelector('main').append(el);
    }
  }, API);
  // WordPress HTML goes through the browser's inert DOMParser, which Trusted Types guards.
  await expect(reader(page, 'wp').getByRole('heading', { level: 1 })).toHaveText('Café owners cheer as the bridge opens – at last');
  await expect(reader(page, 'wp').locator('.article-body h2')).toHaveText('What changes for commuters');
  await expect(reader(page, 'ghost').locator('.figure-lead figcaption')).toContainText('Photo by Jo Lind');
  expect(seen.csp).toEqual([]);
  await expectNoCspReport(page);
  expectClean(seen);
});
