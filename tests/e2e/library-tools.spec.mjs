// The reader's library, its tools (issue "The reader's library"): how far each saved article was
// read, searching the saved articles offline (accents folded) and opening one at the passage
// found, "Download" as a self-contained web page and as Markdown, the backup and its restore
// (merging; a file that is not a backup, a cut-off one and a newer one change nothing), and the
// saved list's word on storage the browser may evict. Real local servers, stopped for the
// offline parts.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watch, expectClean, open, startServer, waitForServiceWorker } from './helpers.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const imageLoaded = (locator) => locator.evaluate((img) => img.complete && img.naturalWidth > 0);

/** "Save for offline", in whatever language the article's UI speaks. */
async function save(page) {
  await page.locator('.save-button').click();
  await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
}

/** Scrolls the window so that `locator` is at the top of the view. */
const scrollToTop = (locator) => locator.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top));

test('the saved list shows how far each article was read and finds one by a word of its body, offline, opening it at that passage', async ({ page }) => {
  const server = await startServer(4404);
  const seen = await watch(page);
  const base = 'http://127.0.0.1:4404/';
  try {
    await page.goto(`${base}index.html?src=/fixtures/changes/long.json`);
    await waitForServiceWorker(page);
    await save(page);
    await scrollToTop(page.locator('.article-body p', { hasText: /^Paragraph 30\./ }));
    await page.goto(`${base}index.html?src=/fixtures/changes/long-fr.json`);
    await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
    await save(page);
    // Read to the end, then leave.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.goto(`${base}index.html#saved`);
    await expect(page.locator('.saved-item')).toHaveCount(2);
  } finally {
    await server.stop();
  }
  await expect(page.request.get(`${base}index.html`)).rejects.toThrow();

  await page.goto(`${base}index.html#saved`);
  const english = page.locator('.saved-item').filter({ hasText: 'The long count' });
  const french = page.locator('.saved-item').filter({ hasText: 'La longue nuit du dépouillement' });
  await expect(english.locator('.saved-progress')).toHaveText(/^[1-9]\d% read$/);
  await expect(french.locator('.saved-progress')).toHaveText('Finished');

  const field = page.getByRole('searchbox', { name: 'Search saved articles' });
  // Without accents, then with them: the same passage, the words marked as written.
  for (const query of ['resultats teheran', 'Résultats Téhéran']) {
    await field.fill(query);
    await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText('1 article found');
    await expect(page.locator('.saved-item')).toHaveCount(1);
    await expect(french.locator('.saved-snippet mark')).toHaveText(['résultats', 'Téhéran']);
  }
  await field.fill('teheran ballots');
  await expect(page.locator('.saved-search-status')).toHaveText('No saved article has all these words.');
  await expect(page.locator('.saved-item')).toHaveCount(0);
  await field.fill('sao paulo');
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await french.getByRole('link').click();
  await expect(page).toHaveURL(/[?&]at=30(&|$)/);
  const passage = page.locator('.article-body [data-block="30"]');
  await expect(passage).toBeFocused();
  await expect.poll(() => passage.evaluate((p) => Math.abs(p.getBoundingClientRect().top))).toBeLessThan(2);
  // (The article's UI speaks French: the saved-copy note is in French.)
  await expect(page.locator('.offline-note')).toHaveText('Vous lisez la copie enregistrée sur cet appareil.');
  expectClean(seen);
});

test('"Download as a web page" gives one file that shows the article with no script and no network; Markdown too', async ({ page, browser }, testInfo) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a web page' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('every-block-of-the-format-in-one-article.html');
  const file = testInfo.outputPath('exported.html');
  await download.saveAs(file);
  const html = readFileSync(file, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).toContain('<style>');

  // A fresh context, JavaScript off, every request but the file itself refused and counted.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const requested = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    requested.push(route.request().url());
    return route.abort();
  });
  const offline = await context.newPage();
  await offline.goto(`file://${file}`);
  await expect(offline.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(offline.locator('.article-body')).toContainText('A plain paragraph with <b>tags</b>');
  const pictures = offline.locator('img');
  expect(await pictures.count()).toBeGreaterThan(2);
  for (const img of await pictures.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute('src')).toMatch(/^data:image\//);
  }
  // Styled by the reader's own stylesheet (its measure), links intact.
  expect(await offline.locator('.article-body').evaluate((b) => parseFloat(getComputedStyle(b).maxWidth) || b.getBoundingClientRect().width)).toBeLessThan(900);
  expect(await offline.locator('.article-body a[href^="http"]').count()).toBeGreaterThan(0);
  expect(requested).toEqual([]);
  await context.close();

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Markdown' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toBe('every-block-of-the-format-in-one-article.md');
  const md = readFileSync(await markdown.path(), 'utf8');
  expect(md.startsWith('# Every block of the format, in one article\n')).toBe(true);
  expectClean(seen);
});

