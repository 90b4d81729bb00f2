// Renders the app icons (assets/icons/*.svg) to the PNG sizes the web app manifest lists, with the
// Debian Chromium. Run by hand after changing an icon: `node scripts/make-icons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [source, size, out] of [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(`assets/icons/${source}`, 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `assets/icons/${out}`, omitBackground: true });
  await page.close();
}
await browser.close();
