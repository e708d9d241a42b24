import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/main/core/extract/tables/tokens';
import { pairs } from '../../../src/main/core/extract/tables/pairs';

const rows = (text: string) =>
  pairs(tokenize(text), text).map((p) => [p.label.trim(), p.items.map((i) => (i.type === 'blank' ? '∅' : i.token.text)), p.units]);

describe('table text → rows', () => {
  it('reads flattened rows with numbering glued to digit runs', () => {
    expect(rows('（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000')).toEqual([
      ['（三）不予公开 1.属于国家秘密', ['0000000'], []],
      ['2.其他法律行政法规禁止公开', ['0000000'], []],
    ]);
  });

  it('reads pipe rows with blank cells and unit cells', () => {
    expect(rows('行政许可 |  | 12 | \n(一)收到申请数 |\n件 |\n0 |\n(二)申请办结数 | 件 | |\n1、按时办结数 | 件 | 3')).toEqual([
      ['行政许可', ['∅', '12'], []],
      ['(一)收到申请数', ['0'], ['件']],
      ['1、按时办结数', ['3'], ['件']],
    ]);
  });

  it('keeps years, percentages, document numbers and bracketed notes in labels', () => {
    expect(rows('2017年全区主动公开政府信息2122条，占71.11%')).toEqual([['2017年全区主动公开政府信息', ['2122条'], []]]);
    expect(rows('(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条) | 条 | 128')).toEqual([
      ['(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', ['128'], ['条']],
    ]);
  });

  it('reads the next label\'s number whose dot OCR lost as numbering, not as a figure', () => {
    expect(rows('4.无正当理由大量反复申请\n5要求行政机关确认或重新出具 | 2 | 2')).toEqual([['4.无正当理由大量反复申请\n5要求行政机关确认或重新出具', ['2', '2'], []]]);
    // a figure at a line's start that does not continue the numbering stays a figure
    expect(rows('4.无正当理由大量反复申请\n7 | 7')[0]![1]).toEqual(['7', '7']);
  });

  it('reads a letter O alone in a cell as a zero mark', () => {
    expect(rows('行政强制 | O | 3\n行政处罚 | 0')).toEqual([
      ['行政强制', ['O', '3'], []],
      ['行政处罚', ['0'], []],
    ]);
  });

  it('reads zero marks and signed values', () => {
    expect(rows('行政许可 | 396 | -185 | / \n其他 | — | +3')).toEqual([
      ['行政许可', ['396', '-185', '/'], []],
      ['其他', ['—', '+3'], []],
    ]);
  });

  it('splits numbering off a value it is glued to by the numbering sequence', () => {
    // 次3 | 2.政府网站…: 2. follows 1.; 件35 | 1.按时办结数: numbering starts again
    expect(rows('1.参加或举办新闻发布会总次数次5其中：主要负责同志参加新闻发布会次数次32.政府网站在线访谈次数次0')).toEqual([
      ['1.参加或举办新闻发布会总次数次', ['5'], []],
      ['其中：主要负责同志参加新闻发布会次数次', ['3'], []],
      ['2.政府网站在线访谈次数次', ['0'], []],
    ]);
    expect(rows('4.信函申请数件5（二）申请办结数件351.按时办结数件342.延期办结数件1')).toEqual([
      ['4.信函申请数件', ['5'], []],
      ['（二）申请办结数件', ['35'], []],
      ['1.按时办结数件', ['34'], []],
      ['2.延期办结数件', ['1'], []],
    ]);
  });

  it('reads a Chinese numeral filling a cell after its unit or label, not one inside a label', () => {
    expect(rows('（二）举办各类培训班数 | 次 | 三\n三、依申请公开情况 | 五')).toEqual([
      ['（二）举办各类培训班数', ['三'], ['次']],
      ['三、依申请公开情况', ['五'], []],
    ]);
  });

  it('reads zero marks glued to a label or a figure as one run, not as label text', () => {
    expect(rows('规章无无无 行政规范性文件无无无 行政强制无')).toEqual([
      ['规章', ['无无无'], []],
      ['行政规范性文件', ['无无无'], []],
      ['行政强制', ['无'], []],
    ]);
    expect(rows('一、本年新收政府信息公开申请数量3—————3 二、上年结转政府信息公开申请数量———————')).toEqual([
      ['一、本年新收政府信息公开申请数量', ['3', '—————', '3'], []],
      ['二、上年结转政府信息公开申请数量', ['———————'], []],
    ]);
    expect(rows('行政处罚 | 0—0')).toEqual([['行政处罚', ['0', '—', '0'], []]]);
  });

  it('ends a figure with thousands separators after its three digits when the next cell is glued to it', () => {
    expect(rows('一、本年新收政府信息公开申请数量1,032118309')).toEqual([['一、本年新收政府信息公开申请数量', ['1,032', '118309'], []]]);
    expect(rows('行政许可 | 12,345 | 6')).toEqual([['行政许可', ['12,345', '6'], []]]);
  });

  it('drops a page number a flattened copy kept between rows', () => {
    expect(rows('5.属于三类内部事务信息0000000— 3 —6.属于四类过程性信息9100010')).toEqual([
      ['5.属于三类内部事务信息', ['0000000'], []],
      ['6.属于四类过程性信息', ['9100010'], []],
    ]);
    // cells apart are cells: — | 1 | —
    expect(rows('3.补正后申请内容仍不明确\t—\t1\t—')).toEqual([['3.补正后申请内容仍不明确', ['—', '1', '—'], []]]);
  });

  it('keeps 无 that begins a word in a label', () => {
    expect(rows('4.无正当理由大量反复申请 0 | 0\n（四）无法提供 | 1')).toEqual([
      ['4.无正当理由大量反复申请', ['0', '0'], []],
      ['（四）无法提供', ['1'], []],
    ]);
  });
});
