// Deterministic benchmark articles (format v1) and their pictures, written to target/bench/.
//   short: ~600 words, lead and body images, 3 related cards
//   long:  10,000 words, 60 related cards
//   huge:  100,000 words, 60 related cards
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const OUT = 'target/bench';
export const SIZES = {
  short: { words: 600, related: 3, images: 2 },
  long: { words: 10_000, related: 60, images: 10 },
  huge: { words: 100_000, related: 60, images: 20 },
};

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const VOCABULARY = ('the council river bridge vote city mayor plan budget school water road harbour ferry ' +
  'market winter summer report minister health green energy housing transport people said would ' +
  'after before during while because which their there about across between under over new old').split(' ');
const word = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)];
const sentence = (n) => {
  const words = Array.from({ length: n }, word);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};

function png(width, height, rgb) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  // 16-pixel blocks of noise around the colour: a picture with as much detail per pixel as a
  // photograph's JPEG (Chrome does not count a near-empty picture as the largest contentful paint).
  let state = width * 31 + height;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) >> 16) % 64 - 32;
  const clamp = (v) => Math.max(0, Math.min(255, v));
  const rows = [];
  for (let by = 0; by < height; by += 16) {
    const row = Buffer.alloc(1 + width * 3);
    for (let bx = 0; bx < width; bx += 16) {
      const pixel = rgb.map((c) => clamp(c + noise()));
      for (let x = bx; x < Math.min(width, bx + 16); x++) row.set(pixel, 1 + x * 3);
    }
    for (let y = by; y < Math.min(height, by + 16); y++) rows.push(row);
  }
  const raw = Buffer.concat(rows);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function article(name, { words, related, images }) {
  seed = 42;
  const body = [];
  let count = 0;
  let paragraphs = 0;
  const imageEvery = Math.max(1, Math.floor(words / 60 / (images + 1)));
  while (count < words) {
    const n = Math.min(60, words - count);
    const content = random() < 0.3
      ? [sentence(Math.floor(n / 2)), ' ', { text: word(), marks: ['em'] }, ' ', { text: 'a link', href: 'https://example.org/' }, ' ', sentence(n - Math.floor(n / 2) - 3)]
      : sentence(n);
    body.push({ type: 'paragraph', content });
    count += n;
    paragraphs += 1;
    if (paragraphs % 8 === 0) body.push({ type: 'heading', level: 2, content: sentence(5).slice(0, -1) });
    if (paragraphs % imageEvery === 0 && body.filter((b) => b.type === 'image').length < images) {
      body.push({ type: 'image', image: { src: 'img/body.png', alt: 'A body picture', width: 800, height: 450, caption: sentence(8), credit: { text: 'Bench Agency' } } });
    }
  }
  return {
    version: '1',
    url: `https://news.example/bench/${name}`,
    lang: 'en',
    site: { name: 'Bench Gazette', url: 'https://news.example/' },
    section: [{ name: 'News', url: 'https://news.example/news' }, { name: 'Bench' }],
    headline: `Benchmark article: ${name}`,
    summary: [sentence(20)],
    authors: [{ name: 'Ada Writer' }],
    published: '2024-03-05T09:30:00Z',
    lead_image: { src: 'img/lead.png', alt: 'A lead picture', width: 1200, height: 675, caption: sentence(10), credit: { text: 'Bench Photos' } },
    body,
    related: Array.from({ length: related }, (_, i) => ({
      headline: `Related story ${i + 1}: ${sentence(6).slice(0, -1)}`,
      url: `https://news.example/bench/related-${i + 1}`,
      section: 'News',
      published: '2024-03-01',
      image: { src: 'img/card.png', alt: '', width: 320, height: 180 },
    })),
    comments: { count: 3 },
    share: { hashtags: ['bench'] },
  };
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const runsHtml = (content) =>
  (typeof content === 'string' ? [content] : content)
    .map((run) => {
      if (typeof run === 'string') return escape(run);
      let html = escape(run.text);
      if (run.marks?.includes('em')) html = `<em>${html}</em>`;
      return run.href ? `<a href="${escape(run.href)}">${html}</a>` : html;
    })
    .join('');

/** The same article as a WordPress REST answer (`?_embed`, an array of posts: the others become
 * the related cards), its body as the HTML WordPress renders. */
function wordpress(doc) {
  const html = doc.body
    .map((b) => {
      if (b.type === 'paragraph') return `<p>${runsHtml(b.content)}</p>`;
      if (b.type === 'heading') return `<h2 class="wp-block-heading">${runsHtml(b.content)}</h2>`;
      const i = b.image;
      return `<figure class="wp-block-image"><img src="${i.src}" alt="${escape(i.alt)}" width="${i.width}" height="${i.height}" class="wp-image-1" style="object-fit:cover"><figcaption>${escape(i.caption)}</figcaption></figure>`;
    })
    .join('\n');
  const post = {
    id: 1, link: doc.url, date_gmt: '2024-03-05T09:30:00', title: { rendered: escape(doc.headline) },
    excerpt: { rendered: `<p>${escape(doc.summary[0])}</p>` }, content: { rendered: html },
    _embedded: {
      author: [{ name: 'Ada Writer', link: 'https://news.example/author/ada/' }],
      'wp:featuredmedia': [{ source_url: doc.lead_image.src, alt_text: doc.lead_image.alt, caption: { rendered: doc.lead_image.caption }, media_details: { width: 1200, height: 675, image_meta: { credit: 'Bench Photos' } } }],
      'wp:term': [[{ name: 'News', taxonomy: 'category', link: 'https://news.example/news' }]],
    },
  };
  const others = doc.related.map((r, i) => ({ id: i + 2, link: r.url, date_gmt: '2024-03-01T00:00:00', title: { rendered: escape(r.headline) }, content: { rendered: '' } }));
  return [post, ...others];
}

export function generate() {
  mkdirSync(`${OUT}/docs/img`, { recursive: true });
  writeFileSync(`${OUT}/docs/img/lead.png`, png(1200, 675, [40, 90, 160]));
  writeFileSync(`${OUT}/docs/img/body.png`, png(800, 450, [60, 140, 90]));
  writeFileSync(`${OUT}/docs/img/card.png`, png(320, 180, [170, 80, 60]));
  const stats = {};
  for (const [name, size] of Object.entries(SIZES)) {
    const doc = article(name, size);
    writeFileSync(`${OUT}/docs/${name}.json`, JSON.stringify(doc));
    stats[name] = { related: doc.related.length, blocks: doc.body.length };
    if (name === 'long') writeFileSync(`${OUT}/docs/long-wordpress.json`, JSON.stringify(wordpress(doc)));
    // The critical path's documents: the short article in Arabic (another UI table) and as a
    // WordPress answer (the publishers' formats and the HTML allowlist).
    if (name === 'short') {
      writeFileSync(`${OUT}/docs/short-ar.json`, JSON.stringify({ ...doc, lang: 'ar' }));
      writeFileSync(`${OUT}/docs/short-wordpress.json`, JSON.stringify(wordpress(doc)));
    }
  }
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(generate());
