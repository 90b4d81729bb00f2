// Publishers' formats (spec §4) end to end: a document of each system, given by ?src= with no
// other parameter, renders its headline, byline, dates and lead image with its credit.
import { test, expect } from '@playwright/test';
import { watch, expectClean, servePictures, mountReader } from './helpers.mjs';

const cases = [
  ['wordpress-post.json', 'Café owners cheer as the bridge opens – at last', "Sam O'Neil", 'Ana Ruiz / Riverside News', 'en-GB'],
  ['jsonfeed.json', 'Harbour wall repairs finish early', 'Priya Nair', null, 'en-US'],
  ['jsonld-graph.json', 'Rail link to the valley gets its funding', 'Eva Moser', 'Valley Times / M. Gruber', 'de-AT'],
  ['ans-story.json', 'Las defensas contra inundaciones resisten la tormenta', 'Lucía Gómez', 'Pablo Ruiz, Agencia Río', 'es'],
  ['ghost-posts.json', 'Notes from the allotment: the first tomatoes', 'Jo Lind', null, 'en'],
  ['apple-news.json', 'Le marché de nuit revient', 'Claire Dubois', null, 'fr'],
];

for (const [file, headline, author, credit, lang] of cases) {
  test(`a ${file.split(/[-.]/)[0]} document renders with no other parameter`, async ({ page }) => {
    const seen = await watch(page);
    await servePictures(page);
    await page.goto(`index.html?src=/fixtures/formats/${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expect(page.locator('article')).toHaveAttribute('lang', lang);
    await expect(page.locator('.authors')).toContainText(author);
    await expect(page.locator('.article-body > *').first()).toBeVisible();
    if (credit) await expect(page.locator('.figure-lead .credit')).toHaveText(credit);
    await expect(page.locator('.article-body script, .article-body iframe, [style], [onerror], [onclick]')).toHaveCount(0);
    expectClean(seen);
  });
}

test('a JSON Feed item is picked by #item=, and a feed without items says so', async ({ page }) => {
  await page.goto('index.html?src=/fixtures/formats/jsonfeed.json#item=2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry timetable changes');
  await page.goto('index.html?src=/fixtures/formats/jsonfeed.json&item=nope');
  await expect(page.getByRole('alert')).toContainText('items: no item with the id "nope"');
});

test('JSON that is no article says what was found', async ({ page }) => {
  await page.goto('index.html?src=/fixtures/formats/jsonld-organization.json');
  await expect(page.getByRole('alert')).toContainText('JSON-LD without an Article (found: Organization)');
});

test('an element re-renders when its item attribute changes', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  await page.goto('http://127.0.0.1:4301/');
  const el = await mountReader(page, 'feed', 'http://127.0.0.1:4303/fixtures/formats/jsonfeed.json');
  await expect(el.getByRole('heading', { level: 1 })).toHaveText('Harbour wall repairs finish early');
  await page.evaluate(() => document.getElementById('feed').setAttribute('item', '2'));
  await expect(el.getByRole('heading', { level: 1 })).toHaveText('Ferry timetable changes');
  expectClean(seen);
});
