// The text elements of §7 as publishers' systems write them — WordPress core blocks, the same
// HTML inside a JSON Feed and a JSON-LD page, Ghost's cards, ANS elements, Apple News
// components — rendered in page mode and in an element under the host's strict CSP and Trusted
// Types, with axe in light, dark and sepia.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, expectClean, mountReader } from './helpers.mjs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const HEADLINE = 'The count, region by region';
const CODE = 'for region in results:\n    print(region.name, region.turnout)';

// What each document holds, as a reader finds it.
const cases = {
  'wordpress-rich.json': { table: 'Turnout by region', rowheaders: ['North', 'South'], code: true, details: 'How we counted', box: 'Polls closed at 10 pm.', nested: ['North', 'South'], notes: 1 },
  'jsonfeed-rich.json': { table: 'Turnout by region', rowheaders: ['North', 'South'], code: true, details: 'How we counted', box: 'Polls closed at 10 pm.', nested: ['North', 'South'], notes: 1 },
  'jsonld-rich.json': { table: 'Turnout by region', rowheaders: ['North', 'South'], code: true, details: 'How we counted', box: 'Polls closed at 10 pm.', nested: ['North', 'South'], notes: 1 },
  'ghost-rich.json': { code: true, caption: 'Reading the results', details: 'How we counted', box: 'Polls closed at 10 pm.', callout: true },
  'ans-rich.json': { table: 'Table', code: true, box: 'How counting works', correction: "An earlier version gave the South's turnout as 85%." },
  'apple-rich.json': { table: 'Table', rowheaders: ['North', 'South'], tables: 2, box: 'Polls closed at 10 pm.' },
};

async function expectElements(root, c) {
  const article = root.locator('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  if (c.table) {
    const tables = article.locator('.table-scroll[role="region"][tabindex="0"]');
    await expect(tables).toHaveCount(c.tables ?? 1);
    const table = article.getByRole('region', { name: c.table }).first();
    await expect(table.getByRole('columnheader').first()).toHaveText('Region');
    await expect(table.locator('td').first()).toHaveText(c.rowheaders ? '61%' : 'North');
    if (c.rowheaders) await expect(table.getByRole('rowheader')).toHaveText(c.rowheaders);
  }
  if (c.code) {
    expect(await article.locator('pre code').textContent()).toBe(CODE);
    await expect(article.getByRole('button', { name: 'Copy code' })).toBeVisible();
    if (c.caption) await expect(article.locator('pre').locator('xpath=ancestor::figure[1]')).toContainText(c.caption);
  }
  if (c.details) {
    const details = article.locator('details');
    await expect(details.locator('summary')).toHaveText(c.details);
    await expect(details.locator('p')).toBeHidden();
    await details.locator('summary').click();
    await expect(details.locator('p')).toBeVisible();
  }
  if (c.box) await expect(article.locator('aside')).toContainText(c.box);
  if (c.callout) await expect(article.getByRole('complementary', { name: /./ })).toHaveCount(1);
  if (c.nested) await expect(article.locator('.article-body ul > li ul > li')).toHaveText(c.nested);
  if (c.notes) {
    await expect(article.locator('.footnotes li')).toHaveCount(c.notes);
    await expect(article.getByRole('link', { name: 'Note 1' })).toBeVisible();
  }
  if (c.correction) {
    const corrections = article.getByRole('region', { name: 'Corrections and updates' });
    await expect(corrections).toContainText(c.correction);
  }
  // Nothing of the publisher's markup or controls comes through.
  await expect(article.locator('script, iframe, svg, [style], [onclick], [class^="kg-"], [class^="wp-block"]')).toHaveCount(0);
  await expect(article.getByRole('button', { name: 'Expand' })).toHaveCount(0);
}

for (const [file, c] of Object.entries(cases)) {
  test(`${file}: the text elements render in page mode`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`index.html?src=/fixtures/formats/${file}`);
    await expectElements(page, c);
    expectClean(seen);
  });
}

test('the same documents render in elements under the strict CSP and Trusted Types', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${HOST}/`);
  for (const [i, [file, c]] of Object.entries(cases).entries()) {
    await expectElements(await mountReader(page, `rich-${i}`, `${API}/fixtures/formats/${file}`), c);
  }
  expectClean(seen);
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe finds no WCAG A/AA violation in the formats' text elements (${theme})`, async ({ page }) => {
    for (const file of ['wordpress-rich.json', 'ghost-rich.json', 'ans-rich.json', 'apple-rich.json']) {
      await page.goto(`index.html?src=/fixtures/formats/${file}&theme=${theme}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
      // Opened, so that axe sees what a reader who opens it sees.
      if (await page.locator('details summary').count()) await page.locator('details summary').click();
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(results.violations.map((v) => `${file}: ${v.id}`)).toEqual([]);
    }
  });
}

test('a live blog shows its updates newest first, each with its date and time', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('index.html?src=/fixtures/formats/jsonld-live.json');
  const updates = page.locator('.note-update');
  await expect(updates.locator('.note-text')).toHaveText(['North declares.', 'First result', 'Polls close']);
  await expect(updates.locator('time').first()).toHaveAttribute('datetime', /T/);
  for (const time of await updates.locator('time').allTextContents()) expect(time).toMatch(/\d{1,2}:\d{2}/);
  await expect(page.locator('.article-body > p').first()).toHaveText('Turnout 61%.');
  expectClean(seen);
});
