// The JSON Schema of format v1 (docs/article-format.schema.json) states what the validator accepts:
// the sample, every v1 fixture and every document `convert` writes validate against it, and
// documents the validator refuses for their shape are refused by it too.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync('docs/article-format.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const valid = (doc) => (validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

test('the sample and every v1 fixture validate against the schema', () => {
  const files = ['assets/sample/article.json', ...readdirSync('tests/fixtures').filter((f) => f.endsWith('.json') && f !== 'html-cases.json').map((f) => `tests/fixtures/${f}`)];
  expect(files.length).toBeGreaterThan(4);
  for (const file of files) expect(valid(JSON.parse(readFileSync(file, 'utf8'))), file).toEqual([]);
});

test('what convert writes from every publishers\' format validates against the schema', () => {
  const files = readdirSync('tests/fixtures/formats').filter((f) => f.endsWith('.json') && !f.includes('organization'));
  // Each of the six formats, with its text elements, and a live blog.
  expect(files.length).toBeGreaterThanOrEqual(13);
  for (const file of files) {
    const out = execFileSync('cargo', ['run', '--quiet', '--', 'convert', `tests/fixtures/formats/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(valid(JSON.parse(out)), file).toEqual([]);
  }
});

test('shapes the validator refuses, the schema refuses', () => {
  const base = { version: '1', headline: 'h', body: [] };
  for (const wrong of [
    { ...base, version: '2' },
    { version: '1', body: [] },
    { ...base, body: {} },
    { ...base, body: [{ type: 'paragraph' }] },
    { ...base, body: [{ type: 'image', image: { alt: 'no src' } }] },
    { ...base, published: 20190721 },
    { ...base, comments: { count: -1 } },
    { ...base, authors: [{ url: 'https://a.example/' }] },
  ]) expect(valid(wrong), JSON.stringify(wrong)).not.toEqual([]);
});
