// The XSS corpus against the release build: every hostile value of corpus/xss.mjs placed in every
// string and URL field of format v1. Nothing may run, no element or attribute may be able to run
// script or navigate to a non-http(s) scheme, and the text must show literally.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync, renameSync, readFileSync } from 'node:fs';
import { TEXT_PAYLOADS, URL_PAYLOADS } from './corpus/xss.mjs';
import { watch } from './helpers.mjs';

const dir = 'target/corpus/xss';
mkdirSync(dir, { recursive: true });
const write = (name, doc) => {
  const tmp = `${dir}/.${name}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, `${dir}/${name}`);
};

/** A document with `t` in every text field and `u` in every address field. */
function everywhere(t, u) {
  const image = { src: u, alt: t, width: 40, height: 30, srcset: [{ src: u, width: 40 }], caption: [t, { text: t, marks: ['em'], href: u }], credit: { text: t, url: u, license: t }, link: u };
  return {
    version: '1', id: t, url: u, lang: 'en',
    site: { name: t, url: u, logo: u },
    section: [{ name: t, url: u }, { name: t }],
    headline: t,
    summary: [t, [t, { text: t, marks: ['strong', 'code'], href: u }]],
    authors: [{ name: t, url: u, avatar: u }],
    published: '2024-01-02', modified: '2024-01-03T10:00:00Z',
    lead_image: image,
    body: [
      { type: 'paragraph', content: t },
      { type: 'paragraph', content: [t, { text: t, marks: ['strong', 'em', 'underline', 'strike', 'code', 'sub', 'sup', t], href: u }] },
      { type: 'heading', level: 2, content: t },
      { type: 'image', image },
      { type: 'quote', content: t, cite: t, pull: true },
      { type: 'list', ordered: true, items: [t, [{ text: t, href: u }]] },
      { type: 'related_link', headline: t, url: u, image, label: t },
      { type: 'divider' },
      { type: 'audio', src: u, title: t },
      { type: 'embed', url: u, title: t, provider: t },
      { type: 'gallery', images: [image, { ...image, link: undefined }, { src: 'https://127.0.0.1:9/g.png', alt: t, caption: t }], caption: t },
      { type: 'video', sources: [{ src: u, type: t }], poster: image, tracks: [{ src: u, lang: 'en', label: t }], title: t, caption: t, credit: { text: t, url: u } },
      { type: t, content: t },
    ],
    related: [{ headline: t, url: u, image, section: t, published: '2024-01-01', summary: t }],
    tags: [t, t],
    comments: { count: 2, url: u },
    share: { text: t, hashtags: [t], via: t },
    audio: [{ src: u, title: t, kind: t, duration_seconds: 61 }],
    [t]: t,
  };
}

const docs = [];
const count = Math.max(TEXT_PAYLOADS.length, URL_PAYLOADS.length);
for (let i = 0; i < count; i++) {
  const t = TEXT_PAYLOADS[i % TEXT_PAYLOADS.length];
  const u = URL_PAYLOADS[i % URL_PAYLOADS.length];
  docs.push({ name: `all-${i}.json`, t, kind: 'all' });
  write(`all-${i}.json`, everywhere(t, u));
  // Text payloads in address fields too.
  docs.push({ name: `text-as-url-${i}.json`, t, kind: 'all' });
  write(`text-as-url-${i}.json`, everywhere(t, t));
}
// The fields with a fixed vocabulary: a hostile value either falls back (lang) or is refused.
TEXT_PAYLOADS.forEach((t, i) => {
  if (i % 3) return;
  for (const [field, value] of [['lang', t], ['dir', t], ['published', t], ['version', t]]) {
    const doc = { ...everywhere('plain text', 'https://127.0.0.1:9/'), [field]: value };
    docs.push({ name: `${field}-${i}.json`, t, kind: field });
    write(`${field}-${i}.json`, doc);
  }
});

// Publishers' formats (spec §4): the same payloads as markup in every HTML-carrying field of every
// format (and as text in their plain fields), several payloads to a document.
const img = 'https://127.0.0.1:9/i.png';
function inFormats(h) {
  return {
    wordpress: {
      id: 1, link: 'https://127.0.0.1:9/p', date_gmt: '2024-01-02T10:00:00',
      title: { rendered: h }, excerpt: { rendered: h },
      content: { rendered: `<p>${h}</p>${h}<figure class="wp-block-gallery"><figure><img src="${img}" alt="a"><figcaption>${h}</figcaption></figure><figure><img src="${img}" alt="b"></figure><figcaption>${h}</figcaption></figure><figure class="wp-block-video"><video src="${img}" poster="${img}"></video><figcaption>${h}</figcaption></figure>` },
      _embedded: {
        author: [{ name: h, link: h }],
        'wp:featuredmedia': [{ source_url: img, alt_text: h, caption: { rendered: h }, media_details: { image_meta: { credit: h } } }],
        'wp:term': [[{ name: h, taxonomy: 'category', link: h }, { name: h, taxonomy: 'post_tag' }]],
      },
    },
    jsonfeed: {
      version: 'https://jsonfeed.org/version/1.1', title: h, home_page_url: h,
      items: [{ id: '1', url: h, title: h, content_html: `${h}<p>${h}</p>`, summary: h, tags: [h], authors: [{ name: h, url: h }] }, { id: '2', title: h, content_text: h }],
    },
    jsonld: {
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: h, description: h, articleBody: `<p>${h}</p>${h}`,
      keywords: h, articleSection: h, author: { '@type': 'Person', name: h, url: h }, image: { '@type': 'ImageObject', url: img, caption: h, creditText: h },
      publisher: { '@type': 'Organization', name: h, url: h },
      video: { '@type': 'VideoObject', name: h, description: h, contentUrl: img, thumbnailUrl: img },
    },
    ans: {
      type: 'story', headlines: { basic: h }, description: { basic: h }, credits: { by: [{ name: h, url: h }] }, label: { basic: { text: h } },
      content_elements: [
        { type: 'text', content: h }, { type: 'raw_html', content: h }, { type: 'header', content: h },
        { type: 'list', items: [{ type: 'text', content: h }] }, { type: 'quote', content_elements: [{ type: 'text', content: h }], citation: { content: h } },
        { type: 'image', url: img, caption: h, alt_text: h, credits: { by: [{ name: h }] } }, { type: 'interstitial_link', content: h, url: h },
        { type: 'gallery', description: { basic: h }, content_elements: [{ type: 'image', url: img, caption: h, alt_text: h }, { type: 'image', url: img }] },
        { type: 'video', headlines: { basic: h }, description: { basic: h }, streams: [{ stream_type: 'mp4', url: img }], promo_image: { type: 'image', url: img } },
      ],
      promo_items: { basic: { type: 'image', url: img, caption: h, credits: { by: [{ name: h }] } } },
    },
    ghost: {
      posts: [{ title: h, slug: 'x', html: `<p>${h}</p>${h}`, custom_excerpt: h, feature_image: img, feature_image_alt: h, feature_image_caption: h, authors: [{ name: h, url: h }], tags: [{ name: h }] }],
    },
    applenews: {
      version: '1.12', identifier: 'x', title: h,
      components: [{ role: 'body', format: 'html', text: h }, { role: 'body', text: h }, { role: 'pullquote', text: h }, { role: 'photo', URL: img, caption: h },
        { role: 'gallery', items: [{ URL: img, caption: h, accessibilityCaption: h }, { URL: img }] }, { role: 'video', URL: img, stillURL: img, caption: h }],
      metadata: { authors: [h], excerpt: h, keywords: [h] },
    },
  };
}
const formatDocs = [];
const PER_DOC = 8;
for (let start = 0; start < TEXT_PAYLOADS.length; start += PER_DOC) {
  const markup = TEXT_PAYLOADS.slice(start, start + PER_DOC).join('\n');
  for (const [format, doc] of Object.entries(inFormats(markup))) {
    const name = `${format}-${start / PER_DOC}.json`;
    write(name, doc);
    formatDocs.push({ name, format });
  }
}

const ALLOWED = new Set(['div', 'article', 'header', 'footer', 'nav', 'ol', 'ul', 'li', 'a', 'span', 'p', 'h1', 'h2', 'h3', 'h4',
  'figure', 'progress', 'figcaption', 'img', 'small', 'blockquote', 'cite', 'hr', 'audio', 'section', 'aside', 'strong', 'em', 'u', 's',
  'code', 'sub', 'sup', 'time', 'button', 'br', 'bdi', 'video', 'source', 'track', 'dialog']);

/** Everything under `.reader` that could run script or leave http(s). */
function inspect(allowed) {
  const problems = [];
  const okScheme = (value, el) => {
    let scheme;
    try {
      scheme = new URL(value, location.href).protocol;
    } catch {
      return false;
    }
    return scheme === 'http:' || scheme === 'https:' || (scheme === 'mailto:' && el.classList.contains('share-email'));
  };
  for (const el of document.querySelector('.reader').querySelectorAll('*')) {
    if (!allowed.includes(el.localName)) problems.push(`element <${el.localName}>`);
    for (const { name, value } of el.attributes) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name.includes(':')) problems.push(`attribute ${name} on <${el.localName}>`);
      if (['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'cite', 'data-full'].includes(name) && !okScheme(value, el)) {
        problems.push(`${name}=${JSON.stringify(value)} on <${el.localName}>`);
      }
      if (name === 'srcset') {
        for (const candidate of value.split(/,\s+/)) {
          if (!okScheme(candidate.trim().split(/\s+/)[0], el)) problems.push(`srcset ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return problems;
}

