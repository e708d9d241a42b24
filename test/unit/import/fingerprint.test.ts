import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bands, isInformative, minhash, similarity } from '../../../src/main/core/import/fingerprint';
import { fixture } from '../../support/tmp';

const seed = (n: string): string => {
  const dir = fixture('seeds');
  return fs.readFileSync(`${dir}/${fs.readdirSync(dir).find((f) => f.startsWith(n))!}`, 'utf8');
};

describe('minhash fingerprint', () => {
  it('sees the same report under different page chrome as near-identical', () => {
    const body = seed('000');
    const a = minhash(`首页 > 政务公开 > 年报\n${body}\n【打印】【关闭】`);
    const b = minhash(`您现在的位置：网站首页\n${body.replace(/\n/g, '\n\n')}\n版权所有：某某县人民政府`);
    expect(similarity(a, b)).toBeGreaterThan(0.85);
    expect(bands(a).some((h, i) => h === bands(b)[i])).toBe(true);
  });

  it('keeps different reports apart', () => {
    expect(similarity(minhash(seed('000')), minhash(seed('003')))).toBeLessThan(0.3);
  });

  it('marks empty text as uninformative', () => {
    expect(isInformative(minhash('— —'))).toBe(false);
    expect(isInformative(minhash(seed('004')))).toBe(true);
  });
});
