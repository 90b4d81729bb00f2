// The network fault matrix, against a real local server: every fault ends in the alert with a
// message that fits its cause — a body that never ends is cancelled by the reader at its time limit
// (2 s here, through ?timeout=2), which the server sees — and "Try again" recovers once the server
// does.
import { test, expect } from '@playwright/test';
import { watch, expectClean } from './helpers.mjs';

const faults = [
  ['404', /not found on the server \(error 404\)/],
  ['410', /not found on the server \(error 410\)/],
  ['429', /too many requests \(error 429\)\. It asks to try again in 30 seconds/],
  ['500', /server had a problem sending this article \(error 500\)/],
  ['503', /server had a problem sending this article \(error 503\)\. It asks to try again in 2 minutes/],
  ['login', /sent a web page instead of the article/],
  ['not-json', /not an article document/],
  ['wrong-type', /sent a file of type image\/png instead of the article/],
  ['truncated', /download of the article was interrupted/],
  ['endless', /did not send the article within 2 seconds/],
  ['silent', /did not send the article within 2 seconds/],
  ['redirect-loop', /could not be reached/],
];

for (const [kind, message] of faults) {
  test(`fault "${kind}" ends in a fitting alert, and "Try again" recovers`, async ({ page }) => {
    const seen = await watch(page);
    const key = `${kind}-${test.info().workerIndex}-${Date.now()}`;
    await page.goto(`index.html?timeout=2&src=/faults/${kind}/${key}.json`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message, { timeout: 10_000 });
    await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
    if (kind === 'endless') {
      // The reader itself cancelled the body: its time limit, not the server, ended it. (For
      // "silent", the message naming the 2-second limit is the proof: the service worker keeps its
      // own request open, so the server sees no close.)
      await expect.poll(async () => (await page.request.get(`faults/abandoned/${key}`)).json()).toBe(true);
    }
    await page.request.get(`faults/heal/${key}`);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
    expectClean(seen);
  });
}

test('the default time limit is 15 seconds', async ({ page }) => {
  await page.goto(`index.html?src=/faults/silent/default-${Date.now()}.json`);
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('alert')).toContainText('within 15 seconds', { timeout: 20_000 });
});
