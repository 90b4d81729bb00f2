// Page mode only: registers the service worker, offers a reload when a new version is ready (never
// a silent switch that would mix an open page's JS with new wasm), and shows the offline hint.
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

register().catch((error) => console.error('[article-reader] service worker:', error));