async function armDetector(page) {
  await page.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => window.__fired.push(`${name}(${args})`);
    Object.defineProperty(window, 'xssFired', { set: () => window.__fired.push('xssFired'), configurable: true });
  });
}

test('self-test: the detector sees a script that really runs', async ({ page }) => {
  await armDetector(page);
  await page.goto('index.html');
  await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>'));
  await expect.poll(() => page.evaluate(() => window.__fired.length)).toBe(1);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'javascript:window.xssFired=1';
    document.body.append(a);
    a.click();
  });
  await expect.poll(() => page.evaluate(() => window.__fired)).toEqual(['alert(1)', 'xssFired']);
  // And the inspector sees a script-capable element and a script address.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'javascript:void 0';
    document.querySelector('.reader').append(a, document.createElement('script'));
  });
  const problems = await page.evaluate(inspect, [...ALLOWED]);
  expect(problems).toEqual(['href="javascript:void 0" on <a>', 'element <script>']);
});

test('the security note counts the corpus as it is', () => {
  const note = readFileSync('docs/security.md', 'utf8').replace(/\s+/g, ' ');
  const distinct = new Set([...TEXT_PAYLOADS, ...URL_PAYLOADS]).size;
  expect(note).toContain(`${distinct} distinct hostile values`);
  expect(note).toContain(`${TEXT_PAYLOADS.length} for text fields`);
  expect(note).toContain(`${URL_PAYLOADS.length} for address fields`);
  expect(note).toContain(`${docs.length} documents`);
});

