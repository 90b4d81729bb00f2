// Spec §5 end to end: the UI in the reader's language, reading settings, reading time, Listen and
// print, in page mode and embed mode, on the release build.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { open, servePictures, watch, expectClean } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';

const table = (code) => JSON.parse(readFileSync(`ui/${code}.json`, 'utf8'));
const EN = table('en');
const HOST = 'http://127.0.0.1:4301';
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const before = (template) => template.split('{')[0].trim();

async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Words that appear on every one of these articles, with their English forms that must not.
const SHOWN = ['settings', 'listen', 'copy_link', 'related_stories', 'embedded_content', 'embed_note'];
const SHOWN_PREFIX = ['published', 'updated'];

for (const code of ['es', 'fr', 'pt', 'de', 'ar']) {
  test(`an article in ${code} shows the whole UI in ${code}, and none of it in English`, async ({ page }) => {
    const words = table(code);
    const seen = await watch(page);
    await servePictures(page);
    await open(page, `?src=/fixtures/lang/${code}.json`);
    const reader = page.locator('.reader');
    await expect(reader).toHaveAttribute('lang', code);
    await expect(reader).toHaveAttribute('dir', words.dir);
    await expect(page.getByRole('button', { name: words.settings, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: words.listen, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: words.copy_link, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: words.share_on.replace('{network}', 'X') })).toBeVisible();
    await expect(page.getByRole('link', { name: words.share_by_email })).toBeVisible();
    await expect(page.getByRole('group', { name: words.share_group })).toBeVisible();
    await expect(page.getByRole('heading', { name: words.related_stories })).toBeVisible();
    await expect(page.getByRole('navigation', { name: words.breadcrumb })).toBeVisible();
    await expect(page.getByRole('list', { name: words.tags })).toBeVisible();
    await expect(page.getByRole('button', { name: words.save })).toBeVisible();
    const text = await reader.innerText();
    for (const key of SHOWN) expect(text, key).toContain(words[key]);
    for (const key of SHOWN_PREFIX) expect(text, key).toContain(before(words[key]));
    expect(text).toContain(before(words.by));
    for (const key of [...SHOWN, 'save', 'share_group']) expect(text, `English ${key}`).not.toContain(EN[key]);
    for (const english of ['Published', 'Updated', 'min read', 'By ', 'comments', 'Related']) {
      expect(text, `English "${english}"`).not.toContain(english);
    }
    // Lists, plurals and numbers come from Intl in the article's language.
    const authors = await page.locator('.authors').innerText();
    const names = JSON.parse(readFileSync(`tests/fixtures/lang/${code}.json`, 'utf8')).authors.map((a) => a.name);
    const expected = await page.evaluate(([lang, list]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(list), [code, names]);
    expect(authors.replace(/\s+/g, ' ').trim()).toBe(words.by.replace('{names}', expected).replace(/\s+/g, ' ').trim());
    const comments = await page.evaluate(([lang]) => new Intl.PluralRules(lang).select(3), [code]);
    await expect(page.locator('.comments')).toHaveText(words.comments[comments].replace('{n}', await page.evaluate((l) => new Intl.NumberFormat(l).format(3), code)));
    // The page around the reader (page mode) speaks it too.
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('.app-name')).toHaveText(words.app_name);
    // No UI element needs its own lang: the UI is the article's language.
    expect(await page.locator('article [lang]').count()).toBe(0);
    expectClean(seen);
  });
}

