// The release build in a real browser: rendering, errors and retry, sharing.
import { test, expect } from '@playwright/test';
import { watch, open, expectClean } from './helpers.mjs';

test('the built-in sample renders as the format says', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  const article = page.locator('article');
  await expect(article).toHaveCount(1);
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Pompeo Meets Ecuador's Moreno, Vows Assistance in Cybersecurity");
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Ecuador');
  await expect(page.locator('time[datetime="2019-07-21"]')).toHaveText('July 21, 2019');
  const lead = page.locator('figure').first();
  await expect(lead.locator('figcaption .credit')).toHaveText('US Department of State');
  await expect(lead.locator('figcaption .caption')).not.toContainText('US Department of State');
  const img = lead.locator('img');
  await expect(img).toHaveAttribute('alt', /shield/);
  await expect(img).toHaveAttribute('width', '1200');
  await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('.article-body .related-link')).toContainText('Galapagos Islands');
  await expect(page.locator('.article-body h2')).toHaveText("A 'New' Cooperation Under US Terms");
  await expect(page.getByText('No comments yet')).toBeVisible();
  const related = page.getByRole('region', { name: 'Related stories' });
  await expect(related.getByRole('listitem')).toHaveCount(1);
  await expect(related.getByRole('link', { name: 'Galapagos Islands Will Now Serve US Military as Airfield' })).toBeVisible();
  await expect(page.locator('[style]')).toHaveCount(0);
  expectClean(seen);
});

test('a document with every block type renders from ?src=', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  const body = page.locator('.article-body');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(body.locator('h2')).toHaveText('A level-two heading');
  await expect(body.locator('h3')).toHaveText('A level-three heading');
  await expect(body.locator('h4')).toHaveText('A level-four heading');
  await expect(body.locator('figure img')).toHaveAttribute('src', 'http://127.0.0.1:4173/fixtures/img/body.png');
  const leadImg = page.locator('.figure-lead img');
  await expect.poll(() => leadImg.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await expect(leadImg).toHaveAttribute('srcset', /lead-400\.png 400w/);
  await expect(body.locator('figure figcaption .credit')).toHaveText('Body Credit');
  await expect(body.locator('blockquote')).toHaveCount(2);
  await expect(body.locator('ul > li')).toHaveCount(3);
  await expect(body.locator('ol > li')).toHaveCount(2);
  await expect(body.locator('hr')).toHaveCount(1);
  await expect(body.locator('audio[controls]')).toHaveCount(1);
  await expect(body.locator('audio[autoplay]')).toHaveCount(0);
  await expect(body.locator('iframe')).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'A video elsewhere' })).toHaveAttribute('href', 'https://video.example/watch/123');
  await expect(body.getByRole('link', { name: 'An inline related story' })).toHaveAttribute('href', 'http://127.0.0.1:4173/2024/related-inline');
  await expect(body).toContainText('A plain paragraph with <b>tags</b> that stay text.');
  await expect(body.locator('b')).toHaveCount(0);
  await expect(body).not.toContainText('from the future');
  await expect(page.locator('.published time')).toHaveText('5 March 2024');
  await expect(page.locator('.updated time')).toHaveCount(1);
  await expect(page.locator('.authors')).toHaveText('By Ada Writer and Ben Reporter');
  await expect(page.locator('.tags li')).toHaveText(['science', 'testing']);
  await expect(page.getByRole('link', { name: '12 comments' })).toBeVisible();
  const related = page.getByRole('region', { name: 'Related stories' });
  await expect(related.getByRole('listitem')).toHaveCount(3);
  for (const name of ['First related story', 'Second related story', 'Third related story']) {
    await expect(related.getByRole('link', { name, exact: true })).toBeVisible();
  }
  for (const link of await page.locator('a[target="_blank"]').all()) {
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  expectClean(seen);
});

test('a right-to-left article gets dir=rtl and dates in its language', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/rtl-arabic.json');
  await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('time')).toContainText('مايو');
  expectClean(seen);
});

test('hostile addresses and markup stay inert text', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/hostile-urls.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror=alert(1)>');
  const schemes = await page.locator('article [href], article [src]').evaluateAll((els) =>
    els.map((el) => (el.getAttribute('href') || el.getAttribute('src')).split(':')[0]),
  );
  expect(schemes.every((s) => ['http', 'https', 'mailto'].includes(s))).toBe(true);
  await expect(page.locator('article img')).toHaveCount(0);
  await expect(page.locator('article')).toContainText('link text stays');
  await expect(page.locator('article')).toContainText("<script>alert('author')</script>");
  expectClean(seen);
});

