// The benchmark's server on 127.0.0.1: the release build (dist/) at /, the yardstick page and its
// script at /bench/, the generated articles at /bench/docs/. Text and wasm are sent gzip'd (level 9,
// as the size report counts) to clients that ask for it, as a production host would.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/** Starts the server on `port`; resolves to it (close it with `server.close()`). */
export async function serve({ root, dist, docs, port }) {
  const readerCss = readdirSync(dist).find((f) => /^reader-.*\.css$/.test(f));
  const gzipped = new Map();
  const mounts = [
    ['/bench/reader.css', join(dist, readerCss)],
    ['/bench/docs/', docs],
    ['/bench/', join(root, 'bench')],
    ['/', dist],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, target] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = prefix.endsWith('/') ? normalize(join(target, path.slice(prefix.length))) : target;
      if (!file.startsWith(target)) break;
      let body;
      try {
        body = readFileSync(file);
      } catch {
        break;
      }
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      return res.end(body);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return server;
}
