// The real local servers of the end-to-end tests, all on 127.0.0.1:
//   4173  page mode: the release build (dist/), the fixtures, and endpoints that fail the ways
//         article servers fail;
//   4301  a third-party host page (examples/host-page/, and test pages in tests/e2e/host/) sent
//         with a strict CSP and Trusted Types;
//   4302  the reader's own origin for embed mode: dist/ with CORS;
//   4303  an article API on a third origin: the fixtures with CORS.
// `node tests/e2e/server.mjs` runs them all; the embed example is then at http://127.0.0.1:4301/.
// ONLY=app PORT=n DIST=dir runs page mode alone on another port from another build: the offline
// tests stop that process to go offline for real, and the update test swaps builds under it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const PORTS = { app: 4173, host: 4301, reader: 4302, api: 4303 };
const dist = resolve(root, process.env.DIST || 'dist');
const origin = (port) => `http://127.0.0.1:${port}`;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const HOST_CSP = [
  `script-src 'self' ${origin(PORTS.reader)} 'wasm-unsafe-eval'`,
  `style-src 'self' ${origin(PORTS.reader)}`,
  `require-trusted-types-for 'script'`,
  `report-uri /csp-report`,
].join('; ');

const cspReports = [];

async function serveFile(res, mounts, path, headers = {}) {
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
    if (!file.startsWith(dir)) break;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain', ...headers });
  res.end('not found');
}

const healed = new Set();
/** Keys of fault requests whose connection the client closed before the server ended it. */
const abandoned = new Set();
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4b70000000049454e44ae426082', 'hex');

/** The one fault endpoint, for every test: `/faults/<kind>/<key>.json` fails as `kind` says until
 * `/faults/heal/<key>` is requested, then serves a valid article (for "Try again"). `503-once`
 * heals itself after its first answer. `/faults/abandoned/<key>` answers whether the client gave
 * up on the body that never ends (`endless`): proof that the reader's own limit cut it. (A `silent`
 * request cannot tell: page mode's service worker keeps its own fetch open.) */
function faultMatrix(req, res, path, headers) {
  let m;
  if ((m = path.match(/^\/faults\/heal\/([\w-]+)$/))) {
    healed.add(m[1]);
    res.writeHead(204, headers);
    return res.end();
  }
  if ((m = path.match(/^\/faults\/abandoned\/([\w-]+)$/))) {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    return res.end(JSON.stringify(abandoned.has(m[1])));
  }
  if (!(m = path.match(/^\/faults\/([\w-]+)\/([\w-]+)\.json$/))) return null;
  const [, kind, key] = m;
  if (healed.has(key)) return serveFile(res, [['/', join(root, 'tests/fixtures')]], '/all-blocks.json', headers);
  if (kind === '503-once') {
    healed.add(key);
    res.writeHead(503, { 'content-type': 'text/plain', ...headers });
    return res.end('try later');
  }
  const json = { 'content-type': 'application/json', ...headers };
  switch (kind) {
    case '404': case '410': case '500':
      res.writeHead(Number(kind), { 'content-type': 'text/plain', ...headers });
      return res.end(`error ${kind}`);
    case '429':
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '30', ...headers });
      return res.end('slow down');
    case '503':
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '120', ...headers });
      return res.end('<h1>Maintenance</h1>');
    case 'login':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      return res.end('<!doctype html><title>Sign in</title><form><input name=user><script>window.__loginPageScriptRan = true; alert(1)</script></form>');
    case 'not-json':
      res.writeHead(200, json);
      return res.end('Service temporarily unavailable');
    case 'wrong-type':
      res.writeHead(200, { 'content-type': 'image/png', ...headers });
      return res.end(PNG);
    case 'truncated':
      res.writeHead(200, { ...json, 'content-length': '5000' });
      res.write('{"version":"1","headline":"Cut off","body":[{"type":"paragraph","content":"The');
      return setTimeout(() => res.socket?.destroy(), 50);
    case 'endless': {
      res.writeHead(200, json);
      res.write('{"version":"1","headline":"Never ends","body":[');
      const drip = setInterval(() => res.write(' '), 100);
      return res.on('close', () => {
        clearInterval(drip);
        abandoned.add(key);
      });
    }
    case 'silent':
      return true; // accepted, never answered
    case 'redirect-loop':
      res.writeHead(302, { location: path, ...headers });
      return res.end();
    default:
      res.writeHead(400, headers);
      return res.end('unknown fault');
  }
}

const CORS = { 'access-control-allow-origin': '*' };

/** A document that changes under the same address, as a publisher's does: `GET /versioned/NAME`
 * answers the fixture last chosen for it by `PUT /versioned/NAME?from=/fixtures/….json`. */
const versions = new Map();
function versioned(req, res, path) {
  if (!path.startsWith('/versioned/')) return undefined;
  if (req.method === 'PUT') {
    versions.set(path, new URL(req.url, 'http://127.0.0.1').searchParams.get('from'));
    res.writeHead(204);
    return res.end();
  }
  const from = versions.get(path);
  if (!from?.startsWith('/fixtures/')) {
    res.writeHead(404);
    return res.end();
  }
  return serveFile(res, [['/fixtures/', join(root, 'tests/fixtures')]], from);
}

const roles = {
  app: (req, res, path) =>
    versioned(req, res, path) ??
    faultMatrix(req, res, path, {}) ??
    serveFile(res, [['/fixtures/', join(root, 'tests/fixtures')], ['/corpus/', join(root, 'target/corpus')], ['/jsontestsuite/', join(root, '../shared/corpora/jsontestsuite/test_parsing')], ['/', dist]], path),
  host: async (req, res, path) => {
    if (path === '/csp-report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      cspReports.push(body);
      res.writeHead(204);
      return res.end();
    }
    if (path === '/csp-reports') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(cspReports));
    }
    return serveFile(
      res,
      [['/test/', join(root, 'tests/e2e/host')], ['/', join(root, 'examples/host-page')]],
      path,
      { 'content-security-policy': HOST_CSP },
    );
  },
  reader: (req, res, path) => serveFile(res, [['/', dist]], path, CORS),
  api: (req, res, path) =>
    faultMatrix(req, res, path, CORS) ??
    serveFile(res, [['/fixtures/', join(root, 'tests/fixtures')]], path, CORS),
};

const only = process.env.ONLY;
const ports = only ? { [only]: Number(process.env.PORT) } : PORTS;
for (const [role, port] of Object.entries(ports)) {
  createServer((req, res) => {
    const path = new URL(req.url, origin(port)).pathname;
    Promise.resolve(roles[role](req, res, path)).catch((error) => {
      res.writeHead(500);
      res.end(String(error));
    });
  }).listen(port, '127.0.0.1', () => console.log(`${role} on ${origin(port)}/`));
}
