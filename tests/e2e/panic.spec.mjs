// No panic reaches the reader: a deliberate panic inside the wasm (page mode's test hook) ends in
// the error view and a console message, and "Try again" brings the article back.
import { test, expect } from '@playwright/test';

test('a panic becomes the error view plus a console message, and "Try again" recovers', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('index.html?src=/fixtures/all-blocks.json&theme=dark&timeout=9&share=copy,email');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');

  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.panicForTests();
      return null;
    } catch (error) {
      return String(error);
    }
  });
  expect(thrown, 'the wasm stopped at the panic').not.toBeNull();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This article could not be shown.');
  await expect(alert).toContainText('Something went wrong inside the reader.');
  await expect(page.locator('article')).toHaveCount(0);
  // The same ::part() names as every other error view, so a host's styles reach it.
  await expect(page.locator('[part="reader"] > [part="error"][role="alert"]')).toHaveCount(1);
  expect(errors.some((e) => e.includes('[article-reader] internal error') && e.includes('deliberate panic'))).toBe(true);

  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page).toHaveURL(/src=%2Ffixtures%2Fall-blocks\.json|src=\/fixtures\/all-blocks\.json/);
  // Every parameter is kept: the reload starts the same widget.
  await expect(page).toHaveURL(/theme=dark/);
  await expect(page).toHaveURL(/timeout=9/);
  await expect(page).toHaveURL(/share=copy%2Cemail|share=copy,email/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block of the format, in one article');
  await expect(page.locator('.share a, .share button')).toHaveCount(2);
});
