// The reader's library (issue "The reader's library"): a saved article that the publisher changes
// under the same address says what changed since it was saved — counts, pinned corrections, the
// changed and added blocks marked with words — and the saved list marks it; a document changed
// back says nothing. The document is served by the test server, which switches it (PUT).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, expectClean, open, startServer, waitForServiceWorker } from './helpers.mjs';

// Each test its own address: tests run side by side against the one server.
const serveAt = (DOC) => (page, fixture) => page.request.put(`${DOC}?from=/fixtures/changes/${fixture}`).then((r) => expect(r.status()).toBe(204));

test('a saved article changed by its publisher says what changed, marks it, and the saved list says so', async ({ page }) => {
  const DOC = '/versioned/count-en.json';
  const serve = serveAt(DOC);
  const seen = await watch(page);
  await serve(page, 'saved.json');
  await open(page, `?src=${DOC}`);
  const save = page.getByRole('button', { name: 'Save for offline' });
  await save.click();
  await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.saved-update')).toHaveCount(0);

  // The publisher corrects a figure, adds a paragraph and a correction.
  await serve(page, 'updated.json');
  await page.reload();
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  const notice = page.locator('.saved-update');
  await expect(notice.locator('p')).toHaveText(/^Updated since you saved it on .*\d{4}: 1 part changed, 1 part added,? and 1 new correction\.$/);
  await expect(notice.getByRole('listitem')).toHaveText(['An earlier version of this article gave the turnout as 61 per cent.']);
  const body = page.locator('.article-body');
  await expect(body.locator('[data-change]')).toHaveCount(2);
  await expect(body.locator('[data-block="1"]')).toHaveAttribute('data-change', 'changed');
  await expect(body.locator('[data-block="3"]')).toHaveAttribute('data-change', 'added');
  // The mark is a word a screen reader reads too, not a colour alone.
  expect(await body.locator('[data-block="1"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Changed"');
  expect(await body.locator('[data-block="3"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"New"');
  await expect(body.locator('[data-block="0"]')).not.toHaveAttribute('data-change');

  // Opened again, it is still compared with the version the reader saved.
  await page.reload();
  await expect(notice.locator('p')).toHaveText(/1 part changed, 1 part added,? and 1 new correction\.$/);

  await page.goto('index.html#saved');
  await expect(page.locator('.saved-item').filter({ hasText: 'The count goes on' }).locator('.saved-updated')).toHaveText('Updated since saved');

  // Changed back to what was saved: nothing to say, and the list's mark goes.
  await serve(page, 'saved.json');
  await open(page, `?src=${DOC}`);
  await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.saved-update')).toHaveCount(0);
  await expect(body.locator('[data-change]')).toHaveCount(0);
  // (The kept version is let go by a write to the Cache API after the comparison: the list is
  // looked at again until that write has landed.)
  await expect(async () => {
    await page.goto('index.html#saved');
    await expect(page.locator('.saved-item').filter({ hasText: 'The count goes on' })).toHaveCount(1);
    await expect(page.locator('.saved-updated')).toHaveCount(0, { timeout: 1000 });
  }).toPass();
  expectClean(seen);
});

test('the notice and the marks speak the UI language, and axe finds nothing', async ({ page }) => {
  const DOC = '/versioned/count-fr.json';
  const serve = serveAt(DOC);
  await serve(page, 'saved.json');
  await open(page, `?src=${DOC}&ui-lang=fr`);
  await page.getByRole('button', { name: 'Enregistrer pour lire hors ligne' }).click();
  await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
  await serve(page, 'updated.json');
  await page.reload();
  await expect(page.locator('.saved-update p')).toHaveText(/^Mis à jour depuis votre enregistrement du .*\d{4} : 1 passage modifié, 1 passage ajouté et 1 nouvelle correction\.$/);
  expect(await page.locator('[data-block="1"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Modifié"');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the version saved is shown on request, and both versions stay readable with the server stopped', async ({ page }) => {
  const server = await startServer(4403);
  const seen = await watch(page);
  const base = 'http://127.0.0.1:4403/';
  const DOC = '/versioned/count-offline.json';
  const serve = (fixture) => page.request.put(`${base}${DOC.slice(1)}?from=/fixtures/changes/${fixture}`).then((r) => expect(r.status()).toBe(204));
  const turnout = page.locator('.article-body [data-block="1"]');
  const showSaved = page.getByRole('button', { name: 'Show the version you saved' });
  const showCurrent = page.getByRole('button', { name: 'Show the current version' });
  const expectBoth = async () => {
    await expect(page.locator('.saved-update p')).toContainText('1 part changed');
    await expect(turnout).toContainText('64 per cent');
    await showSaved.click();
    await expect(page.locator('.version-bar p')).toHaveText(/^This is the version you saved on .*\d{4}\.$/);
    await expect(turnout).toHaveText('The turnout was 61 per cent by noon.');
    await expect(page.locator('.article-body [data-block]')).toHaveCount(4);
    await expect(page.locator('[data-change]')).toHaveCount(0);
    await expect(showCurrent).toBeFocused();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await showCurrent.click();
    await expect(page.locator('.version-bar')).toHaveCount(0);
    await expect(turnout).toContainText('64 per cent');
    await expect(page.locator('.article-body [data-block]')).toHaveCount(5);
  };
  try {
    await serve('saved.json');
    await page.goto(`${base}index.html?src=${DOC}`);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
    await serve('updated.json');
    await page.goto(`${base}index.html?src=${DOC}`);
    await expectBoth();
  } finally {
    await server.stop();
  }
  // Offline for real: nothing listens on the port any more.
  await expect(page.request.get(`${base}index.html`)).rejects.toThrow();
  await page.goto(`${base}index.html?src=${DOC}`);
  await expect(page.getByText('You are reading the copy saved on this device.')).toBeVisible();
  await expectBoth();
  expectClean(seen);
});

test('an article opens where the reader stopped, at another text size too, with the way back and the progress', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/changes/long.json');
  const progress = page.getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress).toBeAttached();
  // The reader scrolls to paragraph 30 and leaves (a reload: pagehide).
  const target = page.locator('.article-body p', { hasText: /^Paragraph 30\./ });
  await target.evaluate((p) => window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top));
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0.3);
  const topOf = () => target.evaluate((p) => p.getBoundingClientRect().top);
  expect(Math.abs(await topOf())).toBeLessThan(2);
  await page.reload();
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.resume-note')).toHaveText('You are back where you stopped.');
  await expect.poll(topOf).toBeLessThan(2);
  expect(await topOf()).toBeGreaterThan(-2);

  // Larger text: the same paragraph is at the top again after leaving and coming back.
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.keyboard.press('Escape');
  await target.evaluate((p) => window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top));
  await page.reload();
  await expect(page.locator('.resume-note')).toBeVisible();
  await expect.poll(async () => Math.abs(await topOf())).toBeLessThan(2);

  // Back to the beginning: the top of the article, focus on its headline.
  await page.getByRole('button', { name: 'Back to the beginning' }).click();
  await expect(page.locator('h1')).toBeFocused();
  await expect.poll(() => page.evaluate(() => document.querySelector('article').getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  await expect(page.locator('.resume-note')).toHaveCount(0);
  expectClean(seen);
});

