// Release builds (make dist): cuts the wasm into a main module and modules loaded on demand
// (src/platform/on_demand.rs says how the code marks them), in Trunk's staging directory, in place
// of the unsplit wasm and glue Trunk made:
//   1. wasm-split-cli reads the wasm rustc linked (with its relocations) and writes the main
//      module, one module per on-demand point and the JavaScript that loads them;
//   2. wasm-bindgen (--keep-lld-exports: the modules use the main module's table and memory)
//      writes the glue and main wasm under Trunk's file names; wasm-opt then runs on every module
//      with the options of the page's `data-wasm-opt-params`;
//   3. the loader is put inside the glue (no extra request before the wasm can start), each module
//      gets a content-hashed name and is fetched with its Subresource Integrity hash, relative to
//      the glue (beside embed.js), and index.html's integrity hashes are rewritten to match. The
//      glue holds each module's SHA-256 once: its name is made from the hash's first 8 bytes (hex)
//      at run time (a hash does not compress; the glue is on the critical path).
// Usage: node split-wasm.mjs STAGE_DIR GLUE.js MODULE_bg.wasm LINKED.wasm HTML_WITH_OPT_PARAMS
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteIntegrity } from './integrity.mjs';

const [stage, glueFile, wasmFile, linked, html] = process.argv.slice(2);
if (!html) throw new Error('usage: split-wasm.mjs STAGE GLUE.js MODULE_bg.wasm LINKED.wasm HTML');
const stem = glueFile.replace(/\.js$/, '');
if (`${stem}_bg.wasm` !== wasmFile) throw new Error(`split-wasm: ${glueFile} and ${wasmFile} differ`);

const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'inherit'] });
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

// The same wasm-opt options as Trunk's run on the unsplit build: one source, the page's <link>.
const params = /data-wasm-opt-params="([^"]*)"/.exec(readFileSync(html, 'utf8'));
const level = /data-wasm-opt="([^"]*)"/.exec(readFileSync(html, 'utf8'));
if (!params || !level) throw new Error(`split-wasm: no data-wasm-opt / data-wasm-opt-params in ${html}`);
const optimise = (file) => run('wasm-opt', [`-O${level[1]}`, ...params[1].split(/\s+/).filter(Boolean), file, '-o', file]);

const work = mkdtempSync(join(tmpdir(), 'split-wasm-'));
try {
  const split = join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', stem, linked, split]);
  const modules = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (modules.length === 0) throw new Error('split-wasm: no on-demand module (was the wasm built with ARTICLE_READER_SPLIT=1?)');
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', bindgen, '--out-name', stem, join(split, `${stem}.wasm`)]);

  const oldGlue = readFileSync(join(stage, glueFile));
  const oldWasm = readFileSync(join(stage, wasmFile));
  const mainPath = join(bindgen, `${stem}_bg.wasm`);
  optimise(mainPath);
  const newWasm = readFileSync(mainPath);

  // The loader, with each module's hashed name and integrity.
  let link = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  // Which files each on-demand point fetches: its module and the chunks it shares with others
  // (fetched beside it). Written to target/split/ for the size test's paths, never served.
  const fetches = {};
  for (const [, file, deps] of link.matchAll(/fetch\(new URL\("\.\/(split_\w+)\.wasm"[\s\S]*?\n, \[([^\]]*)\]\)\)/g)) {
    fetches[file.replace(/^split_/, '')] = [file, ...[...deps.matchAll(/__(chunk_\d+)/g)].map((m) => m[1])];
  }
  const hashedOf = {};
  const report = [];
  for (const module of modules) {
    const path = join(split, module);
    optimise(path);
    const bytes = readFileSync(path);
    const name = module.replace(/^split_/, '').replace(/\.wasm$/, '');
    const digest = sha256(bytes);
    const hashed = `${stem}-${name}-${digest.subarray(0, 8).toString('hex')}.wasm`;
    const fetchCall = `fetch(new URL("./${module}", import.meta.url))`;
    if (!link.includes(fetchCall)) throw new Error(`split-wasm: the loader does not fetch ${module} as expected`);
    link = link.replace(fetchCall, `__fetchModule("${name}", "${digest.toString('base64')}")`);
    writeFileSync(join(stage, hashed), bytes);
    hashedOf[module.replace(/\.wasm$/, '')] = hashed;
    report.push(`${hashed} ${bytes.length} bytes`);
  }
  // The loader inside the glue: its import of the glue's initSync and its exports become local.
  const importInit = `import { initSync } from "./${stem}.js";`;
  if (!link.includes(importInit)) throw new Error('split-wasm: the loader does not import initSync as expected');
  link = link.replace(importInit, `// A module by its name and SHA-256 (base64): the file name carries the hash's first 8 bytes.
const __fetchModule = (name, hash) => fetch(new URL(\`./${stem}-\${name}-\${[...atob(hash).slice(0, 8)].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("")}.wasm\`, import.meta.url), { integrity: \`sha256-\${hash}\` });`);
  const loaders = [...link.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  link = link.replace(/^export const /gm, 'const ');
  let glue = readFileSync(join(bindgen, `${stem}.js`), 'utf8');
  // wasm-bindgen imports the loader once per on-demand point, each under a name of its own.
  const importsOfLink = [...glue.matchAll(/^import \* as (\w+) from "\.\/__wasm_split\.js";?$/gm)];
  if (importsOfLink.length === 0) throw new Error('split-wasm: the glue does not import the loader as expected');
  for (const [line] of importsOfLink) glue = glue.replace(line, '');
  const names = importsOfLink.map(([, name]) => name);
  glue += `\n// On-demand modules (scripts/split-wasm.mjs).\n${link}\nconst ${names[0]} = { ${loaders.join(', ')} };\n`;
  for (const name of names.slice(1)) glue += `const ${name} = ${names[0]};\n`;

  writeFileSync(join(stage, glueFile), glue);
  writeFileSync(join(stage, wasmFile), newWasm);
  const manifest = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'split');
  mkdirSync(manifest, { recursive: true });
  const files = Object.fromEntries(Object.entries(fetches).map(([point, list]) => [point, list.map((f) => hashedOf[f])]));
  if (Object.values(files).flat().some((f) => !f)) throw new Error('split-wasm: a module the loader fetches was not written');
  writeFileSync(join(manifest, `${stem}.json`), `${JSON.stringify(files, null, 1)}\n`);
  rewriteIntegrity(stage, [[oldGlue, Buffer.from(glue, 'utf8')], [oldWasm, newWasm]]);
  console.log(`split-wasm: ${wasmFile} ${oldWasm.length} -> ${newWasm.length} bytes; on demand: ${report.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