const CHUNK = 24;
for (let start = 0; start < docs.length; start += CHUNK) {
  const chunk = docs.slice(start, start + CHUNK);
  test(`hostile values ${start + 1}–${start + chunk.length} of ${docs.length} stay inert text`, async ({ page }) => {
    test.setTimeout(90_000);
    await armDetector(page);
    const seen = await watch(page);
    for (const { name, t, kind } of chunk) {
      await page.goto(`index.html?src=/corpus/xss/${name}`);
      await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
      const problems = await page.evaluate(inspect, [...ALLOWED]);
      // The picture viewer too, open on a gallery's first picture (it is inside `.reader`).
      const opener = page.locator('.gallery .picture-open').first();
      if (await opener.count()) {
        await opener.click();
        await expect(page.locator('dialog.viewer')).toBeVisible();
        problems.push(...(await page.evaluate(inspect, [...ALLOWED])));
        await page.keyboard.press('Escape');
        await expect(page.locator('dialog.viewer')).toHaveCount(0);
      }
      const state = await page.evaluate(() => ({
        fired: window.__fired,
        headline: document.querySelector('h1')?.textContent ?? null,
        firstParagraph: document.querySelector('.article-body p')?.textContent ?? null,
        tag: document.querySelector('.tags li')?.textContent ?? null,
        alert: document.querySelector('[role=alert]')?.textContent ?? null,
        lang: document.querySelector('article')?.getAttribute('lang') ?? null,
        dir: document.querySelector('article')?.getAttribute('dir') ?? null,
        published: document.querySelector('.published')?.textContent ?? null,
        url: location.pathname,
      }));
      expect(state.fired, `${name}: script ran`).toEqual([]);
      expect(problems, name).toEqual([]);
      expect(state.url, `${name}: navigated away`).toBe('/index.html');
      if (kind === 'all') {
        expect(state.headline, name).toBe(t);
        expect(state.firstParagraph, name).toBe(t);
        expect(state.tag, name).toBe(t);
      } else if (kind === 'lang' || kind === 'dir') {
        // A hostile language or direction falls back (en; the language's direction).
        expect(state.lang, name).toBe('en');
        expect(state.dir, name).toBe('ltr');
        expect(state.headline, name).toBe('plain text');
      } else if (kind === 'published') {
        // A date that is not RFC 3339 is shown as written: as text.
        expect(state.published, name).toBe(`Published ${t}`);
      } else {
        expect(state.alert, name).toContain(`${kind}:`);
      }
    }
    expect(seen.pageErrors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.outside).toEqual([]);
  });
}

const FORMAT_CHUNK = 24;
for (let start = 0; start < formatDocs.length; start += FORMAT_CHUNK) {
  const chunk = formatDocs.slice(start, start + FORMAT_CHUNK);
  test(`hostile markup in publishers' formats ${start + 1}–${start + chunk.length} of ${formatDocs.length} stays inert`, async ({ page }) => {
    test.setTimeout(90_000);
    await armDetector(page);
    const seen = await watch(page);
    for (const { name } of chunk) {
      await page.goto(`index.html?src=/corpus/xss/${name}`);
      await expect(page.locator('.reader')).toHaveAttribute('aria-busy', 'false');
      expect(await page.evaluate(inspect, [...ALLOWED]), name).toEqual([]);
      expect(await page.evaluate(() => window.__fired), `${name}: script ran`).toEqual([]);
      expect(await page.evaluate(() => location.pathname), `${name}: navigated away`).toBe('/index.html');
    }
    expect(seen.pageErrors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.outside).toEqual([]);
  });
}