test('ui-lang overrides the article language, and UI text then carries its own lang and dir', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/lang/es.json&ui-lang=ar');
  const ar = table('ar');
  await expect(page.locator('.reader')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('article')).toHaveAttribute('lang', 'es');
  await expect(page.locator('article')).toHaveAttribute('dir', 'ltr');
  for (const selector of ['.reader-tools', '.share', '.dates', '.authors', '.comments', '.related h2']) {
    await expect(page.locator(selector).first(), selector).toHaveAttribute('lang', 'ar');
  }
  await expect(page.locator('.reader-tools')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.share')).toHaveAttribute('dir', 'rtl');
  // Mirrored: in a right-to-left UI the first control sits to the right of the second.
  const [first, second] = await page.locator('.tools-bar button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
  expect(first).toBeGreaterThan(second);
  await expect(page.getByRole('button', { name: ar.settings })).toBeVisible();
  // Author names keep the article's language inside the Arabic "By".
  await expect(page.locator('.authors bdi').first()).toHaveAttribute('lang', 'es');
  expect(await axe(page)).toEqual([]);
});

test.describe('documents answered by the test itself', () => {
  // The page's service worker would fetch them past page.route.
  test.use({ serviceWorkers: 'block' });

test('an unsupported ui-lang falls back to the article language, and an unsupported article language to English', async ({ page }) => {
  await open(page, '?src=/fixtures/lang/de.json&ui-lang=xx');
  await expect(page.getByRole('button', { name: table('de').settings })).toBeVisible();
  await page.route((url) => url.pathname === '/fixtures/italian.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ version: '1', lang: 'it', headline: 'Il tram torna in centro', body: [{ type: 'paragraph', content: 'Testo.' }] }),
  }));
  await open(page, '?src=/fixtures/italian.json');
  await expect(page.getByRole('button', { name: EN.settings })).toBeVisible();
  await expect(page.locator('.reader-tools')).toHaveAttribute('lang', 'en');
});

});

test('errors speak the UI language: ui-lang in page mode, with the decoder detail marked as English', async ({ page }) => {
  await open(page, '?src=/faults/404/never.json&ui-lang=pt');
  const pt = table('pt');
  await expect(page.getByRole('alert')).toContainText(pt.error_title);
  await expect(page.getByRole('alert')).toContainText(pt.http_not_found.replace('{status}', '404'));
  await expect(page.getByRole('button', { name: pt.try_again })).toBeVisible();
  await open(page, '?src=/fixtures/invalid/missing-headline.json&ui-lang=fr');
  await expect(page.getByRole('alert')).toContainText(table('fr').invalid);
  await expect(page.locator('.reader-error-detail [lang=en]')).toContainText('headline');
});

test('embed mode: the article language, ui-lang, the host page language for errors, controls=""', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await page.goto(`${HOST}/test/languages.html`);
  const es = page.locator('article-reader#es');
  await expect(es.locator('article')).toHaveCount(1);
  await expect(es.getByRole('button', { name: table('es').settings })).toBeVisible();
  await expect(es.getByRole('button', { name: table('es').copy_link })).toBeVisible();
  const de = page.locator('article-reader#de-ui');
  await expect(de.getByRole('button', { name: table('de').settings })).toBeVisible();
  await expect(de.locator('.reader-tools')).toHaveAttribute('lang', 'de');
  await expect(de.locator('.reader')).toHaveAttribute('data-theme', 'dark');
  const bare = page.locator('article-reader#bare');
  await expect(bare.locator('article')).toHaveCount(1);
  await expect(bare.locator('.reader-tools')).toHaveCount(0);
  // No article to go by: the host page's language (fr).
  const missing = page.locator('article-reader#missing');
  await expect(missing.getByRole('alert')).toContainText(table('fr').error_title);
  await expect(missing.getByRole('button', { name: table('fr').try_again })).toBeVisible();
  expectClean(seen);
});

test('embed.js start failure speaks ui-lang, else the host page language', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  page.on('console', () => {});
  await page.goto(`${HOST}/test/languages.html`);
  await expect(page.locator('article-reader#es').getByRole('alert')).toContainText(table('fr').start_failed);
  await expect(page.locator('article-reader#de-ui').getByRole('alert')).toContainText(table('de').start_failed);
  await expect(page.locator('article-reader#de-ui').getByRole('button', { name: table('de').try_again })).toBeVisible();
});

