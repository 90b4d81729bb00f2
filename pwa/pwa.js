// Page mode only: starts downloading the article while the wasm compiles, registers the service
// worker, offers a reload when a new version is ready (never a silent switch that would mix an open
// page's JS with new wasm), and shows the offline hint.

// The reader's own request for the document (same URL, CORS, same-origin credentials) then finds
// this preload instead of starting only once the wasm runs. Only http(s), as the URL policy says.
{
  const src = new URLSearchParams(location.search).get('src')?.trim() || 'sample/article.json';
  const url = new URL(src, document.baseURI);
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'fetch';
    preload.crossOrigin = 'anonymous';
    preload.href = url.href;
    document.head.append(preload);
  }
}
const offlineHint = document.getElementById('offline-hint');
const updatePrompt = document.getElementById('update-prompt');

function showConnectivity() {
  // navigator.onLine is only a hint: false is reliable, true is not proof of a connection.
  offlineHint.hidden = navigator.onLine;
}
addEventListener('online', showConnectivity);
addEventListener('offline', showConnectivity);
showConnectivity();

async function register() {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.register('sw.js');
  if (!registration) return;
  let reloadWanted = false;
  const offer = (worker) => {
    updatePrompt.hidden = false;
    updatePrompt.querySelector('button').addEventListener('click', () => {
      reloadWanted = true;
      worker.postMessage('skip-waiting');
    }, { once: true });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadWanted) location.reload();
  });
}

// After the page has loaded: registering (and the worker's first precache) must not compete with
// the first render.
const registerWhenLoaded = () => register().catch((error) => console.error('[article-reader] service worker:', error));
if (document.readyState === 'complete') registerWhenLoaded();
else addEventListener('load', registerWhenLoaded, { once: true });
