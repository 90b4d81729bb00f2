// The text elements of §7 — tables, code, boxes, details, notes, corrections, footnotes, nested
// lists — as a reader meets them: in page mode and in an element under the host's strict CSP,
// at 320 px, in print, with Listen, with the keyboard, and under axe in every theme and in Arabic.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watch, open, expectClean, mountReader } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';

const RICH = '?src=/fixtures/rich-text.json';
const doc = JSON.parse(readFileSync('tests/fixtures/rich-text.json', 'utf8'));
const words = (code) => JSON.parse(readFileSync(`ui/${code}.json`, 'utf8'));
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('every text element renders as §7 says, from format v1', async ({ page }) => {
  const seen = await watch(page);
  await open(page, RICH);
  const article = page.locator('article');
  const table = article.getByRole('region', { name: 'Turnout by region' });
  await expect(table).toHaveAttribute('tabindex', '0');
  await expect(table.getByRole('columnheader')).toHaveText(['Region', 'Turnout', 'Votes cast', 'Change']);
  await expect(table.getByRole('rowheader')).toHaveText(['North', 'South', 'Islands', 'All']);
  await expect(table.locator('tfoot td')).toHaveText(['60%', '22,279', '+3']);
  await expect(table.locator('td[colspan="3"]')).toHaveText('not yet counted');

  const box = article.getByRole('complementary', { name: 'Key points' });
  await expect(box.locator(':scope > ul > li')).toHaveCount(2);
  await expect(box.locator('ul > li ol > li')).toHaveText(['North', 'South']);

  const code = article.getByRole('region', { name: 'How the turnout was worked out' });
  expect(await code.locator('code').textContent()).toBe(doc.body[3].content);
  await expect(article.getByRole('button', { name: 'Copy code' })).toBeVisible();

  const details = article.locator('details');
  await expect(details.locator('p')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('p')).toBeVisible();

  await expect(article.locator('.note-update .note-label')).toContainText('Update');
  const corrections = article.getByRole('region', { name: 'Corrections and updates' });
  await expect(corrections).toContainText('Correction');
  await expect(corrections).toContainText(doc.corrections[0].content);
  // After the header, before the body.
  expect(await page.evaluate(() => {
    const c = document.querySelector('.corrections');
    return c.previousElementSibling.matches('header') && c.nextElementSibling.matches('.figure-lead, .article-body');
  })).toBe(true);
  await expect(article.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(article.locator('.footnotes li')).toHaveText([/^Electoral commission/, /^The audit/]);
  expectClean(seen);
});

test('a wide table and a long code line scroll inside their own region at 320 px, never the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, RICH);
  const overflow = await page.evaluate(() => {
    const region = (sel) => { const el = document.querySelector(sel); return el.scrollWidth > el.clientWidth; };
    return {
      page: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
      table: region('.table-scroll'),
      code: region('.code-scroll'),
    };
  });
  expect(overflow).toEqual({ page: false, table: true, code: true });
  // The keyboard scrolls the focused region.
  const table = page.locator('.table-scroll');
  await table.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('footnote links move focus to the note and back without touching the address', async ({ page }) => {
  await open(page, RICH);
  const before = page.url();
  const ref = page.getByRole('link', { name: 'Note 1' });
  await ref.click();
  const note = page.locator('.footnotes li').first();
  await expect(note).toBeFocused();
  await expect(note).toBeInViewport();
  await note.getByRole('link', { name: 'Back to text' }).press('Enter');
  await expect(ref).toBeFocused();
  expect(page.url()).toBe(before);
});

test('footnotes work in an element under the strict CSP, and never navigate the host page', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('http://127.0.0.1:4301/');
  const before = page.url();
  const el = await mountReader(page, 'rich', 'http://127.0.0.1:4303/fixtures/rich-text.json');
  await el.getByRole('link', { name: 'Note 2' }).click();
  const note = el.locator('.footnotes li').nth(1);
  await expect(note).toBeFocused();
  await note.getByRole('link', { name: 'Back to text' }).click();
  await expect(el.getByRole('link', { name: 'Note 2' })).toBeFocused();
  expect(page.url()).toBe(before);
  // Ids are the widget's own: two widgets of the same article share none.
  await mountReader(page, 'rich2', 'http://127.0.0.1:4303/fixtures/rich-text.json');
  await expect(page.locator('article-reader#rich2 .footnotes li')).toHaveCount(2);
  const ids = await page.evaluate(() => ['rich', 'rich2'].map((id) =>
    [...document.getElementById(id).shadowRoot.querySelectorAll('[id]')].map((n) => n.id)));
  expect(ids[0].filter((id) => ids[1].includes(id))).toEqual([]);
  expectClean(seen);
});

test('Copy code copies the code exactly and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, RICH);
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.locator('.code-status')).toHaveText('Code copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(doc.body[3].content);
});