test('a backup survives clearing the site data: restored whole, pictures too, offline; bad files change nothing', async ({ page }, testInfo) => {
  const server = await startServer(4405);
  const seen = await watch(page);
  const base = 'http://127.0.0.1:4405/';
  const items = page.locator('.saved-item');
  const message = page.locator('.saved-backup .offline-status');
  const restore = (name, buffer) => page.locator('.saved-backup input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer });
  let backup;
  try {
    await page.goto(`${base}index.html?src=/fixtures/all-blocks.json`);
    await waitForServiceWorker(page);
    await save(page);
    await page.goto(`${base}index.html?src=/fixtures/changes/long-fr.json`);
    await save(page);
    await page.goto(`${base}index.html#saved`);
    await expect(items).toHaveCount(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^article-reader-backup-\d{4}-\d\d-\d\d\.json$/);
    await expect(message).toHaveText('A backup of 2 articles was downloaded.');
    backup = readFileSync(await download.path());

    // Bad files, with the library there: a message each, nothing lost.
    const text = backup.toString('utf8');
    await restore('notes.json', Buffer.from('{"hello":"world"}'));
    await expect(message).toHaveText('This file is not a backup of saved articles. Nothing was changed.');
    await restore('cut.json', Buffer.from(text.slice(0, Math.floor(text.length / 2))));
    await expect(message).toHaveText('This backup is damaged or incomplete, so none of it was restored. Nothing was changed.');
    await restore('newer.json', Buffer.from(text.replace('"version":1,', '"version":2,')));
    await expect(message).toHaveText(/^This backup was made by a newer version of the reader\./);
    await expect(items).toHaveCount(2);

    // Clear site data: the saved articles, positions and the service worker go.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: base.slice(0, -1), storageTypes: 'cache_storage,local_storage,service_workers' });
    await page.reload();
    await waitForServiceWorker(page);
    await expect(page.locator('.saved-empty')).toBeVisible();

    await restore(testInfo.title.slice(0, 8) + '.json', backup);
    await expect(message).toHaveText('2 articles restored.');
    await expect(items).toHaveCount(2);
    // Again: the copies here are as recent, and are kept.
    await restore('again.json', backup);
    await expect(message).toHaveText('0 articles restored. 2 articles saved here more recently were kept as they are.');
  } finally {
    await server.stop();
  }
  await expect(page.request.get(`${base}index.html`)).rejects.toThrow();

  await page.goto(`${base}index.html?src=/fixtures/all-blocks.json`);
  await expect(page.getByText('You are reading the copy saved on this device.')).toBeVisible();
  await expect.poll(() => imageLoaded(page.locator('.figure-lead img'))).toBe(true);
  const bodyImage = page.locator('.article-body figure img').first();
  await bodyImage.scrollIntoViewIfNeeded();
  await expect.poll(() => imageLoaded(bodyImage)).toBe(true);
  await page.goto(`${base}index.html?src=/fixtures/changes/long-fr.json`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La longue nuit du dépouillement');
  expectClean(seen);
});

test('where the browser may evict saved articles, the saved list says so and offers the backup, in the UI language', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.storage.persisted = () => Promise.resolve(false);
  });
  await open(page, '?src=/fixtures/minimal.json&ui-lang=fr');
  await page.getByRole('button', { name: 'Enregistrer pour lire hors ligne' }).click();
  await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
  await page.goto('index.html?ui-lang=fr#saved');
  await expect(page.locator('.saved-storage')).toHaveText(/^Ce navigateur peut supprimer les articles enregistrés .* Téléchargez une sauvegarde pour les garder\.$/);
  await expect(page.getByRole('button', { name: 'Télécharger une sauvegarde' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Rechercher dans les articles enregistrés' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('where the browser keeps saved articles, the saved list does not warn', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.storage.persisted = () => Promise.resolve(true);
  });
  await open(page, '?src=/fixtures/minimal.json');
  await save(page);
  await page.goto('index.html#saved');
  await expect(page.locator('.saved-item')).not.toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download a backup' })).toBeVisible();
  await expect(page.locator('.saved-storage')).toHaveCount(0);
});
