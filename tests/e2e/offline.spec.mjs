// Page mode as an installable PWA, tested offline for real: the server process is stopped, not
// only emulated away (service-worker fetches can bypass emulation).
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { watch, expectClean, startServer, waitForServiceWorker } from './helpers.mjs';

const imageLoaded = (locator) => locator.evaluate((img) => img.complete && img.naturalWidth > 0);

test('the app is installable: manifest, icons and a service worker', async ({ page }) => {
  await page.goto('index.html');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest.name).toBe('Article reader');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#/);
  expect(manifest.background_color).toMatch(/^#/);
  const sizes = {};
  for (const icon of manifest.icons) {
    const png = await (await page.request.get(new URL(icon.src, manifestUrl).href)).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
    sizes[`${icon.sizes} ${icon.purpose}`] = true;
  }
  expect(Object.keys(sizes).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  await waitForServiceWorker(page);
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
  expect(scriptURL).toMatch(/\/sw\.js$/);
});

test('a saved article, the sample and #saved work with the server stopped; an unsaved one says so', async ({ page }) => {
  const server = await startServer(4401);
  const seen = await watch(page);
  const base = 'http://127.0.0.1:4401/';
  try {
    await page.goto(`${base}index.html?src=/fixtures/all-blocks.json`);
    await waitForServiceWorker(page);
    const save = page.getByRole('button', { name: /Save/ });
    await expect(save).toHaveText('Save for offline');
    await save.click();
    await expect(save).toHaveText('Saved for offline');
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Remove' })).toBeVisible();
    // Nothing but the validated document is stored as an article.
    const keys = await page.evaluate(async () => (await (await caches.open('article-reader-articles')).keys()).map((r) => new URL(r.url).pathname));
    expect(keys.sort()).toEqual(['/article-reader-saved.json', '/fixtures/all-blocks.json']);
  } finally {
    await server.stop();
  }

  // Offline for real: nothing listens on the port any more.
  await expect(page.request.get(`${base}index.html`)).rejects.toThrow();

  await page.goto(`${base}index.html?src=/fixtures/all-blocks.json`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(page.getByText('You are reading the copy saved on this device.')).toBeVisible();
  await expect.poll(() => imageLoaded(page.locator('.figure-lead img'))).toBe(true);
  const bodyImage = page.locator('.article-body figure img');
  await bodyImage.scrollIntoViewIfNeeded();
  await expect.poll(() => imageLoaded(bodyImage)).toBe(true);
  const relatedImage = page.locator('.related-image');
  await relatedImage.scrollIntoViewIfNeeded();
  await expect.poll(() => imageLoaded(relatedImage)).toBe(true);

  await page.goto(`${base}index.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Pompeo Meets Ecuador's Moreno, Vows Assistance in Cybersecurity");
  await expect.poll(() => imageLoaded(page.locator('.figure-lead img'))).toBe(true);

  await page.goto(`${base}index.html#saved`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved articles');
  const item = page.getByRole('listitem').filter({ hasText: 'Every block of the format' });
  await expect(item).toContainText('The Example Gazette');
  await expect(item.locator('time')).toHaveText('5 March 2024');
  await expect(page.getByText(/use .* on this device/)).toBeVisible();
  await item.getByRole('link', { name: 'Every block of the format, in one article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');

  await page.goto(`${base}index.html?src=/fixtures/minimal.json`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('offline');
  await expect(alert).toContainText('not saved');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();

  // "Remove" undoes the save, offline too.
  await page.goto(`${base}index.html?src=/fixtures/all-blocks.json`);
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('button', { name: /Save/ })).toHaveText('Save for offline');
  await page.goto(`${base}index.html#saved`);
  await expect(page.getByText('No saved articles yet.')).toBeVisible();
  const images = await page.evaluate(async () => (await (await caches.open('article-reader-images')).keys()).length);
  expect(images).toBe(0);
  expectClean(seen);
});

test('the saved list is newest first and explains an empty state', async ({ page }) => {
  await page.goto('index.html#saved');
  await expect(page.getByText('No saved articles yet.')).toBeVisible();
  for (const src of ['/fixtures/rtl-arabic.json', '/fixtures/all-blocks.json', '/fixtures/minimal.json']) {
    // An English UI for every one (the Arabic article would otherwise say "Save" in Arabic).
    await page.goto(`index.html?src=${src}&ui-lang=en`);
    await page.getByRole('button', { name: /Save/ }).click();
    await expect(page.getByRole('button', { name: /Save/ })).toHaveText('Saved for offline');
  }
  await page.goto('index.html#saved');
  await expect(page.locator('.saved-headline')).toHaveText(['Just a headline', 'Every block of the format, in one article', 'عنوان المقال']);
  await page.getByRole('button', { name: 'Remove “Just a headline”' }).click();
  await expect(page.locator('.saved-headline')).toHaveCount(2);
});

test('failed loads are never stored, and the offline hint follows the browser', async ({ page, context }) => {
  await page.goto(`index.html?src=/faults/503-once/${test.info().testId}.json`);
  await expect(page.getByRole('alert')).toContainText('error 503');
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  const stored = await page.evaluate(async () => (await caches.has('article-reader-articles')) ? (await (await caches.open('article-reader-articles')).keys()).length : 0);
  expect(stored).toBe(0);

  await expect(page.locator('#offline-hint')).toBeHidden();
  await context.setOffline(true);
  await expect(page.locator('#offline-hint')).toBeVisible();
  await expect(page.locator('#offline-hint')).toContainText('offline');
  await context.setOffline(false);
  await expect(page.locator('#offline-hint')).toBeHidden();
});

test('an update installs beside the running version, waits for the reader, then replaces it whole', async ({ page }) => {
  // The glue and main wasm (on-demand modules are fetched only when needed).
  const files = (dir) => readdirSync(dir).filter((f) => /^article-reader-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f));
  const versionOf = (dir) => readFileSync(`${dir}/sw.js`, 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
  const [oldFiles, newFiles] = [files('dist'), files('target/dist-next')];
  expect(newFiles).not.toEqual(oldFiles);

  const seen = await watch(page);
  const base = 'http://127.0.0.1:4402/';
  let server = await startServer(4402, 'dist');
  try {
    await page.goto(`${base}index.html`);
    await waitForServiceWorker(page);
    const build = page.locator('#reader');
    const first = await build.getAttribute('data-build');
    expect(first).not.toBe('next');

    await server.stop();
    server = await startServer(4402, 'target/dist-next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.locator('#update-prompt');
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('A new version of the reader is ready');
    // Nothing switched under the open page: it still runs the old build.
    await expect(build).toHaveAttribute('data-build', first);
    const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('article-reader-shell-')).sort());
    expect(await shells()).toEqual([`article-reader-shell-${versionOf('dist')}`, `article-reader-shell-${versionOf('target/dist-next')}`].sort());

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('#reader')).toHaveAttribute('data-build', 'next');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)));
    for (const name of newFiles) expect(loaded, `${name} of the new build`).toContain(name);
    for (const name of oldFiles) expect(loaded, `${name} of the old build`).not.toContain(name);
    await expect.poll(shells).toEqual([`article-reader-shell-${versionOf('target/dist-next')}`]);
  } finally {
    await server.stop();
  }
  expectClean(seen);
});