test('changing reading settings keeps the article itself: the same nodes, a selection in the body, loaded pictures', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  await expect(page.locator('.figure-lead img')).toHaveJSProperty('complete', true);
  // Remember the nodes a reader is looking at and select a paragraph's text.
  await page.evaluate(() => {
    window.__kept = [...document.querySelectorAll('.article-body > *, .figure-lead img, .summary, .related-card')];
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.article-body p'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const selected = await page.evaluate(() => getSelection().toString());
  expect(selected.length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Reading settings' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('group', { name: 'Reading settings' });
  await panel.getByRole('button', { name: 'Larger text' }).press('Enter');
  await panel.getByRole('radio', { name: 'Dark' }).check();
  await panel.getByRole('radio', { name: 'Sans-serif' }).check();
  await expect(page.locator('.reader')).toHaveAttribute('data-theme', 'dark');
  // Every remembered node is still the one in the page (nothing was rebuilt), so the pictures
  // did not load again and the selection still holds the paragraph's text.
  expect(await page.evaluate(() => window.__kept.length)).toBeGreaterThan(10);
  expect(await page.evaluate(() => window.__kept.every((node) => node.isConnected))).toBe(true);
  expect(await page.evaluate(() => getSelection().toString())).toBe(selected);
});

test('reading settings: the panel, five text sizes, theme, font; remembered; no shift of what is read', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  const toggle = page.getByRole('button', { name: 'Reading settings' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('group', { name: 'Reading settings' });
  await expect(panel.getByRole('group', { name: 'Text size' })).toBeVisible();
  await expect(panel.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio')).toHaveCount(4);
  await expect(panel.getByRole('radio', { name: 'Auto' })).toBeChecked();
  await expect(panel.getByRole('radiogroup', { name: 'Font' }).getByRole('radio')).toHaveCount(3);
  // Opening the panel moved nothing in the article.
  const paragraph = page.locator('.article-body p').first();
  const size = () => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const base = await size();
  // The control in use stays put on screen while the text around it grows.
  await page.evaluate(() => window.scrollTo(0, 120));
  const at = async () => (await toggle.boundingBox()).y;
  const y = await at();
  const larger = panel.getByRole('button', { name: 'Larger text' });
  await larger.click();
  expect(await size()).toBeGreaterThan(base);
  expect(Math.abs((await at()) - y)).toBeLessThan(1.5);
  await larger.click();
  await expect(larger).toHaveAttribute('aria-disabled', 'true');
  const largest = await size();
  // At an end the button says so (aria-disabled, still focusable) and does nothing.
  await larger.click({ force: true });
  expect(await size()).toBe(largest);
  const smaller = panel.getByRole('button', { name: 'Smaller text' });
  for (let i = 0; i < 6; i++) await smaller.click({ force: true });
  await expect(smaller).toHaveAttribute('aria-disabled', 'true');
  const steps = new Set();
  for (let i = 0; i < 4; i++) {
    steps.add(await size());
    await larger.click();
  }
  steps.add(await size());
  expect(steps.size).toBe(5);
  // Theme and font apply at once.
  await panel.getByRole('radio', { name: 'Sepia' }).check();
  await expect(page.locator('.reader')).toHaveAttribute('data-theme', 'sepia');
  expect(await page.locator('.reader').evaluate((r) => getComputedStyle(r).backgroundColor)).toBe('rgb(244, 236, 216)');
  const family = () => paragraph.evaluate((p) => getComputedStyle(p).fontFamily);
  const serif = await family();
  await panel.getByRole('radio', { name: 'Sans-serif' }).check();
  expect(await family()).not.toBe(serif);
  // Keyboard: Escape closes the panel and focus returns to its button.
  await panel.getByRole('radio', { name: 'Sans-serif' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(toggle).toBeFocused();
  // Remembered under one key for the origin.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('article-reader')));
  expect(stored).toEqual(['article-reader:settings']);
  await page.reload();
  await expect(page.locator('.reader')).toHaveAttribute('data-theme', 'sepia');
  await expect(page.locator('.reader')).toHaveAttribute('data-font', 'sans');
  await expect(page.locator('.reader')).toHaveAttribute('data-text-size', '5');
});

test('the embedder theme is the default until the reader chooses; controls hides the tools', async ({ page }) => {
  await open(page, '?src=/fixtures/minimal.json&theme=dark');
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await open(page, '?src=/fixtures/minimal.json&controls=listen');
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reading settings' })).toHaveCount(0);
  await open(page, '?src=/fixtures/minimal.json&controls=');
  await expect(page.locator('.reader-tools')).toHaveCount(0);
});

test('forced colours and more contrast are respected', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, '?src=/fixtures/all-blocks.json');
  const border = await page.getByRole('button', { name: 'Reading settings' }).evaluate((b) => getComputedStyle(b).borderStyle);
  expect(border).toBe('solid');
  await page.emulateMedia({ forcedColors: 'none', contrast: 'more' });
  const [muted, fg] = await page.locator('.byline').evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b.closest('.reader')).color]);
  expect(muted).toBe(fg);
});

test.describe('reading time', () => {
  test.use({ serviceWorkers: 'block' });

test('reading time is a range from the language reading speed', async ({ page }) => {
  const words = Array.from({ length: 2250 }, (_, i) => `word${i}`).join(' ');
  await page.route((url) => url.pathname === '/fixtures/long.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ version: '1', lang: 'en', headline: 'Long', body: [{ type: 'paragraph', content: words }] }),
  }));
  await open(page, '?src=/fixtures/long.json');
  // 2,252 words at 250 to 200 words a minute.
  await expect(page.locator('.reading-time')).toHaveText('9–11 min read');
  await open(page, '?src=/fixtures/minimal.json');
  await expect(page.locator('.reading-time')).toHaveText('1 min read');
});
});

