// First screen first (issue 13): a long article shows its first screen with the header, the rest
// follows without moving what is on screen, and once the container is no longer busy the whole
// article is there — every block, then the footer and cards.
import { test, expect } from '@playwright/test';

const words = (n, seed) => Array.from({ length: n }, (_, i) => `w${seed}x${i}`).join(' ');
const LONG = {
  version: '1',
  lang: 'en',
  url: 'https://news.example/long',
  headline: 'A long read',
  body: Array.from({ length: 400 }, (_, i) => (i % 25 === 0
    ? { type: 'heading', content: `Part ${i / 25 + 1}` }
    : { type: 'paragraph', content: `Paragraph ${i}. ${words(40, i)}` })),
  related: [{ headline: 'Another long read', url: 'https://news.example/another' }],
};

test.use({ serviceWorkers: 'block' });

test('a long article: first screen at once, then every block, no layout shift, footer last', async ({ page }) => {
  await page.route((url) => url.pathname === '/fixtures/long-read.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(LONG) }));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // What the page looked like when the headline first appeared.
    window.__first = null;
    new MutationObserver(() => {
      if (window.__first === null && document.querySelector('h1')) {
        window.__first = {
          blocks: document.querySelectorAll('.article-body > *').length,
          footer: document.querySelectorAll('.article-footer').length,
          busy: document.querySelector('.reader').getAttribute('aria-busy'),
        };
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('index.html?src=/fixtures/long-read.json');
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  const first = await page.evaluate(() => window.__first);
  expect(first.blocks).toBeGreaterThan(0);
  expect(first.blocks).toBeLessThan(LONG.body.length);
  expect(first.footer).toBe(0);
  expect(first.busy).toBe('true');
  // Once not busy: the whole article, in order, then the footer and cards.
  await expect(page.locator('.article-body > *')).toHaveCount(LONG.body.length);
  await expect(page.locator('.article-body > *').last()).toContainText('Paragraph 399.');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Related stories' })).toBeAttached();
  expect(await page.evaluate(() => window.__shift)).toBe(0);
  // In-page search meets the last paragraph.
  expect(await page.evaluate(() => window.find('w399x39'))).toBe(true);
});
