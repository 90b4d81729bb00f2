// Reading comfort (issue "Reading comfort that crosses the shadow DOM"): column width, line
// spacing, the WCAG 1.4.12 "more text spacing" switch and hyphenation in the settings panel, each
// changing what it says and remembered; the same properties set from outside the shadow root by
// a host style sheet (under the host's strict CSP), until the reader chooses.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, expectClean, open, servePictures, startServer, waitForServiceWorker } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';

const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property);
/** Where an element is on the page (not in the view: opening the panel may scroll). */
const placeOnPage = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return [r.left, r.top + window.scrollY, r.width, r.height];
});
const px = async (locator, property) => parseFloat(await style(locator, property));
/** The addresses of the requests matching `pattern` from now on. */
const requestsFor = (page, pattern) => {
  const seen = [];
  page.on('request', (request) => pattern.test(request.url()) && seen.push(request.url()));
  return seen;
};

test('column width, line spacing, more text spacing and hyphenation change the text and are remembered', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const panel = page.getByRole('group', { name: 'Reading settings' });
  const body = page.locator('.article-body');
  const column = page.locator('article.article');
  const paragraph = body.locator('p').first();
  const fontSize = await px(paragraph, 'fontSize');

  // Until the reader chooses, no width is checked: the page's own (or the designed) one applies.
  await expect(panel.getByRole('radiogroup', { name: 'Column width' }).getByRole('radio', { checked: true })).toHaveCount(0);
  expect(await px(column, 'maxWidth')).toBe(680);
  await panel.getByRole('radiogroup', { name: 'Column width' }).getByRole('radio', { name: 'Narrow' }).check();
  expect(await px(column, 'maxWidth')).toBe(560);
  await panel.getByRole('radiogroup', { name: 'Column width' }).getByRole('radio', { name: 'Wide' }).check();
  expect(await px(column, 'maxWidth')).toBe(840);

  expect(await px(paragraph, 'lineHeight')).toBeCloseTo(fontSize * 1.6, 0);
  await panel.getByRole('radiogroup', { name: 'Line spacing' }).getByRole('radio', { name: 'Loose' }).check();
  expect(await px(paragraph, 'lineHeight')).toBeCloseTo(fontSize * 2.1, 0);

  const spacing = panel.getByRole('checkbox', { name: 'More space between letters, words and paragraphs' });
  await expect(spacing).not.toBeChecked();
  expect(await style(paragraph, 'letterSpacing')).toBe('normal');
  await spacing.check();
  expect(await px(paragraph, 'letterSpacing')).toBeCloseTo(fontSize * 0.12, 1);
  expect(await px(paragraph, 'wordSpacing')).toBeCloseTo(fontSize * 0.16, 1);
  expect(await px(paragraph, 'marginBottom')).toBeCloseTo(fontSize * 2, 0);
  const headline = page.locator('h1');
  expect(await px(headline, 'lineHeight')).toBeGreaterThanOrEqual(1.5 * (await px(headline, 'fontSize')) - 0.5);

  const hyphens = panel.getByRole('checkbox', { name: 'Hyphenate long words' });
  expect(await style(paragraph, 'hyphens')).toBe('manual');
  await hyphens.check();
  expect(await style(paragraph, 'hyphens')).toBe('auto');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.reload();
  const reader = page.locator('.reader');
  await expect(reader).toHaveAttribute('data-measure', 'wide');
  await expect(reader).toHaveAttribute('data-line-spacing', 'loose');
  await expect(reader).toHaveAttribute('data-spacing', 'more');
  await expect(reader).toHaveAttribute('data-hyphens', 'auto');
  expectClean(seen);
});