const invalid = [
  ['wrong-content-type.json', 'body[3].content: expected string or array'],
  ['missing-version.json', 'version: missing'],
  ['missing-headline.json', 'headline: missing'],
  ['missing-body.json', 'body: missing'],
  ['syntax-error.json', 'not valid JSON'],
  ['not-an-object.json', 'document: expected object'],
  ['wrong-version.json', 'unsupported version "2"'],
  ['empty.json', 'not an article document'],
];
for (const [file, message] of invalid) {
  test(`an invalid document (${file}) shows the alert with the field path`, async ({ page }) => {
    const seen = await watch(page);
    await open(page, `?src=/fixtures/invalid/${file}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.locator('article')).toHaveCount(0);
    expectClean(seen);
  });
}

const failures = [
  ['/faults/404/never.json', 'not found on the server (error 404)'],
  ['/faults/410/never.json', 'not found on the server (error 410)'],
  ['/faults/500/never.json', 'server had a problem'],
  ['/faults/429/never.json', 'too many requests'],
  ['/faults/login/never.json', 'sent a web page instead of the article'],
  ['/faults/not-json/never.json', 'not an article document'],
  ['http://127.0.0.1:9/article.json', 'could not be reached'],
  ['javascript:alert(1)', 'not a web (http or https) address'],
];
for (const [src, message] of failures) {
  test(`a failing source (${src}) shows a message that fits`, async ({ page }) => {
    const seen = await watch(page);
    await open(page, `?src=${encodeURIComponent(src)}`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(await page.evaluate(() => window.__loginPageScriptRan)).toBeUndefined();
    expectClean(seen);
  });
}

test('"Try again" recovers when the server does', async ({ page }) => {
  const seen = await watch(page);
  await open(page, `?src=/faults/503-once/${test.info().testId}.json`);
  await expect(page.getByRole('alert')).toContainText('error 503');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expectClean(seen);
});

test('"Copy link" copies the canonical URL and announces it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
  const seen = await watch(page);
  await open(page);
  const status = page.locator('.share [aria-live="polite"]');
  await expect(status).toHaveText('');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(status).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe('https://www.telesurenglish.net/news/Pompeo-Meets-Ecuadors-Moreno-Vows-Assistance-in-Cybersecurity-20190721-0002.html');
  expectClean(seen);
});

test('"Copy link" falls back when the Clipboard API refuses', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) }) });
    window.__copied = [];
    // What the fallback copies: the selected text of the element the copy command acts on.
    document.addEventListener('copy', (e) => {
      const el = e.target instanceof Element ? e.target.closest('textarea') ?? e.target : document.activeElement;
      window.__copied.push({ text: el?.value, className: el?.className });
    });
  });
  const seen = await watch(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share [aria-live="polite"]')).toHaveText('Link copied');
  // The fallback ran: the copy command acted on the reader's own buffer, holding the canonical URL.
  expect(await page.evaluate(() => window.__copied)).toEqual([{ text: 'https://news.example/2024/all-blocks', className: 'copy-buffer' }]);
  await expect(page.locator('.copy-buffer')).toHaveCount(0);
  expectClean(seen);
});

test('"Share" uses the Web Share API with the canonical URL, and cancelling is not an error', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => {
      window.__shared.push({ ...data, activation: navigator.userActivation.isActive });
      return window.__shared.length === 1 ? Promise.resolve() : Promise.reject(new DOMException('cancelled', 'AbortError'));
    };
  });
  const seen = await watch(page);
  await open(page, '?src=/fixtures/all-blocks.json');
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const [first] = await page.evaluate(() => window.__shared);
  expect(first.url).toBe('https://news.example/2024/all-blocks');
  expect(first.title).toBe('Every block of the format, in one article');
  expect(first.text).toBe('Read this');
  expect(first.activation).toBe(true);
  await share.click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(2);
  await expect(page.locator('.share [aria-live="polite"]')).toHaveText('');
  expectClean(seen);
});

test('there is no "Share" button where navigator.share is missing', async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete navigator.share;
  });
  const seen = await watch(page);
  await open(page);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  expectClean(seen);
});

test('share links are named as the format says and carry the canonical URL', async ({ page }) => {
  const seen = await watch(page);
  await open(page);
  const canonical = encodeURIComponent('https://www.telesurenglish.net/news/Pompeo-Meets-Ecuadors-Moreno-Vows-Assistance-in-Cybersecurity-20190721-0002.html');
  for (const name of ['Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on WhatsApp', 'Share on Telegram', 'Share on Reddit', 'Share by email']) {
    const link = page.getByRole('link', { name, exact: true });
    await expect(link).toHaveCount(1);
    const href = await link.getAttribute('href');
    expect(href.includes(canonical) || href.includes(encodeURIComponent(canonical)), `${name}: ${href}`).toBe(true);
  }
  expectClean(seen);
});

test('the ?share= parameter limits the controls', async ({ page }) => {
  await open(page, '?share=copy,email');
  await expect(page.locator('.share a, .share button')).toHaveCount(2);
});

test('on a 320 px phone nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, '?src=/fixtures/all-blocks.json');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('themes: auto follows the system, light and dark are forced', async ({ page }) => {
  const background = () => page.locator('.reader').evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  expect(await background()).toBe('rgb(18, 18, 18)');
  await open(page, '?theme=light');
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page);
  expect(await background()).toBe('rgb(255, 255, 255)');
  await open(page, '?theme=dark');
  expect(await background()).toBe('rgb(18, 18, 18)');
});

test('a date that is not RFC 3339 is shown as the publisher wrote it', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '?src=/fixtures/invalid/bad-date.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bad date');
  await expect(page.locator('.published')).toHaveText('Published July 21');
  await expect(page.locator('time')).toHaveCount(0);
  expectClean(seen);
});
