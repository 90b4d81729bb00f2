// Galleries and the picture viewer (spec §7 `gallery`): a grid of small thumbnails; a picture
// opens in a modal dialog inside the widget with its largest version — requested only when it is
// shown, the next one preloaded —, its caption and credit, "2 of 5", Previous / Next / Close, the
// arrow keys (mirrored right to left), Home / End, Escape and a swipe; focus stays in it and
// returns to the thumbnail; the page behind does not scroll. The lead picture opens in it too.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watch, expectClean, open, mountReader } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const GALLERY = JSON.parse(readFileSync('tests/fixtures/gallery.json', 'utf8'));

/** Every picture address the page asks for, by its marker (`g2-large`, `lead`, …). */
function pictureLog(page) {
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/fixtures/img/')) asked.push(url.search.slice(1));
  });
  return asked;
}

/** The same gallery in Arabic, answered by the test itself at `path`. */
async function serveArabic(page, path) {
  const doc = { ...GALLERY, lang: 'ar', headline: 'الفرز بالصور' };
  await page.route((url) => url.pathname === path, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }));
}

/** The viewer's checks, wherever it is drawn (`root`: the page or the element). */
async function expectViewer(page, root, asked, activeInside) {
  const gallery = root.getByRole('group', { name: 'Gallery, 5 pictures' });
  await expect(gallery).toBeVisible();
  const thumbs = gallery.getByRole('button', { name: /^View picture: / });
  await expect(thumbs).toHaveCount(5);
  // The picture whose address was refused shows its description and is not counted.
  await expect(gallery.locator('.figure-missing')).toHaveText('A picture whose address is refused');
  await expect(thumbs.nth(4)).toHaveAccessibleName('View picture: 5 of 5');
  await gallery.scrollIntoViewIfNeeded();
  await expect.poll(() => asked.filter((a) => /^g\d-small$/.test(a)).sort()).toEqual(['g1-small', 'g2-small', 'g3-small', 'g4-small']);
  expect(asked.filter((a) => /^g\d-large$/.test(a)), 'no large picture before the viewer shows it').toEqual([]);

  const second = thumbs.nth(1);
  await second.click();
  const viewer = root.getByRole('dialog', { name: 'Picture viewer' });
  await expect(viewer).toBeVisible();
  const picture = viewer.locator('img');
  await expect(picture).toHaveAttribute('src', /g2-large$/);
  await expect(picture).toHaveAttribute('alt', 'Sealed ballot boxes');
  await expect(viewer.locator('.viewer-count')).toHaveText('2 of 5');
  await expect(viewer.locator('figcaption')).toHaveText('The boxes arrived at dawn.');
  await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused();
  // The shown picture and the next one, nothing else.
  await expect.poll(() => asked.filter((a) => /^g\d-large$/.test(a)).sort()).toEqual(['g2-large', 'g3-large']);
  // The page behind does not scroll.
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 600);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await page.evaluate(() => window.scrollY)).toBe(before);

  await page.keyboard.press('ArrowRight');
  await expect(viewer.locator('.viewer-count')).toHaveText('3 of 5');
  await expect(picture).toHaveAttribute('src', /g3-large$/);
  await expect(viewer.locator('figcaption')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(viewer.locator('.viewer-count')).toHaveText('2 of 5');
  await page.keyboard.press('End');
  await expect(viewer.locator('.viewer-count')).toHaveText('5 of 5');
  await viewer.getByRole('button', { name: 'Next picture' }).click();
  await expect(viewer.locator('.viewer-count')).toHaveText('1 of 5');
  await expect(viewer.locator('figcaption')).toHaveText('Ballots are sorted by hand.Ana Ruiz');
  await viewer.getByRole('button', { name: 'Previous picture' }).click();
  await expect(viewer.locator('.viewer-count')).toHaveText('5 of 5');
  await page.keyboard.press('Home');
  await expect(viewer.locator('.viewer-count')).toHaveText('1 of 5');
  // Focus is held in the viewer.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await activeInside('.viewer'), `Tab ${i + 1} stays in the viewer`).toBe(true);
  }
  await page.keyboard.press('Escape');
  // The browser hides a closed dialog (and gives focus back) before its close event reaches
  // the viewer, which then takes it away and lets the page scroll again.
  await expect(root.locator('dialog.viewer')).toHaveCount(0);
  await expect(second).toBeFocused();
  await expect.poll(() => page.evaluate(() => document.documentElement.style.overflow)).toBe('');
}

test('page mode: a gallery of thumbnails opens the viewer, large pictures only when shown', async ({ page }) => {
  const seen = await watch(page);
  const asked = pictureLog(page);
  await open(page, '?src=/fixtures/gallery.json');
  const active = (selector) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);
  await expectViewer(page, page, asked, active);
  expectClean(seen);
});

test('embed mode under the strict CSP: the viewer opens in the shadow root and focus comes back', async ({ page }) => {
  const seen = await watch(page);
  const asked = pictureLog(page);
  // A page address of its own: the host server keeps every test's CSP reports together.
  await page.goto(`${HOST}/?gallery-viewer`);
  const element = await mountReader(page, 'gallery', `${API}/fixtures/gallery.json`);
  const active = (selector) => page.evaluate((s) => !!document.querySelector('#gallery').shadowRoot.activeElement?.closest(s), selector);
  await expectViewer(page, element, asked, active);
  expectClean(seen);
  const reports = await (await page.request.get(`${HOST}/csp-reports`)).json();
  const mine = reports.filter((r) => JSON.parse(r)['csp-report']?.['document-uri'] === page.url());
  expect(mine, 'no CSP violation').toEqual([]);
});

