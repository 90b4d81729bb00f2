// Players on request (spec §7 `embed`): a known player's card reserves the player's space and
// shows the publisher's picture and "Play: <title>"; nothing is requested from the provider
// until that click, and then only its privacy-enhanced address, in a sandboxed, titled frame.
// The provider is answered by the test itself, so nothing leaves 127.0.0.1.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, expectClean, servePictures, open, mountReader } from './helpers.mjs';
import { installSpeechStub, spoken } from './speech-stub.mjs';

const HOST = 'http://127.0.0.1:4301';
const API = 'http://127.0.0.1:4303';
const PROVIDERS = /(youtube|youtube-nocookie|ytimg|vimeo|vimeocdn|spotify|soundcloud|dailymotion)\./;
const FRAME = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

/** Answers the player's address with a stub page, and logs every request to any provider. */
async function stubProviders(page) {
  const requests = [];
  page.on('request', (r) => { if (PROVIDERS.test(new URL(r.url()).hostname)) requests.push(r.url()); });
  await page.route(FRAME, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>stub player</p>' }));
  return requests;
}

async function expectPlayer(root, requests) {
  const card = root.locator('.embed-card.has-player');
  const play = card.getByRole('button', { name: 'Play: The bridge opening in 60 seconds' });
  await expect(play).toBeVisible();
  // The space is reserved before anything loads: the stage has the player's shape already.
  const box = await card.locator('.embed-stage').boundingBox();
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
  await expect(card.locator('iframe')).toHaveCount(0);
  expect(requests, 'nothing from the provider before Play').toEqual([]);
  await play.click();
  const frame = card.locator('iframe');
  await expect(frame).toHaveAttribute('src', FRAME);
  await expect(frame).toHaveAttribute('title', 'The bridge opening in 60 seconds');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
  await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  await expect(frame).toBeFocused();
  const after = await frame.boundingBox();
  expect(Math.round(after.height)).toBe(Math.round(box.height));
  await expect.poll(() => requests).toEqual([FRAME]);
  // The link out stays, for hosts whose CSP has no frame-src for the player.
  await expect(card.locator('.embed-title a')).toHaveAttribute('href', /youtube\.com/);
}

test('page mode: nothing reaches the provider before Play, then only its private player, sandboxed', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  const requests = await stubProviders(page);
  await page.goto('index.html?src=/fixtures/formats/wordpress-post.json');
  await expectPlayer(page, requests);
  expect(seen.pageErrors).toEqual([]);
});

test('embed mode under the strict CSP: the same, inside the shadow root', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  const requests = await stubProviders(page);
  await page.goto(`${HOST}/`);
  await expectPlayer(await mountReader(page, 'player', `${API}/fixtures/formats/wordpress-post.json`), requests);
  expect(seen.pageErrors).toEqual([]);
});

test('a card whose frame only looks like a player links out and has no Play button', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('index.html?src=/fixtures/lookalike-players.json');
  await expect(page.locator('.embed-card')).toHaveCount(4);
  await expect(page.getByRole('button', { name: /^Play/ })).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);
  expectClean(seen);
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`axe finds no WCAG A/AA violation on a player's card (${theme})`, async ({ page }) => {
    await servePictures(page);
    await page.goto(`index.html?src=/fixtures/formats/wordpress-post.json&theme=${theme}`);
    await expect(page.getByRole('button', { name: /^Play: / })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.embed-card').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
}

test('in Arabic the card reads right to left with the Arabic words, and axe finds nothing', async ({ page }) => {
  await servePictures(page);
  await page.goto('index.html?src=/fixtures/formats/wordpress-post.json&ui-lang=ar');
  const play = page.getByRole('button', { name: 'تشغيل: The bridge opening in 60 seconds' });
  await expect(play).toHaveText('تشغيل');
  await expect(play).toHaveAttribute('lang', 'ar');
  await expect(page.locator('.embed-card .embed-note')).toHaveText('لا يُحمَّل شيء من YouTube قبل أن تضغط على «تشغيل».');
  const results = await new AxeBuilder({ page }).include('.embed-card').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a social post reads as a quotation and nothing is ever requested from its network', async ({ page }) => {
  const seen = await watch(page);
  await servePictures(page);
  const network = [];
  page.on('request', (r) => { if (/(twitter|x|twimg|t)\.(com|co)$/.test(new URL(r.url()).hostname)) network.push(r.url()); });
  await page.goto('index.html?src=/fixtures/formats/wordpress-post.json');
  const post = page.locator('figure.social-post');
  await expect(post.locator('blockquote')).toHaveAttribute('cite', 'https://twitter.com/riverside/status/1');
  await expect(post.locator('blockquote p')).toHaveText('We are open! pic.twitter.com/abc');
  await expect(post.locator('.post-author')).toHaveText('Riverside Council @riverside');
  await expect(post.locator('time')).toHaveAttribute('datetime', '2024-05-02');
  await expect(post.getByRole('link', { name: 'View on X' })).toHaveAttribute('href', 'https://twitter.com/riverside/status/1');
  await expect(page.locator('script[src*="twitter"], iframe')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(post.locator('blockquote p')).toBeVisible();
  expect(network).toEqual([]);
  expectClean(seen);
});

test('Listen reads a social post\'s text and then who wrote it, and skips the player card', async ({ page }) => {
  await servePictures(page);
  await installSpeechStub(page, [{ lang: 'en-US', name: 'English', localService: true, default: true }]);
  await open(page, '?src=/fixtures/formats/wordpress-post.json');
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => spoken(page)).not.toEqual([]);
  for (let i = 0; i < 30; i++) await page.evaluate(() => window.__speech.end());
  const all = await spoken(page);
  const at = (text) => all.findIndex((t) => t.includes(text));
  expect(at('We are open!')).toBeGreaterThan(-1);
  expect(all[at('We are open!') + 1]).toBe('Riverside Council @riverside');
  expect(at('Play'), 'no player controls are read').toBe(-1);
});

test('a video never plays or loads by itself; its poster reserves its space', async ({ page }) => {
  const seen = await watch(page);
  const media = [];
  page.on('request', (r) => { if (/\/media\//.test(r.url())) media.push(r.url()); });
  await open(page, '?src=/fixtures/video.json');
  const video = page.locator('figure.video video');
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).not.toHaveAttribute('autoplay');
  await expect(video).toHaveAccessibleName('The bridge opening');
  await expect(video.locator('track')).toHaveAttribute('srclang', 'en');
  await expect(page.locator('figure.video figcaption')).toHaveText('The ribbon is cut.Riverside TV');
  const box = await video.boundingBox();
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
  expect(media, 'no video file or track before the reader starts it').toEqual([]);
  const results = await new AxeBuilder({ page }).include('figure.video').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expectClean(seen);
});