test('more text spacing at 320 px: no text clipped, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await servePictures(page);
  await page.addInitScript(() => localStorage.setItem('article-reader:settings', 'size=5&font=serif&spacing=more&lines=loose'));
  await open(page, '?src=/fixtures/all-blocks.json');
  await expect(page.locator('.reader')).toHaveAttribute('data-spacing', 'more');
  const problems = await page.evaluate(() => {
    const found = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('.article *')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || !el.textContent.trim()) continue;
      // Scrolling regions (tables, code) scroll on purpose; anything else that hides overflow
      // must not be smaller than its text.
      const hides = (v) => v === 'hidden' || v === 'clip';
      if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) found.push(`${el.tagName}.${el.className} clipped vertically`);
      if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName}.${el.className} clipped horizontally`);
      const r = el.getBoundingClientRect();
      if (cs.position !== 'absolute' && !el.closest('.table-scroll, .code-scroll') && r.right > window.innerWidth + 1) found.push(`${el.tagName}.${el.className} past the edge`);
    }
    return found;
  });
  expect(problems).toEqual([]);
});

test('a host style sheet sets the spacing from outside the shadow root (strict CSP), until the reader chooses', async ({ page }) => {
  await page.goto('http://127.0.0.1:4301/test/spacing.html');
  const spaced = page.locator('article-reader#spaced');
  const plain = page.locator('article-reader#plain');
  for (const el of [spaced, plain]) await expect(el.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  const p = (el) => el.locator('.article-body p').first();
  const size = await px(p(spaced), 'fontSize');
  expect(await px(p(spaced), 'lineHeight')).toBeCloseTo(size * 2.4, 0);
  expect(await px(p(spaced), 'letterSpacing')).toBeCloseTo(size * 0.05, 1);
  expect(await px(p(spaced), 'wordSpacing')).toBeCloseTo(size * 0.3, 1);
  expect(await px(p(spaced), 'marginBottom')).toBeCloseTo(size * 3, 0);
  expect(await px(spaced.locator('article.article'), 'maxWidth')).toBe(420);
  // The other element is untouched.
  expect(await px(p(plain), 'lineHeight')).toBeCloseTo(size * 1.6, 0);
  expect(await px(plain.locator('article.article'), 'maxWidth')).toBe(680);

  // The reader's own choice wins once made.
  await spaced.getByRole('button', { name: 'Reading settings' }).click();
  await spaced.getByRole('radiogroup', { name: 'Line spacing' }).getByRole('radio', { name: 'Normal' }).check();
  expect(await px(p(spaced), 'lineHeight')).toBeCloseTo(size * 1.6, 0);
  await spaced.getByRole('radiogroup', { name: 'Column width' }).getByRole('radio', { name: 'Normal' }).check();
  expect(await px(spaced.locator('article.article'), 'maxWidth')).toBe(680);
});

test('dark themes dim photographs a little and put diagrams (PNG, SVG) on a light plate, with no shift', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/changes/dark-pictures.json&theme=light');
  const photo = page.locator('.figure-lead img');
  const diagram = page.locator('.article-body figure img');
  await diagram.scrollIntoViewIfNeeded();
  // Where each picture is on the page (not in the view: opening the panel may scroll).
  const boxes = async () => [await placeOnPage(photo), await placeOnPage(diagram)];
  const before = await boxes();
  expect(await style(photo, 'filter')).toBe('none');

  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await style(photo, 'filter')).toMatch(/^brightness\(0\.8\d*\)$/);
  expect(await style(diagram, 'filter')).toBe('none');
  expect(await style(diagram, 'backgroundColor')).toBe('rgb(244, 244, 245)');
  expect(await style(photo, 'backgroundColor')).not.toBe('rgb(244, 244, 245)');
  expect(await boxes()).toEqual(before);

  // Auto follows the system: dark there, the same treatment.
  await page.getByRole('radio', { name: 'Auto' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await style(photo, 'filter')).toMatch(/^brightness/);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await style(photo, 'filter')).toBe('none');
});

test('a picture with a version for dark themes (dark_src) shows it while the theme is dark, neither dimmed nor plated, in place; its own again after', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await open(page, '?src=/fixtures/changes/dark-version.json&theme=light');
  const chart = page.locator('.article-body figure img');
  await chart.scrollIntoViewIfNeeded();
  const shown = () => chart.evaluate((img) => img.currentSrc);
  const place = () => placeOnPage(chart);
  await expect.poll(shown).toMatch(/^https:\/\/charts\.example\/tides-(800|1600)\.png$/);
  const before = await place();

  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(shown).toBe('https://charts.example/tides-dark.png');
  expect(await style(chart, 'filter')).toBe('none');
  expect(await style(chart, 'backgroundColor')).toBe('rgba(0, 0, 0, 0)');
  expect(await place()).toEqual(before);

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(shown).toMatch(/^https:\/\/charts\.example\/tides-(800|1600)\.png$/);
  await expect(chart).toHaveAttribute('srcset', /tides-800\.png 800w/);

  // Auto follows the system's scheme, also when it changes while reading.
  await page.getByRole('radio', { name: 'Auto' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(shown).toBe('https://charts.example/tides-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(shown).toMatch(/tides-(800|1600)\.png$/);
  expect(await place()).toEqual(before);
  expectClean(seen);
});

test('in a dark theme from the start, a picture with a dark version is drawn with it: its light version is never requested', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  const charts = requestsFor(page, /charts\.example/);
  await page.addInitScript(() => localStorage.setItem('article-reader:settings', 'size=3&font=serif&theme=dark'));
  await open(page, '?src=/fixtures/changes/dark-version.json');
  const chart = page.locator('.article-body figure img');
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(() => chart.evaluate((img) => img.complete && img.currentSrc)).toBe('https://charts.example/tides-dark.png');
  expect(charts).toEqual(['https://charts.example/tides-dark.png']);
  // The picture viewer shows that version too (the document gives no larger dark one).
  await page.locator('.article-body .picture-open').click();
  await expect(page.locator('dialog .viewer-picture')).toHaveAttribute('src', 'https://charts.example/tides-dark.png');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  expect([...new Set(charts)]).toEqual(['https://charts.example/tides-dark.png']);
  // Its own version comes back when the theme turns light.
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => chart.evaluate((img) => img.currentSrc)).toMatch(/tides-(800|1600)\.png$/);
  expectClean(seen);
});

test('"Contents" lists the sections of an article with three headings or more, marks the one being read, and moves there with the focus', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await open(page, '?src=/fixtures/minimal.json');
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Contents' })).toHaveCount(0);

  await open(page, '?src=/fixtures/all-blocks.json');
  const toggle = page.getByRole('button', { name: 'Contents' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const firstParagraph = await page.locator('.article-body p').first().boundingBox();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('navigation', { name: 'Contents' });
  await expect(list.getByRole('button')).toHaveText(['A level-two heading', 'A level-three heading', 'A level-four heading']);
  // Opening it moved nothing.
  expect(await page.locator('.article-body p').first().boundingBox()).toEqual(firstParagraph);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await list.getByRole('button', { name: 'A level-three heading' }).click();
  const heading = page.locator('.article-body h3').first();
  await expect(heading).toBeFocused();
  expect(Math.abs((await heading.boundingBox()).y)).toBeLessThan(page.viewportSize().height / 3);
  await expect(list.getByRole('button', { name: 'A level-three heading' })).toHaveAttribute('aria-current', 'true');
  await expect(list.locator('[aria-current]')).toHaveCount(1);

  // One floating list at a time: opening the settings closes the contents, and the other way.
  const settings = page.getByRole('button', { name: 'Reading settings' });
  await settings.click();
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(settings).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Reading settings' })).toHaveCount(0);
  expectClean(seen);
});

test('keys move through the article while the focus is in it, and the host page keeps its own keys', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  await page.getByRole('button', { name: 'Contents' }).focus();
  const focusedBlock = () => page.evaluate(() => document.activeElement?.getAttribute('data-block'));
  await page.keyboard.press('j');
  await expect.poll(focusedBlock).toBe('0');
  await page.keyboard.press('j');
  await expect.poll(focusedBlock).toBe('1');
  await page.keyboard.press('k');
  await expect.poll(focusedBlock).toBe('0');
  await page.keyboard.press('h');
  await expect(page.locator('.article-body h2').first()).toBeFocused();
  await page.keyboard.press('h');
  await expect(page.locator('.article-body h3').first()).toBeFocused();
  await page.keyboard.press('Shift+H');
  await expect(page.locator('.article-body h2').first()).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: 'Reading settings' })).toHaveAttribute('aria-expanded', 'true');
  // The list of keys is in the panel.
  await page.getByText('Keyboard shortcuts').click();
  await expect(page.locator('.settings-keys dd')).toHaveText(['Next / previous part of the text', 'Next / previous heading', 'Listen from here', 'Reading settings', 'Contents']);
  expectClean(seen);
});

test('embed mode: a key typed on the host page is the host page\'s', async ({ page }) => {
  await page.goto('http://127.0.0.1:4301/test/plain.html');
  const reader = page.locator('article-reader#one');
  await expect(reader.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  await page.evaluate(() => {
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push({ key: e.key, prevented: e.defaultPrevented }));
  });
  await page.locator('#host-heading').click();
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  expect(await page.evaluate(() => window.__keys)).toEqual([{ key: 'j', prevented: false }, { key: 's', prevented: false }]);
  await expect(reader.getByRole('button', { name: 'Reading settings' })).toHaveAttribute('aria-expanded', 'false');
  expect(await reader.evaluate((el) => el.shadowRoot.activeElement)).toBe(null);
  // Inside the widget the same key is the reader's.
  await reader.getByRole('button', { name: 'Reading settings' }).focus();
  await page.keyboard.press('j');
  await expect.poll(() => reader.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('data-block'))).toBe('0');
});

test('"Listen from here" (the l key) starts at the part focused, and the view stays where reading stopped', async ({ page }) => {
  const seen = await watch(page);
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  await open(page, '?src=/fixtures/changes/long.json');
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
  const target = page.locator('.article-body p', { hasText: /^Paragraph 30\./ });
  await target.evaluate((p) => {
    p.tabIndex = -1;
    p.focus();
  });
  await page.keyboard.press('l');
  await expect.poll(() => spoken(page)).toEqual([await target.textContent()]);
  await expect(target).toHaveAttribute('aria-current', 'true');
  await page.evaluate(() => window.__speech.end());
  await expect.poll(async () => (await spoken(page)).length).toBe(2);
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
  expectClean(seen);
});

test('"Listen from here" with no part focused starts at the part at the top of the view', async ({ page }) => {
  const seen = await watch(page);
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  await open(page, '?src=/fixtures/changes/long.json');
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
  const target = page.locator('.article-body p', { hasText: /^Paragraph 20\./ });
  await target.evaluate((p) => window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top));
  // The focus in the reader, on no part of the text (and the view left where it is).
  await page.locator('article').first().evaluate((article) => {
    article.tabIndex = -1;
    article.focus({ preventScroll: true });
  });
  await page.keyboard.press('l');
  await expect.poll(() => spoken(page)).toEqual([await target.textContent()]);
  await expect(target).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Stop' }).click();
  expectClean(seen);
});

/** Selects `from`–`to` of the first text node of `selector`'s element in page mode, or inside
 * the shadow root of the element `host` (embed mode), as a reader's drag would. */
async function selectWords(page, selector, from, to, host = null) {
  await page.evaluate(({ selector, from, to, host }) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    const text = root.querySelector(selector).firstChild;
    getSelection().setBaseAndExtent(text, from, text, to);
  }, { selector, from, to, host });
}

test('selecting a passage offers "Share quote" and "Copy link to quote": the link goes to the words, the shared text says where they are from', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push({ ...data }); return Promise.resolve(); };
  });
  const seen = await watch(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  const share = page.locator('.share');
  await expect(share.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
  await expect(share.getByRole('button', { name: 'Copy link to quote' })).toHaveCount(0);

  // "A plain paragraph with <b>tags</b> that stay text.": "plain paragraph with" is selected.
  await selectWords(page, '.article-body p', 2, 22);
  await expect(share.locator('.share-quote q')).toHaveText('plain paragraph with');
  // No pop-up: the selection is as the reader made it.
  expect(await page.evaluate(() => getSelection().toString())).toBe('plain paragraph with');
  const link = 'https://news.example/2024/all-blocks#:~:text=plain%20paragraph%20with';
  await share.getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(share.getByRole('status')).toHaveText('Link to the quote copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await share.getByRole('button', { name: 'Share quote' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([{
    title: 'Every block of the format, in one article',
    text: '“plain paragraph with” — Every block of the format, in one article, The Example Gazette',
    url: link,
  }]);
  // A new selection in the article replaces the quote.
  await selectWords(page, '.article-body p', 26, 30);
  await expect(share.locator('.share-quote q')).toHaveText('tags');
  expectClean(seen);
});

test('embed mode under strict CSP: a passage selected inside the shadow root is offered too, in the UI language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4301' });
  const seen = await watch(page);
  await page.goto('http://127.0.0.1:4301/test/empty.html?quote');
  await page.waitForFunction(() => customElements.get('article-reader'));
  await page.evaluate(() => {
    const el = document.createElement('article-reader');
    el.id = 'quoted';
    el.setAttribute('ui-lang', 'fr');
    el.setAttribute('src', 'http://127.0.0.1:4303/fixtures/all-blocks.json');
    document.querySelector('main').append(el);
  });
  const reader = page.locator('article-reader#quoted');
  await expect(reader.getByRole('button', { name: 'Copier le lien', exact: true })).toBeVisible();
  await selectWords(page, '.article-body p', 2, 22, 'article-reader#quoted');
  await expect(reader.locator('.share-quote q')).toHaveText('plain paragraph with');
  await reader.getByRole('button', { name: 'Copier le lien vers la citation' }).click();
  await expect(reader.locator('.share-status')).toHaveText('Lien vers la citation copié');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://news.example/2024/all-blocks#:~:text=plain%20paragraph%20with');
  // Selecting the host page's own text takes the quote away.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'host-words';
    p.textContent = 'Words of the host page';
    document.querySelector('main').prepend(p);
    getSelection().setBaseAndExtent(p.firstChild, 0, p.firstChild, 5);
  });
  await expect(reader.locator('.share-quote')).toHaveCount(0);
  expectClean(seen);
});

// Data saver (item 4): the browser's saveData, or the reader's setting.
const saveDataOn = (page) => page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));

test('data saver: pictures after the lead wait as boxes of their size with "Show picture"; shown in place on request, all at once when turned off', async ({ page }) => {
  const seen = await watch(page);
  await saveDataOn(page);
  const pictures = requestsFor(page, /\.png\?(g\d|figure)/);
  await open(page, '?src=/fixtures/gallery.json');
  const lead = page.locator('.figure-lead img');
  await expect.poll(() => lead.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  const figure = page.locator('.article-body figure.figure');
  const picture = figure.locator('img');
  await picture.scrollIntoViewIfNeeded();
  // A box of the picture's shape (640 × 480 in the column), nothing requested.
  const [width, height] = await picture.evaluate((img) => [img.getBoundingClientRect().width, img.getBoundingClientRect().height]);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeCloseTo((width * 480) / 640, 0);
  await expect(picture).not.toHaveAttribute('src', /./);
  await expect(page.locator('.gallery img[src]')).toHaveCount(0);
  expect(pictures).toEqual([]);
  await expect(page.getByRole('button', { name: 'Show the pictures' })).toHaveCount(1);

  const before = await placeOnPage(picture);
  await figure.getByRole('button', { name: 'Show picture' }).click();
  await expect.poll(() => picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(pictures).toEqual([expect.stringContaining('body.png?figure')]);
  expect(await placeOnPage(picture)).toEqual(before);
  // The button is gone; the focus is on the picture's own control (it opens the viewer).
  await expect(figure.getByRole('button', { name: 'Show picture' })).toHaveCount(0);
  await expect(figure.locator('.picture-open')).toBeFocused();
  await expect(page.locator('.gallery img[src]')).toHaveCount(0);

  // The setting follows the browser until the reader chooses; turned off, every picture comes.
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const setting = page.getByRole('checkbox', { name: 'Load pictures only when I ask' });
  await expect(setting).toBeChecked();
  const gallery = page.locator('.gallery');
  const galleryPlace = await placeOnPage(gallery);
  await setting.uncheck();
  await expect(page.locator('.article img[data-src]')).toHaveCount(0);
  await expect(page.locator('.picture-show')).toHaveCount(0);
  expect(await placeOnPage(gallery)).toEqual(galleryPlace);
  // (The gallery's thumbnails load lazily, as they always do: when they come near the view.)
  await gallery.scrollIntoViewIfNeeded();
  await expect.poll(() => pictures.filter((u) => /\?g\d/.test(u)).length).toBeGreaterThan(0);

  // Remembered over the browser's hint: the next visit loads every picture.
  await page.reload();
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.article img[data-src]')).toHaveCount(0);
  expectClean(seen);
});

test('data saver chosen in the settings: remembered, in the UI language, axe clean, nothing requested before "Show picture"', async ({ page }) => {
  const seen = await watch(page);
  const pictures = requestsFor(page, /\.png\?(g\d|figure)/);
  await page.addInitScript(() => localStorage.setItem('article-reader:settings', 'size=3&font=serif&pictures=ask'));
  await open(page, '?src=/fixtures/gallery.json&ui-lang=fr');
  await expect(page.locator('.article-body figure.figure img')).toHaveAttribute('data-src', /body\.png\?figure/);
  await expect(page.getByRole('button', { name: 'Afficher l’image' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afficher les images' })).toBeVisible();
  await page.getByRole('button', { name: 'Réglages de lecture' }).click();
  await expect(page.getByRole('checkbox', { name: 'Ne charger les images qu’à ma demande' })).toBeChecked();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(pictures).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Afficher les images' }).click();
  await expect(page.locator('.gallery img[data-src]')).toHaveCount(0);
  await expect(page.locator('.article-body figure.figure img')).toHaveAttribute('data-src', /body\.png/);
  expectClean(seen);
});

// The legible font (item 1): its files only after it is chosen; offline once used.
/** The faces of the legible font in the page's font set that have loaded (`check()` would say
 * true for a family with no face at all). */
const legibleLoaded = (page) => page.evaluate(() => [...document.fonts]
  .filter((face) => face.family.replace(/"/g, '') === 'Article Reader Hyperlegible' && face.status === 'loaded')
  .map((face) => `${face.weight} ${face.style}`));
test('the legible font is requested only once chosen, draws the article, and is remembered', async ({ page }) => {
  const seen = await watch(page);
  const fonts = requestsFor(page, /\/fonts\//);
  await open(page, '?src=/fixtures/all-blocks.json');
  const paragraph = page.locator('.article-body p').first();
  expect(await style(paragraph, 'fontFamily')).not.toContain('Hyperlegible');
  await page.getByRole('button', { name: 'Reading settings' }).click();
  expect(fonts).toEqual([]);
  expect(await legibleLoaded(page)).toEqual([]);
  await page.getByRole('radio', { name: 'Extra legible (Atkinson Hyperlegible)' }).check();
  expect(await style(paragraph, 'fontFamily')).toMatch(/^"Article Reader Hyperlegible"/);
  await expect.poll(() => legibleLoaded(page)).toContain('400 normal');
  expect(fonts).toContain(new URL('fonts/atkinson-hyperlegible-latin-400-normal.woff2', page.url()).href);
  // Only the faces and subsets the text uses: never all eight files for a Latin article's first screen.
  expect(fonts.length).toBeLessThan(8);
  await page.reload();
  await expect(page.locator('.reader')).toHaveAttribute('data-font', 'legible');
  await expect.poll(() => legibleLoaded(page)).toContain('400 normal');
  expectClean(seen);
});

test('offline: the legible font, once used, is there with the server stopped (page mode, saved article)', async ({ page }) => {
  const server = await startServer(4407);
  const seen = await watch(page);
  const address = 'http://127.0.0.1:4407/index.html?src=/fixtures/all-blocks.json';
  try {
    await page.goto(address);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('radio', { name: 'Extra legible (Atkinson Hyperlegible)' }).check();
    await expect.poll(() => legibleLoaded(page)).toContain('400 normal');
    // The worker keeps it once fetched; the precache (the app shell) does not hold it.
    await expect.poll(() => page.evaluate(async () => (await (await caches.open('article-reader-fonts')).keys()).length)).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
  await expect(page.request.get(address)).rejects.toThrow();
  await page.goto(address);
  await expect(page.getByText('You are reading the copy saved on this device.')).toBeVisible();
  await expect(page.locator('.reader')).toHaveAttribute('data-font', 'legible');
  await expect.poll(() => legibleLoaded(page)).toContain('400 normal');
  expectClean(seen);
});
