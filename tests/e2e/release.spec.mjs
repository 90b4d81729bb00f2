// make release: a versioned folder beside the build, and an embed snippet whose integrity hash the
// browser accepts (a host page that pins the version renders the widget with SRI on).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { watch, expectClean } from './helpers.mjs';

const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "(.+)"/m)[1];

test('make release writes dist/v<version>/ and prints an SRI snippet the browser accepts', async ({ page }) => {
  const printed = execFileSync('bash', ['scripts/release.sh', version], { encoding: 'utf8' });
  for (const file of ['embed.js', 'article-reader.d.ts', 'custom-elements.json', 'index.html']) {
    expect(existsSync(`dist/v${version}/${file}`), file).toBe(true);
  }
  const integrity = printed.match(/integrity="(sha384-[A-Za-z0-9+/=]+)"/)[1];
  expect(printed).toContain(`/v${version}/embed.js`);
  expect(readFileSync(`dist/v${version}/embed.js.sri`, 'utf8').trim()).toBe(integrity);

  const seen = await watch(page);
  await page.goto('http://127.0.0.1:4301/test/blank.html');
  // A hash that does not match is refused by the browser: nothing is defined.
  const refused = await page.evaluate((src) => new Promise((resolve) => {
    const policy = trustedTypes.createPolicy('host-loader-wrong', { createScriptURL: (url) => url });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = policy.createScriptURL(`${src}?wrong`);
    script.integrity = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    script.crossOrigin = 'anonymous';
    script.onerror = () => resolve(customElements.get('article-reader') === undefined);
    script.onload = () => resolve(false);
    document.head.append(script);
  }), `http://127.0.0.1:4302/v${version}/embed.js`);
  expect(refused).toBe(true);
  await page.evaluate(([src, hash]) => {
    // The host enforces Trusted Types: its own policy vouches for the pinned address.
    const policy = trustedTypes.createPolicy('host-loader', { createScriptURL: (url) => url });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = policy.createScriptURL(src);
    script.integrity = hash;
    script.crossOrigin = 'anonymous';
    document.head.append(script);
    const element = document.createElement('article-reader');
    element.setAttribute('src', 'http://127.0.0.1:4303/fixtures/minimal.json');
    document.body.append(element);
  }, [`http://127.0.0.1:4302/v${version}/embed.js`, integrity]);
  await expect(page.locator('article-reader h1')).toHaveText('Just a headline');
  expectClean(seen);
});
