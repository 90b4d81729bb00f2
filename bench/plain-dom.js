// The yardstick: format v1 rendered by plain DOM code (createElement/textContent, no framework),
// with the same DOM, classes, URL policy and date formatting as the widget, so the benchmark
// compares like with like.
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v != null) node.setAttribute(k, v);
  node.append(...children.filter((c) => c != null));
  return node;
};
const rel = { rel: 'noopener noreferrer', target: '_blank' };

async function main() {
  const root = document.getElementById('reader');
  const container = el('div', { class: 'reader', 'aria-busy': 'true', 'data-theme': 'auto' });
  root.append(container);
  const src = new URL(new URLSearchParams(location.search).get('src'), location.href).href;
  const response = await fetch(src, { headers: { Accept: 'application/json' } });
  const doc = JSON.parse(await response.text());
  const safe = (u) => {
    try {
      const url = new URL(u, src);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch {
      return null;
    }
  };
  const dateFormat = new Intl.DateTimeFormat(doc.lang || 'en', { dateStyle: 'long' });
  const time = (d) => el('time', { datetime: d }, dateFormat.format(new Date(d)));
  const MARKS = { strong: 'strong', em: 'em', underline: 'u', strike: 's', code: 'code', sub: 'sub', sup: 'sup' };
  const inline = (content) =>
    (typeof content === 'string' ? [content] : content).map((run) => {
      if (typeof run === 'string') return document.createTextNode(run);
      let node = document.createTextNode(run.text);
      for (const mark of [...(run.marks || [])].reverse()) if (MARKS[mark]) node = el(MARKS[mark], {}, node);
      const href = run.href && safe(run.href);
      return href ? el('a', { href, ...rel }, node) : node;
    });
  const figure = (img, lead) => {
    const src = safe(img.src);
    const caption = img.caption || img.credit
      ? el('figcaption', {}, img.caption ? el('span', { class: 'caption' }, ...inline(img.caption)) : null,
          img.credit ? el('small', { class: 'credit' }, img.credit.text) : null)
      : null;
    return el('figure', { class: lead ? 'figure figure-lead' : 'figure' },
      src ? el('img', { src, alt: img.alt, width: img.width, height: img.height, loading: lead ? 'eager' : 'lazy', decoding: 'async' }) : null,
      caption);
  };
  const block = (b) => {
    switch (b.type) {
      case 'paragraph': return el('p', {}, ...inline(b.content));
      case 'heading': return el(`h${Math.min(4, Math.max(2, b.level || 2))}`, {}, ...inline(b.content));
      case 'image': return figure(b.image);
      case 'quote': return el('div', { class: 'quote' }, el('blockquote', {}, el('p', {}, ...inline(b.content))));
      case 'list': return el(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((i) => el('li', {}, ...inline(i))));
      case 'divider': return el('hr');
      default: return null;
    }
  };
  // The widget's reading time, roughly: the words of the headline, summary and text over 230 a minute.
  const text = (content) => (typeof content === 'string' ? content : (content || []).map((r) => (typeof r === 'string' ? r : r.text)).join(''));
  const readingMinutes = (d) => {
    const words = [d.headline, ...(d.summary || []).map(text), ...d.body.map((b) => text(b.content))].join(' ').split(/\s+/).filter(Boolean).length;
    return Math.max(1, Math.round(words / 230));
  };
  const canonical = safe(doc.url) || location.href;
  const share = el('div', { class: 'share', role: 'group', 'aria-label': 'Share this article' },
    el('button', { type: 'button', class: 'reader-button share-copy' }, 'Copy link'),
    ...[['X', 'https://x.com/intent/tweet?url='], ['Facebook', 'https://www.facebook.com/sharer/sharer.php?u=']].map(([name, base]) =>
      el('a', { class: 'share-link', href: base + encodeURIComponent(canonical), 'aria-label': `Share on ${name}`, ...rel }, name)));
  share.querySelector('button').addEventListener('click', () => navigator.clipboard.writeText(canonical));
  const article = el('article', { class: 'article', lang: doc.lang || 'en', dir: doc.dir || 'ltr' },
    el('header', { class: 'article-header' },
      doc.site?.name ? el('p', { class: 'site' }, safe(doc.site.url) ? el('a', { href: safe(doc.site.url), ...rel }, doc.site.name) : doc.site.name) : null,
      el('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, el('ol', {}, ...(doc.section || []).map((s) =>
        el('li', {}, safe(s.url) ? el('a', { href: safe(s.url), ...rel }, s.name) : el('span', {}, s.name))))),
      el('h1', { class: 'headline' }, doc.headline),
      ...(doc.summary || []).map((s) => el('p', { class: 'summary' }, ...inline(s))),
      el('div', { class: 'byline' },
        doc.authors?.length ? el('p', { class: 'authors' }, 'By ', ...doc.authors.flatMap((a, i) =>
          [i ? ', ' : null, el('span', { class: 'author' }, el('bdi', {}, a.name))].filter((n) => n != null))) : null,
        el('p', { class: 'dates' },
          doc.published ? el('span', { class: 'published' }, 'Published ', time(doc.published)) : null,
          el('span', { class: 'reading-time' }, `${readingMinutes(doc)} min read`)))),
    doc.lead_image ? figure(doc.lead_image, true) : null,
    el('div', { class: 'article-body' }, ...doc.body.map(block)),
    el('footer', { class: 'article-footer' }, share),
    el('section', { class: 'related', 'aria-label': 'Related stories' }, el('h2', {}, 'Related stories'),
      el('ul', { class: 'related-list' }, ...(doc.related || []).map((r) =>
        el('li', { class: 'related-card' },
          r.image && safe(r.image.src) ? el('img', { class: 'related-image', src: safe(r.image.src), alt: r.image.alt, width: r.image.width, height: r.image.height, loading: 'lazy' }) : null,
          el('h3', { class: 'related-headline' }, safe(r.url) ? el('a', { href: safe(r.url), ...rel }, r.headline) : r.headline),
          r.published ? el('p', { class: 'related-date' }, time(r.published)) : null)))));
  container.append(article);
  container.setAttribute('aria-busy', 'false');
}

main();
