// axe-core on the rendered article: no WCAG 2.x A/AA violation, in light and dark.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open } from './helpers.mjs';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark']) {
  for (const query of ['', '?src=/fixtures/all-blocks.json', '?src=/fixtures/invalid/missing-body.json', '#saved']) {
    test(`axe finds no WCAG A/AA violation (${scheme}, ${query || 'sample'})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, query);
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
}

test('keyboard users reach every control, with a visible focus ring', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { name: '' };
      const style = getComputedStyle(el);
      return { name: el.getAttribute('aria-label') || el.textContent.trim(), outline: style.outlineStyle };
    });
    if (focused.name) {
      seen.add(focused.name);
      expect(focused.outline, `focus ring on ${focused.name}`).not.toBe('none');
    }
    await page.keyboard.press('Tab');
  }
  for (const name of ['Copy link', 'Share on X', 'Share by email', 'Galapagos Islands Will Now Serve US Military as Airfield']) {
    expect(seen.has(name), `${name} reachable by Tab`).toBe(true);
  }
});

test('axe finds no WCAG A/AA violation on a host page with embedded widgets', async ({ page }) => {
  await page.goto('http://127.0.0.1:4301/');
  await expect(page.locator('article-reader#wire article')).toHaveCount(1);
  await expect(page.locator('article-reader#gone [role=alert]')).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

// The reading tools open over the article: the settings panel (every new setting in it, "More
// text spacing" on) and the contents list, in each theme, and in Arabic (right to left).
for (const [theme, query] of [['light', ''], ['dark', ''], ['sepia', ''], ['dark', '&ui-lang=ar']]) {
  test(`axe finds no WCAG A/AA violation with the settings panel and the contents open (${theme}${query})`, async ({ page }) => {
    await open(page, `?src=/fixtures/all-blocks.json&theme=${theme}${query}`);
    await expect(page.locator('.reader')).toHaveAttribute('data-theme', theme);
    const arabic = query.includes('ar');
    await page.getByRole('button', { name: arabic ? 'المحتويات' : 'Contents' }).click();
    await expect(page.getByRole('navigation', { name: arabic ? 'المحتويات' : 'Contents' })).toBeVisible();
    await page.getByRole('button', { name: arabic ? 'إعدادات القراءة' : 'Reading settings' }).click();
    const panel = page.locator('.settings-panel');
    await expect(panel).toBeVisible();
    await panel.locator('input[type=checkbox]').first().check();
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });
}
