// The pipe-text fixtures re-rendered the way other copies separate cells (tabs, runs of spaces,
// full-width or box-drawing bars, CRLF) or as a 繁體 mirror must give the same table and prose
// values as their truth; the HTML fixtures as crawler text must never be confidently wrong.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import * as OpenCC from 'opencc-js';
import { parseDocument } from 'htmlparser2';
import { Element, Text, type AnyNode } from 'domhandler';
import { decode } from '../../../src/main/core/normalize/decode';
import { fixture } from '../../support/tmp';

interface TruthDoc {
  file: string;
  fields: Record<string, number | string | null>;
}
const SEPARATORS: Record<string, (t: string) => string> = {
  'one cell per line': (t) => t.replace(/ \| /g, '\n'),
  tabs: (t) => t.replace(/ \| /g, '\t'),
  spaces: (t) => t.replace(/ \| /g, '  '),
  'full-width bars': (t) => t.replace(/ \| /g, ' ｜ '),
  'box-drawing bars': (t) => t.replace(/ \| /g, '│'),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  // a 繁體 mirror: 萬元, 條, 項 … in cells and headers
  traditional: (t) => toTraditional(t),
};
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cases = ['reports', 'handmade', 'awkward'].flatMap((dir) =>
  (JSON.parse(fs.readFileSync(fixture(dir, 'truth.json'), 'utf8')) as { documents: TruthDoc[] }).documents
    .filter((d) => d.file.endsWith('.txt'))
    .map((d) => ({ dir, doc: d, raw: fs.readFileSync(fixture(dir, d.file), 'utf8') }))
    .filter((c) => c.raw.includes(' | ')),
);

describe('cell separators of other copies', () => {
  it.each(Object.keys(SEPARATORS))('%s', (name) => {
    const wrong = cases.flatMap(({ doc, raw }) => {
      const got = new Map(extractFields(normalize(Buffer.from(SEPARATORS[name]!(raw)), doc.file), 'sha').fields.map((f) => [f.key, f.value]));
      return Object.entries(doc.fields)
        .filter(([k, v]) => !k.startsWith('meta.') && (got.get(k) ?? null) !== v)
        .map(([k, v]) => `${doc.file} ${k}: want ${v} got ${got.get(k) ?? null}`);
    });
    expect(cases.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});

// Web pages as crawlers store them: the page's text nodes joined with nothing (平潭's copies), with
// line breaks or with spaces (get_text). Cells may run together beyond repair; a value may then be
// wrong only where the reader says it is unsure, and nothing is invented with confidence.
const SKIP_TEXT = new Set(['script', 'style', 'head']);
function textNodes(node: AnyNode, out: string[]): string[] {
  if (node instanceof Text) {
    if (node.data.trim()) out.push(node.data.trim());
  } else if (node instanceof Element) {
    if (!SKIP_TEXT.has(node.name)) node.children.forEach((c) => textNodes(c, out));
  } else if ('children' in node) (node.children as AnyNode[]).forEach((c) => textNodes(c, out));
  return out;
}
const pages = ['variety', 'handmade'].flatMap((dir) =>
  (JSON.parse(fs.readFileSync(fixture(dir, 'truth.json'), 'utf8')) as { documents: TruthDoc[] }).documents
    .filter((d) => /\.html?$/u.test(d.file))
    .map((d) => {
      const bytes = fs.readFileSync(fixture(dir, d.file));
      const html = decode(bytes, (head) => /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1] ?? null).text;
      return { doc: d, parts: textNodes(parseDocument(html, { decodeEntities: true }), []) };
    }),
);

describe('web pages as crawler text', () => {
  // glued, blank cells leave no trace (h01's blank 总计 column): those rows can only be flagged
  it.each([
    ['glued', '', 0.9],
    ['one text node per line', '\n', 0.98],
    ['spaces', ' ', 0.98],
  ])('%s', (_name, sep, share) => {
    let right = 0;
    const sure: string[] = [];
    for (const { doc, parts } of pages) {
      const fields = new Map(extractFields(normalize(Buffer.from(parts.join(sep)), `${doc.file}.txt`), 'sha').fields.map((f) => [f.key, f]));
      for (const [k, v] of Object.entries(doc.fields)) {
        if (k.startsWith('meta.')) continue;
        const got = fields.get(k);
        if ((got?.value ?? null) === v) right++;
        else if ((got?.confidence ?? 0) >= 0.6) sure.push(`${doc.file} ${k}: want ${v} got ${got?.value} (${got?.confidence})`);
      }
      for (const [k, f] of fields) if (f.value !== null && !(k in doc.fields) && f.confidence >= 0.6) sure.push(`${doc.file} ${k}=${f.value} invented`);
    }
    expect(pages.length).toBeGreaterThan(15);
    expect(sure).toEqual([]);
    const total = pages.reduce((n, p) => n + Object.keys(p.doc.fields).filter((k) => !k.startsWith('meta.')).length, 0);
    expect(right / total).toBeGreaterThan(share);
  });
});
