import { describe, expect, it } from 'vitest';
import { cuts, plausibility } from '../../../src/main/core/extract/tables/segment';
import { matchRow, suffixScore } from '../../../src/main/core/extract/tables/match';
import { LAYOUT_TABLES } from '../../../src/main/core/extract/tables/schema';
import { extractTables } from '../../../src/main/core/extract/tables';

describe('digit-run cuts', () => {
  it('never gives a piece a leading zero', () => {
    expect(cuts('230000023', 7).filter((c) => c.reduce((a, b, i) => (i < 6 ? a + Number(b) : a), 0) === Number(c[6]))).toEqual([['23', '0', '0', '0', '0', '0', '23']]);
    expect(cuts('000', 3)).toEqual([['0', '0', '0']]);
    expect(cuts('00', 1)).toEqual([]);
  });

  it('splits decimals only before the point', () => {
    expect(cuts('135.5', 2)).toEqual([
      ['1', '35.5'],
      ['13', '5.5'],
    ]);
  });

  it('prefers values the prose also states', () => {
    const withEvidence = plausibility([88, 55, 698], undefined, new Set([88, 698]));
    expect(withEvidence).toBeGreaterThan(plausibility([88, 5, 5698], undefined, new Set([88, 698])));
    expect(plausibility([396, 0, 181], ['count', 'change', 'count'], new Set())).toBeGreaterThan(plausibility([39, 60, 181], ['count', 'change', 'count'], new Set()));
  });
});

describe('row labels', () => {
  const t3 = LAYOUT_TABLES['2021'][1]!.rows;
  const legacy = LAYOUT_TABLES.legacy[0]!.rows;
  it.each([
    ['一、本年新收政府信息公开申请数量', 't3.new'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 't3.partial'],
    ['（三）不予公開 3.危及「三安全一穩定」', 't3.denied_safety'],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 't3.other_overdue_fee'],
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 't3.other_overdue_fix'],
    ['3.其他', 't3.other_other'],
    ['（七）总计', 't3.total'],
    ['4.保护笫三方合法权益', 't3.denied_third_party'],
  ])('%s → %s', (label, id) => expect(matchRow(label, t3, null)?.def.id).toBe(id));

  it('keeps combined or unknown rows unmatched', () => {
    expect(matchRow('3、信函、传真申请数条', legacy, null)).toBeNull();
    expect(matchRow('接受行政诉讼、举报数', legacy, null)).toBeNull();
  });

  it('uses the group a legacy row sits in', () => {
    expect(matchRow('(二)被依法纠错数', legacy, 'review')?.def.id).toBe('legacy.review.corrected');
    expect(matchRow('(二)被依法纠错数', legacy, 'suit')?.def.id).toBe('legacy.suit.corrected');
  });

  it('scores fuzzy suffixes', () => {
    expect(suffixScore('保护第三方合法权益', '4保护第三方合法权益')).toBe(1);
    expect(suffixScore('保护第三方合法权益', '4保护笫三方合法权益')).toBeCloseTo(8 / 9);
    expect(suffixScore('重复申请', '大量反复申请')).toBe(0);
    // a short label alone may have one character misread (OCR), never when it is part of a longer one
    expect(suffixScore('行政强制', '行政强抽')).toBe(0.75);
    expect(suffixScore('行政强制', '行政许可')).toBe(0);
    expect(suffixScore('规章', '规草')).toBe(0);
  });

  it('reads a short table row label with one misread character', () => {
    const t2 = matchRow('行政强抽', LAYOUT_TABLES['2021'][0]!.rows, null);
    expect(t2?.def.id).toBe('t2.coercion');
    expect(t2?.ties).toHaveLength(1);
  });
});

