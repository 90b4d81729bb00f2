// What every end-to-end test watches: uncaught errors, dialogs (a script that ran), and any request
// that would leave 127.0.0.1 (blocked, and reported as a failure).
import { expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export async function watch(page) {
  const seen = { pageErrors: [], dialogs: [], outside: [] };
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      seen.outside.push(route.request().url());
      return route.abort();
    },
  );
  return seen;
}

/** Opens page mode with `query` (e.g. `?src=/fixtures/x.json`) and waits until loading ends. */
export async function open(page, query = '') {
  await page.goto(`index.html${query}`);
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
}

/** Appends `<article-reader id=… src=…>` to the host page's `<main>`; returns its locator. */
export async function mountReader(page, id, src) {
  await page.evaluate(({ id, src }) => {
    const el = document.createElement('article-reader');
    el.id = id;
    el.setAttribute('src', src);
    document.querySelector('main').append(el);
  }, { id, src });
  return page.locator(`article-reader#${id}`);
}

export function expectClean(seen) {
  expect(seen.pageErrors, 'uncaught errors').toEqual([]);
  expect(seen.dialogs, 'dialogs opened by injected script').toEqual([]);
  expect(seen.outside, 'requests beyond 127.0.0.1').toEqual([]);
}

const PICTURE = readFileSync('tests/fixtures/img/lead.png');

/** The fixtures name their pictures on their publishers' (reserved, .example) hosts, as real
 * answers do: the test itself answers those with a local picture, so nothing leaves 127.0.0.1. */
export async function servePictures(page) {
  await page.route(
    (url) => url.hostname.endsWith('.example'),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PICTURE }),
  );
}

/** Starts page mode from `dist` alone on `port`, as its own process; `stop()` ends the process. */
export async function startServer(port, dist = 'dist') {
  const proc = spawn(process.execPath, ['tests/e2e/server.mjs'], {
    env: { ...process.env, ONLY: 'app', PORT: String(port), DIST: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => String(chunk).includes('on http') && resolve());
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        proc.removeAllListeners('exit');
        proc.once('exit', resolve);
        proc.kill('SIGTERM');
      }),
  };
}

export async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}
