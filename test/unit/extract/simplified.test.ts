import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { simplified } from '../../../src/main/core/extract/labels/canon';
import { fixture } from '../../support/tmp';

/** every text fixture: simplified reports, 繁體 mirror copies, GBK pages decoded as UTF-8 garbage */
function texts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return texts(p);
    return /\.(txt|html?|md)$/.test(e.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

describe('simplified (繁→简, converting only the lines a dictionary entry can change)', () => {
  it('gives what the OpenCC converter gives for the whole text', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    let changed = 0;
    for (const text of texts(fixture('.'))) {
      // long texts (cached as the last whole text) and short ones (labels)
      for (const s of [text, text.slice(0, 999), `反覆\n${text.slice(0, 200)}\n乾隆年間 回覆`]) {
        const want = convert(s);
        expect(simplified(s)).toBe(want);
        if (want !== s) changed++;
      }
    }
    expect(changed).toBeGreaterThan(10);
  });
});
