// Malformed documents in the real browser: each ends in the alert with its field path or a
// not-JSON message, never a panic, a hang or a blank widget. The full corpus runs natively
// (tests/malformed.rs, tests/corpora.rs); this is the part only a browser can check: bytes on
// the wire, and sizes that would hurt a page.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync, renameSync, readdirSync, existsSync } from 'node:fs';
import { watch, expectClean } from './helpers.mjs';

const dir = 'target/corpus/malformed';
mkdirSync(dir, { recursive: true });
const write = (name, body) => {
  const tmp = `${dir}/.${name}.${process.pid}`;
  writeFileSync(tmp, body);
  renameSync(tmp, `${dir}/${name}`);
};
const doc = (extra) => JSON.stringify({ version: '1', headline: 'h', body: [], ...extra });

const cases = [
  ['deep-arrays.json', `{"version":"1","headline":"h","body":[],"_x":${'['.repeat(5000)}${']'.repeat(5000)}}`, /nested too deeply/],
  ['huge.json', doc({ headline: 'x'.repeat(5 * 1024 * 1024) }), /too large to show|larger than the 4 MiB limit/],
  ['many-blocks.json', doc({ body: Array.from({ length: 20_001 }, () => ({ type: 'divider' })) }), /body: more than 20000 items/],
  ['bad-utf8-version.json', Buffer.concat([Buffer.from('{"version":"1'), Buffer.from([0xe0, 0x80]), Buffer.from('","headline":"h","body":[]}')]), /version: unsupported version/],
  ['bad-utf8-start.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc({}))]), /not valid JSON/],
  ['utf16.json', Buffer.from(`\ufeff${doc({})}`, 'utf16le'), /not valid JSON|not an article document/],
  ['number-headline.json', doc({ headline: 7 }), /headline: expected string/],
  ['object-body.json', doc({ body: {} }), /body: expected array/],
  ['string-block.json', doc({ body: ['text'] }), /body\[0\]: expected object/],
  ['bad-run.json', doc({ body: [{ type: 'paragraph', content: [{ marks: ['em'] }] }] }), /body\[0\]\.content\[0\]\.text: missing/],
  ['bad-image.json', doc({ lead_image: { src: 5, alt: 'a' } }), /lead_image\.src: expected string/],
  ['bad-related.json', doc({ related: [{ headline: 'r' }] }), /related\[0\]\.url: missing/],
  ['numeric-date.json', doc({ published: 20190721 }), /published: expected string/],
  ['numeric-dir.json', doc({ dir: 1 }), /dir: expected string/],
  ['negative-width.json', doc({ lead_image: { src: 'a.png', alt: 'a', width: -1 } }), /lead_image\.width: expected a whole number/],
];
for (const [name, body] of cases) write(name, body);

test('malformed documents on the wire end in the alert with their path', async ({ page }) => {
  test.setTimeout(120_000);
  const seen = await watch(page);
  for (const [name, , message] of cases) {
    await page.goto(`index.html?src=/corpus/malformed/${name}`);
    const alert = page.getByRole('alert');
    await expect(alert, name).toContainText(message);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.locator('article')).toHaveCount(0);
  }
  expectClean(seen);
});

test('JSONTestSuite cases served over HTTP are never articles', async ({ page }) => {
  const suite = '../shared/corpora/jsontestsuite/test_parsing';
  test.skip(!existsSync(suite), 'the shared JSONTestSuite corpus is not beside the checkout');
  test.setTimeout(180_000);
  const seen = await watch(page);
  const files = readdirSync(suite).filter((f, i) => f.endsWith('.json') && i % 4 === 0);
  for (const file of files) {
    await page.goto(`index.html?src=/jsontestsuite/${encodeURIComponent(file)}`);
    await expect(page.getByRole('alert'), file).toBeVisible();
    await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  }
  expect(files.length).toBeGreaterThan(70);
  expectClean(seen);
});