describe('digit runs settled by the table', () => {
  const t2019 = (body: string) => extractTables(`二、主动公开政府信息情况\n第二十条第（六）项信息内容 上一年项目数量 本年增/减 处理决定数量 ${body}`, 'sha', 2020);
  const get = (r: ReturnType<typeof extractTables>, key: string) => r.fields.find((f) => f.key === key);

  it('keeps a sign at the start of a 本年增/减 cell', () => {
    const r = t2019('行政处罚29200685行政强制85+977第二十条第（八）项');
    expect(['prev', 'change', 'decisions'].map((c) => get(r, `t2v19.coercion.${c}`)?.value)).toEqual([85, 9, 77]);
    expect(get(r, 't2v19.coercion.change')?.text).toBe('+9');
  });

  it('uses the column sums across rows where a row alone cannot tell', () => {
    // 6511110280 is 65|11|1|1|0|2|80 or 65|1|11|1|0|2|80 by its own row total; the 商业企业 column
    // of the outcome rows sums to 11
    const t3 = [
      '申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他',
      '一、本年新收政府信息公开申请数量 6511110280二、上年结转政府信息公开申请数量 0000000',
      '三、本年度办理结果 （一）予以公开 357110044（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3000003',
      '（四）无法提供 1.本机关不掌握相关政府信息 274000233（七）总计 6511110280四、结转下年度继续办理 0000000',
    ].join(' ');
    const r = extractTables(t3, 'sha', 2021);
    expect(['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => get(r, `t3.new.${c}`)?.value)).toEqual([65, 11, 1, 1, 0, 2, 80]);
    expect(get(r, 't3.total.commercial')?.value).toBe(11);
    // settled by the arithmetic: confident
    expect(get(r, 't3.new.commercial')!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('stays unsure where the arithmetic cannot tell', () => {
    const r = extractTables('申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 6511110280二、上年结转政府信息公开申请数量 0000000', 'sha', 2021);
    expect(get(r, 't3.new.commercial')!.confidence).toBeLessThan(0.6);
  });
});

describe('表三 columns from its header', () => {
  const rows = (header: string, lines: string[]) => extractTables(`三、收到和处理政府信息公开申请情况\n${header}\n${lines.join('\n')}`, 'sha', 2021);
  it('reads 法人或其他组织 printed as one column: the kinds stay null, the figure is kept unmapped', () => {
    const r = rows('申请人情况 | 自然人 | 法人或其他组织 | 总计', ['一、本年新收政府信息公开申请数量 | 17 | 4 | 21', '二、上年结转政府信息公开申请数量 | 2 | 0 | 2']);
    const got = Object.fromEntries(r.fields.map((f) => [f.key, f.value]));
    expect(got).toMatchObject({ 't3.new.natural': 17, 't3.new.total': 21, 't3.carried_over.total': 2 });
    expect(got['t3.new.commercial']).toBeUndefined();
    expect(r.unmapped.map((u) => [u.label, u.values])).toEqual([
      ['一、本年新收政府信息公开申请数量·法人或其他组织', [4]],
      ['二、上年结转政府信息公开申请数量·法人或其他组织', [0]],
    ]);
  });
  it('reads six columns when the header has no 总计', () => {
    const r = rows('申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他', ['一、本年新收政府信息公开申请数量 12 1 0 0 0 0', '二、上年结转政府信息公开申请数量 0 0 0 0 0 0']);
    const got = Object.fromEntries(r.fields.map((f) => [f.key, f.value]));
    expect(got).toMatchObject({ 't3.new.natural': 12, 't3.new.commercial': 1, 't3.new.other_org': 0 });
    expect(got['t3.new.total']).toBeUndefined();
  });
});

describe('one cell per line with blank cells that left no line', () => {
  it('keeps 自然人 and 总计 and sets aside figures no organisation column can be given', () => {
    const r = extractTables('申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n一、本年新收政府信息公开申请数量\n9\n2\n1\n12\n二、上年结转政府信息公开申请数量\n1\n1', 'sha', 2021);
    const got = Object.fromEntries(r.fields.map((f) => [f.key, f.value]));
    expect(got).toMatchObject({ 't3.new.natural': 9, 't3.new.total': 12, 't3.new.commercial': null, 't3.new.legal': null, 't3.carried_over.natural': 1, 't3.carried_over.total': 1 });
    expect(r.fields.find((f) => f.key === 't3.new.natural')!.confidence).toBeLessThan(0.6);
    expect(r.unmapped.map((u) => [u.label, u.values])).toEqual([['一、本年新收政府信息公开申请数量·法人或其他组织（列不明）', [2, 1]]]);
  });
});
