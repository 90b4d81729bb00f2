// A real local server for the end-to-end tests: the release build from dist/, the test fixtures,
// and endpoints that fail the ways article servers fail. Listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const mounts = [
  ['/fixtures/', join(root, 'tests/fixtures')],
  ['/', join(root, 'dist')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const port = Number(process.env.PORT || 4173);
const attempts = new Map();

async function serveFile(res, path) {
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length))));
    if (!file.startsWith(dir)) break;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  const path = url.pathname;
  let m;
  if ((m = path.match(/^\/fault\/status\/(\d{3})$/))) {
    res.writeHead(Number(m[1]), { 'content-type': 'text/plain' });
    return res.end(`status ${m[1]}`);
  }
  if (path === '/fault/login-page') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><html><body><form><input name=user><script>window.__loginPageScriptRan = true</script></form></body></html>');
  }
  if (path === '/fault/not-json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('this is not json');
  }
  if ((m = path.match(/^\/flaky\/([\w-]+)\.json$/))) {
    // The first request for a key fails with 503, every later one gets a valid article.
    const n = (attempts.get(m[1]) || 0) + 1;
    attempts.set(m[1], n);
    if (n === 1) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      return res.end('try later');
    }
    return serveFile(res, '/fixtures/all-blocks.json');
  }
  return serveFile(res, path);
});

server.listen(port, '127.0.0.1', () => console.log(`test server on http://127.0.0.1:${port}/`));