test('Listen reads headline then blocks in the article language, with Pause, Previous, Next, Stop and speed', async ({ page }) => {
  await installSpeechStub(page, [
    { lang: 'en-US', name: 'English', localService: true, default: true },
    { lang: 'es-ES', name: 'Español', localService: true, default: false },
  ]);
  await servePictures(page);
  await open(page, '?src=/fixtures/lang/es.json');
  const es = table('es');
  const listen = page.getByRole('button', { name: es.listen, exact: true });
  await listen.click();
  const bar = page.getByRole('group', { name: es.listening });
  const pause = bar.getByRole('button', { name: es.pause });
  await expect(pause).toBeFocused();
  const doc = JSON.parse(readFileSync('tests/fixtures/lang/es.json', 'utf8'));
  await expect.poll(() => spoken(page)).toEqual([doc.headline]);
  const first = await page.evaluate(() => window.__speech.log.utterances[0]);
  expect(first).toMatchObject({ lang: 'es', voice: 'es-ES', rate: 1 });
  await expect(page.locator('[aria-current="true"]')).toHaveText(doc.headline);
  // Each end moves on: summary, the lead caption, then the body's blocks in order.
  for (let i = 0; i < 5; i++) await page.evaluate(() => window.__speech.end());
  const order = await spoken(page);
  expect(order.slice(0, 2)).toEqual([doc.headline, doc.summary[0]]);
  expect(order[2]).toContain(doc.lead_image.caption);
  expect(order.slice(3)).toEqual([doc.body[0].content, doc.body[1].content, doc.body[2].content]);
  await expect(page.locator('[aria-current="true"]')).toHaveText(doc.body[2].content);
  await bar.getByRole('button', { name: es.next }).click();
  await expect(page.locator('[aria-current="true"]')).toHaveText(doc.body[3].items[0]);
  await bar.getByRole('button', { name: es.next }).click();
  await expect(page.locator('[aria-current="true"]')).toHaveText(doc.body[3].items[1]);
  await bar.getByRole('button', { name: es.previous }).click();
  await expect(page.locator('[aria-current="true"]')).toHaveText(doc.body[3].items[0]);
  await pause.click();
  await expect(bar.getByRole('button', { name: es.resume })).toBeVisible();
  expect(await page.evaluate(() => window.__speech.log.paused)).toBe(true);
  await bar.getByRole('button', { name: es.resume }).click();
  expect(await page.evaluate(() => window.__speech.log.paused)).toBe(false);
  await bar.getByRole('combobox', { name: es.speed }).selectOption('1.5');
  await expect.poll(() => page.evaluate(() => window.__speech.log.utterances.at(-1).rate)).toBe(1.5);
  expect(await axe(page), 'axe while listening').toEqual([]);
  // The share controls, the embed note and related cards are never read.
  for (let i = 0; i < 12; i++) await page.evaluate(() => window.__speech.end());
  const all = (await spoken(page)).join('\n');
  for (const word of [es.copy_link, es.embed_note, doc.related[0].headline, doc.tags[0]]) expect(all).not.toContain(word);
  // After the last block the bar goes and nothing stays marked.
  await expect(bar).toHaveCount(0);
  await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
  await listen.click();
  await page.getByRole('button', { name: es.stop }).click();
  await expect(listen).toBeFocused();
  await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
});