test('print shows tables and code whole, details open, notes printed, no controls', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 800 });
  await open(page, RICH);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const fits = (sel) => { const el = document.querySelector(sel); return el.scrollWidth <= el.clientWidth + 1; };
    const shown = (sel) => { const el = document.querySelector(sel); return el.getBoundingClientRect().height > 0; };
    return {
      table: fits('.table-scroll'),
      code: fits('.code-scroll'),
      details: shown('details p'),
      notes: shown('.footnotes li'),
      copy: shown('.code-copy'),
    };
  });
  expect(printed).toEqual({ table: true, code: true, details: true, notes: true, copy: false });
});

test('Listen reads a table row by row with its headers, skips code, and reads the notes at the end', async ({ page }) => {
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  await open(page, RICH);
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => spoken(page)).toEqual([doc.headline]);
  for (let i = 0; i < 30; i++) await page.evaluate(() => window.__speech.end());
  const all = await spoken(page);
  const at = (text) => all.findIndex((t) => t.includes(text));
  expect(all).toContain('Table: Turnout by region');
  expect(all).toContain('Region: North; Turnout: 61%; Votes cast: 12,402; Change: +4');
  expect(all).toContain('Code sample, skipped.');
  expect(all.some((t) => t.includes('def turnout')), 'the code itself is not read').toBe(false);
  expect(at('Key points')).toBeGreaterThan(at('Region: All'));
  expect(all.find((t) => t.startsWith('Turnout was the highest'))).toBe('Turnout was the highest since 1994, and every region counted within a day.');
  expect(at('Electoral commission, final results')).toBeGreaterThan(at('audited figures'));
  expect(at(doc.corrections[0].content)).toBeLessThan(at('Turnout was the highest'));
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe finds no WCAG A/AA violation in the text elements (${theme})`, async ({ page }) => {
    await open(page, `${RICH}&theme=${theme}`);
    await page.locator('details summary').click();
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('in Arabic the elements read right to left, in Arabic words, and axe finds nothing', async ({ page }) => {
  await open(page, '?src=/fixtures/rich-text-ar.json');
  const ar = words('ar');
  const article = page.locator('article');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article.getByRole('complementary', { name: ar.key_points })).toBeVisible();
  await expect(article.getByRole('region', { name: ar.corrections })).toBeVisible();
  await expect(article.getByRole('button', { name: ar.copy_code })).toBeVisible();
  await expect(article.getByRole('heading', { name: ar.notes })).toBeVisible();
  // The table's first column is on the right; code stays left to right.
  const sides = await page.evaluate(() => {
    const [first, second] = document.querySelectorAll('thead th');
    return { mirrored: first.getBoundingClientRect().left > second.getBoundingClientRect().left,
      code: getComputedStyle(document.querySelector('pre')).direction };
  });
  expect(sides).toEqual({ mirrored: true, code: 'ltr' });
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the new words exist in all six UI languages and are used', async ({ page }) => {
  for (const code of ['en', 'es', 'fr', 'pt', 'de', 'ar']) {
    const w = words(code);
    await open(page, `${RICH}&ui-lang=${code}`);
    const article = page.locator('article');
    await expect(article.getByRole('complementary', { name: w.key_points })).toBeVisible();
    await expect(article.getByRole('button', { name: w.copy_code })).toBeVisible();
    await expect(article.getByRole('heading', { name: w.notes })).toBeVisible();
    await expect(article.locator('.note-update .note-label strong')).toHaveText(w.update_note);
    await expect(article.getByRole('link', { name: w.note_ref.replace('{n}', '1') })).toBeVisible();
  }
});
