// The article reader's service worker (page mode only; embed.js never registers it).
//
// Hand-written rather than Workbox: the strategies needed are three short functions, the article
// strategy needs the reader's own validation (which lives in the wasm, so the page stores articles
// and this worker only serves them), and Workbox would need a bundler and ~20 KB of runtime for it.
//
//   app shell   precached at install from the list the build writes below (hashed names, so it is
//               always right), served cache-first; a new version waits until the reader reloads;
//   articles    (requests with Accept: application/json, and the page's preload of the document,
//               whose destination is empty like fetch()'s) network first; after a short wait, or
//               on failure, the saved copy; never written here;
//   images      the saved copy first, else the network.

const VERSION = '__ARTICLE_READER_VERSION__';
const PRECACHE = __ARTICLE_READER_PRECACHE__;
const SHELL = `article-reader-shell-${VERSION}`;
const ARTICLES = 'article-reader-articles';
const IMAGES = 'article-reader-images';
const SAVED_COPY_AFTER_MS = 3000;

const scope = () => new URL(self.registration.scope);
const shellUrls = () => new Set(PRECACHE.map((path) => new URL(path, scope()).href));

self.addEventListener('install', (event) => {
  // Atomic: one failed response fails the install, and the old version stays in charge.
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('article-reader-shell-') && key !== SHELL) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page sends this only when the reader chose to reload into the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const base = scope();
  if (request.mode === 'navigate' && url.origin === base.origin && (url.pathname === base.pathname || url.pathname === `${base.pathname}index.html`)) {
    event.respondWith(fromShell(new URL('index.html', base).href, request));
  } else if (shellUrls().has(url.origin + url.pathname)) {
    event.respondWith(fromShell(url.origin + url.pathname, request));
  } else if ((request.headers.get('accept') || '').includes('application/json') || request.destination === '') {
    event.respondWith(article(request));
  } else if (request.destination === 'image') {
    event.respondWith(image(request));
  }
});

async function fromShell(key, request) {
  const cached = await caches.match(key, { cacheName: SHELL });
  return cached || fetch(request);
}

async function article(request) {
  const saved = await caches.match(request.url, { cacheName: ARTICLES });
  const network = fetch(request);
  if (!saved) {
    try {
      return await network;
    } catch {
      return new Response('offline and not saved', {
        status: 503,
        headers: { 'content-type': 'text/plain', 'x-article-reader': 'offline-not-saved' },
      });
    }
  }
  network.catch(() => {});
  const late = new Promise((resolve) => setTimeout(() => resolve(null), SAVED_COPY_AFTER_MS));
  try {
    const response = await Promise.race([network, late]);
    if (response && response.ok) return response;
  } catch {
    // unreachable server: the saved copy below
  }
  const headers = new Headers(saved.headers);
  headers.set('x-article-reader', 'saved-copy');
  return new Response(await saved.blob(), { status: 200, headers });
}

async function image(request) {
  const saved = await caches.match(request.url, { cacheName: IMAGES });
  return saved || fetch(request);
}
