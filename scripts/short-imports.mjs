// Release builds: gives the wasm's imports from its JavaScript glue short names. wasm-bindgen
// names each import after the function and a 16-digit hash (`__wbg_createElement_8c99…`), about
// 40 characters, written twice — in the wasm's import section and as a key of the glue's import
// object — and hashes do not compress. Renamed here to `a`, `b`, … `aa` …, in both files at once;
// index.html's Subresource Integrity hashes are rewritten to match.
// Usage: node short-imports.mjs STAGE_DIR GLUE.js MODULE_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rewriteIntegrity } from './integrity.mjs';

const [stage, glueFile, wasmFile] = process.argv.slice(2);
const gluePath = join(stage, glueFile);
const wasmPath = join(stage, wasmFile);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}
function toLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}
const name = (index) => {
  // a … z, then aa … (never a JavaScript keyword: they are object keys, quoted or not).
  let text = '';
  let n = index;
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `_${text}`;
};

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmFile}: not a wasm module`);
let at = 8;
const parts = [wasm.subarray(0, 8)];
let renamed = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: module name, field name, then the import's kind and description.
  let p = body;
  const [count, first] = leb(wasm, p);
  p = first;
  const out = [...toLeb(count)];
  const seen = new Map();
  for (let i = 0; i < count; i++) {
    const [moduleLength, moduleStart] = leb(wasm, p);
    const module = wasm.subarray(moduleStart, moduleStart + moduleLength);
    p = moduleStart + moduleLength;
    const [fieldLength, fieldStart] = leb(wasm, p);
    const field = wasm.subarray(fieldStart, fieldStart + fieldLength).toString('utf8');
    p = fieldStart + fieldLength;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = leb(wasm, p); // function: type index
    else if (kind === 1 || kind === 2) { // table (element type first) or memory: limits
      if (kind === 1) p++;
      const flags = wasm[p++];
      [, p] = leb(wasm, p);
      if (flags & 1) [, p] = leb(wasm, p);
    } else if (kind === 3) p += 2; // global: value type, mutability
    else if (kind === 4) [, p] = leb(wasm, p + 1); // tag: attribute, type index
    else throw new Error(`${wasmFile}: import kind ${kind} unknown`);
    let short = field;
    // Only the glue's functions, whose key appears exactly once in the glue.
    const key = new RegExp(`(?<![\\w$])${field.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
    if (kind === 0 && field.startsWith('__wbg') && (glue.match(key) || []).length === 1) {
      short = seen.get(field) ?? name(renamed++);
      seen.set(field, short);
      glue = glue.replace(key, short);
    }
    const fieldBytes = Buffer.from(short, 'utf8');
    out.push(...toLeb(moduleLength), ...module, ...toLeb(fieldBytes.length), ...fieldBytes, ...wasm.subarray(descStart, p));
  }
  if (p !== end) throw new Error(`${wasmFile}: import section read to ${p}, expected ${end}`);
  parts.push(Buffer.from([2, ...toLeb(out.length), ...out]));
  at = end;
}

const oldGlue = readFileSync(gluePath);
const newWasm = Buffer.concat(parts);
rewriteIntegrity(stage, [[oldGlue, Buffer.from(glue, 'utf8')], [wasm, newWasm]]);
writeFileSync(gluePath, glue);
writeFileSync(wasmPath, newWasm);
console.log(`short-imports: ${renamed} imports renamed in ${wasmFile} (${wasm.length} -> ${newWasm.length} bytes)`);