test('an element taken off the page with its viewer open leaves the page scrolling', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${HOST}/?gallery-removed`);
  const element = await mountReader(page, 'gallery-gone', `${API}/fixtures/gallery.json`);
  await element.locator('.gallery .picture-open').first().click();
  await expect(element.getByRole('dialog')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('hidden');
  await page.evaluate(() => document.querySelector('#gallery-gone').remove());
  await expect.poll(() => page.evaluate(() => document.documentElement.style.overflow)).toBe('');
  // A viewer opens again in another element.
  const other = await mountReader(page, 'gallery-next', `${API}/fixtures/gallery.json`);
  await other.locator('.gallery .picture-open').first().click();
  await expect(other.getByRole('dialog')).toBeVisible();
  expectClean(seen);
});

test('the lead picture opens alone in the viewer; a click on the backdrop closes it', async ({ page }) => {
  const seen = await watch(page);
  const asked = pictureLog(page);
  await open(page, '?src=/fixtures/gallery.json');
  const lead = page.getByRole('button', { name: 'View picture: The counting hall' });
  await lead.click();
  const viewer = page.getByRole('dialog', { name: 'Picture viewer' });
  await expect(viewer.locator('img')).toHaveAttribute('src', /lead-large$/);
  await expect(viewer.locator('figcaption')).toHaveText('The counting hall at night.City archive');
  await expect(viewer.getByRole('button', { name: /picture$/ })).toHaveCount(0);
  await expect(viewer.locator('.viewer-count')).toBeHidden();
  // Beside the picture (no picture reaches the screen's edge).
  await page.mouse.click(3, 300);
  await expect(viewer).toHaveCount(0);
  await expect(lead).toBeFocused();
  // An image block opens too, with its one address.
  await page.getByRole('button', { name: 'View picture: The commission\'s chair' }).click();
  await expect(viewer.locator('img')).toHaveAttribute('src', /figure$/);
  await page.keyboard.press('Escape');
  expect(asked).toContain('lead-large');
  expectClean(seen);
});

test.describe('right to left', () => {
// The Arabic document is answered by the test itself, which a service worker would bypass.
test.use({ serviceWorkers: 'block' });
test('right to left: the arrow keys and a swipe are mirrored, the words are Arabic', async ({ page }) => {
  const seen = await watch(page);
  await serveArabic(page, '/fixtures/gallery-ar.json');
  await open(page, '?src=/fixtures/gallery-ar.json');
  await page.locator('.gallery .picture-open').first().click();
  const viewer = page.getByRole('dialog', { name: 'عارض الصور' });
  await expect(viewer).toBeVisible();
  const count = viewer.locator('.viewer-count');
  await expect(viewer.getByRole('button', { name: 'إغلاق' })).toBeFocused();
  await expect(viewer.getByRole('button', { name: 'الصورة التالية' })).toBeVisible();
  const first = await count.textContent();
  await page.keyboard.press('ArrowLeft');
  const second = await count.textContent();
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(first);
  // A swipe towards the line's start (rightwards here) brings the next picture.
  const box = await viewer.locator('img').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 160, y + 10, { steps: 4 });
  await page.mouse.up();
  await expect(count).toHaveText(second);
  const results = await new AxeBuilder({ page }).include('.viewer').withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expectClean(seen);
});
});

test('a swipe moves to the next picture, left to right', async ({ page }) => {
  await open(page, '?src=/fixtures/gallery.json');
  await page.locator('.gallery .picture-open').first().click();
  const viewer = page.getByRole('dialog');
  const box = await viewer.locator('img').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 160, y, { steps: 4 });
  await page.mouse.up();
  await expect(viewer.locator('.viewer-count')).toHaveText('2 of 5');
  // A short or mostly vertical move is no swipe.
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 20, y + 150, { steps: 4 });
  await page.mouse.up();
  await expect(viewer.locator('.viewer-count')).toHaveText('2 of 5');
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe finds no WCAG A/AA violation in the gallery and the open viewer (${theme})`, async ({ page }) => {
    await open(page, `?src=/fixtures/gallery.json&theme=${theme}`);
    const grid = await new AxeBuilder({ page }).include('.gallery').withTags(AXE_TAGS).analyze();
    expect(grid.violations.map((v) => v.id)).toEqual([]);
    await page.locator('.gallery .picture-open').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const viewer = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(viewer.violations.map((v) => v.id)).toEqual([]);
  });
}

test('Listen says "Gallery, 5 pictures" and reads the captions; print shows every caption', async ({ page }) => {
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  await open(page, '?src=/fixtures/gallery.json');
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => spoken(page)).not.toEqual([]);
  for (let i = 0; i < 12; i++) await page.evaluate(() => window.__speech.end());
  const all = await spoken(page);
  const at = all.indexOf('Gallery, 5 pictures');
  expect(at, `${JSON.stringify(all)}`).toBeGreaterThan(-1);
  expect(all.slice(at + 1, at + 7)).toEqual([
    'Ballots are sorted by hand.Ana Ruiz',
    'The boxes arrived at dawn.',
    'A picture whose address is refused',
    'Volunteers checking the lists',
    'The North declared first.Ana Ruiz',
    'The count in the North region',
  ]);
  await page.emulateMedia({ media: 'print' });
  const caption = page.locator('.gallery-item figcaption').first();
  await expect(caption).toBeVisible();
  expect((await caption.boundingBox()).width).toBeGreaterThan(50);
});

test('saving an article with a video says that its poster is kept, not the video', async ({ page }) => {
  await open(page, '?src=/fixtures/video.json');
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.locator('.offline-status')).toHaveText(
    'Saved. This article can now be read offline. Videos are not saved: offline, you will see their posters.',
  );
});
