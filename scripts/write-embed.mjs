// Writes dist/embed.js (to standard output) from embed/embed.js with the names of this build's
// hashed glue, wasm and stylesheet in place of the unhashed ones it is written with (so that the
// source runs as written beside a development build). Everything else in it, the element's
// attributes and the error view's words among them, build.rs has already written from
// shared-names.json and ui/.
// Usage: node write-embed.mjs SOURCE_DIR GLUE WASM CSS
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, glue, wasm, css] = process.argv.slice(2);
if (!css) throw new Error('usage: write-embed.mjs SOURCE_DIR GLUE WASM CSS');

let text = readFileSync(join(source, 'embed', 'embed.js'), 'utf8');
for (const [name, file] of [['GLUE', glue], ['WASM', wasm], ['CSS', css]]) {
  const line = new RegExp(`^const ${name} = '[^']*';$`, 'm');
  if (!line.test(text)) throw new Error(`embed/embed.js: no line "const ${name} = '…';"`);
  if (!/^[\w.-]+$/.test(file)) throw new Error(`write-embed.mjs: unexpected file name ${file}`);
  text = text.replace(line, `const ${name} = './${file}';`);
}
process.stdout.write(text);
