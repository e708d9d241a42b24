// The consistency rules choosing among OCR alternatives of table figures: real rules, a page of OCR
// words placed where the fields' boxes are.
import { describe, expect, it } from 'vitest';
import { CHOSEN_CONFIDENCE, chooseOcrAlternatives } from '../../../src/main/core/validate/ocr-choices';
import type { PositionedPage, Word } from '../../../src/main/core/normalize/positioned-types';
import type { ExtractedField } from '../../../src/shared/model';

/** 表四 行政复议: 维持, 纠正, 其他, 未审结, 总计 in one row of cells 40 pt apart; alternatives per column. */
function review(values: number[], alts: Record<number, string[]> = {}, source: PositionedPage['source'] = 'ocr'): { fields: ExtractedField[]; pages: PositionedPage[] } {
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  const words: Word[] = values.map((v, i) => ({ text: String(v), x: 100 + 40 * i, y: 300, w: 8, h: 10, conf: 0.8, ...(alts[i] ? { alts: alts[i] } : {}) }));
  const fields = values.map((v, i): ExtractedField => ({ key: `t4.review.${cols[i]}`, value: v, text: String(v), confidence: 0.8, status: 'auto', source: { sha256: 'x', page: 2, box: [100 + 40 * i, 300, 8, 10] } }));
  return { fields, pages: [{ page: 2, width: 595, height: 842, words, source }] };
}
const values = (fs: readonly ExtractedField[]): unknown[] => fs.map((f) => f.value);

describe('OCR alternatives chosen by the consistency rules', () => {
  it('takes the alternative that mends a failing total, lowers its confidence and says so', () => {
    const { fields, pages } = review([3, 9, 0, 1, 4], { 1: ['0', '4'] });
    const out = chooseOcrAlternatives(fields, pages);
    expect(values(out)).toEqual([3, 0, 0, 1, 4]);
    expect(out[1]).toMatchObject({ text: '0', confidence: CHOSEN_CONFIDENCE, note: expect.stringContaining('读作 9') });
    expect(out.filter((f, i) => f !== fields[i])).toHaveLength(1);
  });

  it('changes nothing while every rule passes, whatever the alternatives', () => {
    const { fields, pages } = review([3, 0, 0, 1, 4], { 1: ['9'], 4: ['7'] });
    expect(chooseOcrAlternatives(fields, pages)).toEqual(fields);
  });

  it('leaves a total that two alternatives mend alike to the reviewer', () => {
    // 3+5+0+1 ≠ 4: 5 → 0 mends it, and so does 4 → 9
    const { fields, pages } = review([3, 5, 0, 1, 4], { 1: ['0'], 4: ['9'] });
    expect(chooseOcrAlternatives(fields, pages)).toEqual(fields);
  });

  it('takes no alternative that breaks a passing rule', () => {
    // 3+0+0+1 ≠ 5; the total 5 → 4 would mend 表四 but break the prose's 行政复议 5 次
    const prose: ExtractedField = { key: 'n.review_count', value: 5, text: '5', confidence: 1, status: 'auto', source: { sha256: 'x', span: [0, 1] } };
    const { fields, pages } = review([3, 0, 0, 1, 5], { 4: ['4'] });
    expect(chooseOcrAlternatives([...fields, prose], pages)).toEqual([...fields, prose]);
    // offered too, 其他 0 → 1 mends 表四 and breaks nothing
    const { fields: again, pages: page } = review([3, 0, 0, 1, 5], { 2: ['1'], 4: ['4'] });
    expect(values(chooseOcrAlternatives([...again, prose], page))).toEqual([3, 0, 1, 1, 5, 5]);
  });

  it('reads no alternatives from a text layer', () => {
    const { fields, pages } = review([3, 9, 0, 1, 4], { 1: ['0'] }, 'text');
    expect(chooseOcrAlternatives(fields, pages)).toEqual(fields);
  });
});