test('offline too: a saved article opens where the reader stopped, read from the device with the server stopped', async ({ page }) => {
  const server = await startServer(4406);
  const seen = await watch(page);
  const address = 'http://127.0.0.1:4406/index.html?src=/fixtures/changes/long.json';
  const target = page.locator('.article-body p', { hasText: /^Paragraph 30\./ });
  const topOf = () => target.evaluate((p) => p.getBoundingClientRect().top);
  try {
    await page.goto(address);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.locator('.save-button')).toHaveAttribute('aria-pressed', 'true');
    await target.evaluate((p) => window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top));
    const progress = page.getByRole('progressbar', { name: 'Reading progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0.3);
  } finally {
    await server.stop();
  }
  // Offline for real: nothing listens on the port any more. Leaving keeps the position.
  await expect(page.request.get(address)).rejects.toThrow();
  await page.goto(address);
  await expect(page.getByText('You are reading the copy saved on this device.')).toBeVisible();
  await expect(page.locator('.resume-note')).toHaveText('You are back where you stopped.');
  await expect.poll(async () => Math.abs(await topOf())).toBeLessThan(2);
  expectClean(seen);
});

test('an embedded reader keeps its place only when the host turns resume on, and then opens there', async ({ page }) => {
  const seen = await watch(page);
  const src = 'http://127.0.0.1:4303/fixtures/changes/long.json';
  const mount = (id, resume) => page.evaluate(({ id, src, resume }) => {
    const el = document.createElement('article-reader');
    el.id = id;
    if (resume) el.setAttribute('resume', '');
    el.setAttribute('src', src);
    document.querySelector('main').append(el);
  }, { id, src, resume });
  const visit = async () => {
    await page.goto('http://127.0.0.1:4301/test/empty.html?resume');
    await page.waitForFunction(() => customElements.get('article-reader'));
  };
  const paragraph30 = (id) => page.locator(`article-reader#${id} .article-body p`, { hasText: /^Paragraph 30\./ });
  const readTo = (id) => paragraph30(id).evaluate((p) => window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top));
  const stored = () => page.evaluate(() => localStorage.getItem('article-reader:positions'));

  // Off by default: no progress bar, and leaving keeps nothing.
  await visit();
  await mount('plain', false);
  await expect(page.locator('article-reader#plain').getByRole('button', { name: 'Reading settings' })).toBeVisible();
  await expect(page.locator('article-reader#plain').getByRole('progressbar')).toHaveCount(0);
  await readTo('plain');
  await visit();
  expect(await stored()).toBeNull();

  // Turned on: the position is kept on leaving, and the article opens there next time.
  await mount('kept', true);
  const kept = page.locator('article-reader#kept');
  await expect(kept.getByRole('progressbar', { name: 'Reading progress' })).toBeAttached();
  await readTo('kept');
  await visit();
  expect(await stored()).toContain('long.json');
  await mount('kept', true);
  await expect(kept.locator('.resume-note')).toHaveText('You are back where you stopped.');
  const topOf = () => paragraph30('kept').evaluate((p) => p.getBoundingClientRect().top);
  await expect.poll(async () => Math.abs(await topOf())).toBeLessThan(2);
  await kept.getByRole('button', { name: 'Back to the beginning' }).click();
  await expect(kept.locator('h1')).toBeFocused();
  expectClean(seen);
});