test('Listen stops when the page is hidden, and is absent without speechSynthesis', async ({ page }) => {
  await installSpeechStub(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  await page.getByRole('button', { name: 'Listen' }).click();
  await expect(page.locator('[aria-current="true"]')).toHaveCount(1);
  const cancels = await page.evaluate(() => window.__speech.log.cancels);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.__speech.log.cancels)).toBeGreaterThan(cancels);
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();

  const bare = await page.context().newPage();
  await bare.addInitScript(() => {
    delete window.speechSynthesis;
    delete window.SpeechSynthesisUtterance;
  });
  await open(bare, '?src=/fixtures/all-blocks.json');
  await expect(bare.getByRole('button', { name: 'Reading settings' })).toBeVisible();
  await expect(bare.getByRole('button', { name: 'Listen' })).toHaveCount(0);
});

test('Listen stops when its element is removed from the host page', async ({ page }) => {
  await installSpeechStub(page);
  await page.goto(`${HOST}/test/languages.html`);
  const es = page.locator('article-reader#es');
  await es.getByRole('button', { name: table('es').listen }).click();
  await expect(es.locator('[aria-current="true"]')).toHaveCount(1);
  const cancels = await page.evaluate(() => window.__speech.log.cancels);
  await page.evaluate(() => document.getElementById('es').remove());
  await expect.poll(() => page.evaluate(() => window.__speech.log.cancels)).toBeGreaterThan(cancels);
});

test('a failing voice stops reading with a message', async ({ page }) => {
  await installSpeechStub(page);
  await open(page, '?src=/fixtures/minimal.json');
  await page.getByRole('button', { name: 'Listen' }).click();
  // The voice fails once it has been given something to say (Listen's module comes on the click).
  await expect.poll(() => spoken(page)).not.toEqual([]);
  await page.evaluate(() => window.__speech.fail());
  await expect(page.getByRole('status').filter({ hasText: EN.listen_failed })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
});

test('print shows the article alone, with link addresses', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/lang/fr.json');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.reader-tools', '.share', '.offline-controls', '.app-bar', '.related']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  const after = await page.locator('.breadcrumb a').first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://news.example/fr/');
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe: no WCAG A/AA violation with the settings panel open (${theme})`, async ({ page }) => {
    await servePictures(page);
    await open(page, `?src=/fixtures/all-blocks.json&theme=${theme}`);
    await page.getByRole('button', { name: 'Reading settings' }).click();
    expect(await axe(page)).toEqual([]);
  });
}

test('axe: an Arabic article in an Arabic UI, panel open', async ({ page }) => {
  await servePictures(page);
  await open(page, '?src=/fixtures/lang/ar.json');
  await page.getByRole('button', { name: table('ar').settings }).click();
  expect(await axe(page)).toEqual([]);
});
