// OCR post-corrections and TSV → words.
import { describe, expect, it } from 'vitest';
import { correctFigure, correctText } from '../../../src/main/core/ocr/correct';
import { wordsFromTsv } from '../../../src/main/core/ocr/words';

const w = (text: string, width: number, h = 8) => ({ text, x: 0, y: 0, w: width, h, conf: 0.5 });

describe('OCR post-correction', () => {
  it('restores 文号 brackets and parentheses read as other brackets', () => {
    expect(correctText('湘政办发【2018]12号')).toBe('湘政办发〔2018〕12号');
    expect(correctText('青自然资规(2023)2号')).toBe('青自然资规〔2023〕2号');
    expect(correctText('(二)部分公开〈区分处理的')).toBe('(二)部分公开（区分处理的');
    expect(correctText('部分公开《区分处理的，只计这一情形)')).toBe('部分公开（区分处理的，只计这一情形)');
    expect(correctText('《中华人民共和国政府信息公开条例》')).toBe('《中华人民共和国政府信息公开条例》');
    expect(correctText('2018年')).toBe('2018年');
  });

  it('reads letter-shaped digits in numbers only', () => {
    expect(correctText('1O')).toBe('10');
    expect(correctText('l2')).toBe('12');
    expect(correctText('O')).toBe('0');
    expect(correctText('Office')).toBe('Office');
    expect(correctText('ISO')).toBe('ISO');
  });

  it('reads a figure column word as a number', () => {
    expect(correctFigure(w('了', 5)).text).toBe('7');
    expect(correctFigure(w('.00', 5)).text).toBe('0'); // a stray dot, one glyph read twice
    expect(correctFigure(w('117', 10)).text).toBe('17'); // three digits do not fit in 10 px at 8 px high
    expect(correctFigure(w('117', 15)).text).toBe('117');
    expect(correctFigure(w('3372', 20)).text).toBe('3372');
    expect(correctFigure(w(')', 5)).text).toBe('1'); // a 1 without its serifs
    expect(correctFigure(w('12)', 15)).text).toBe('12'); // a stray bracket after a figure is dropped
    expect(correctFigure(w('结果', 16)).text).toBe('结果'); // a header in a narrow column stays
  });
});

describe('TSV → words', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t95\t行政',
    '5\t1\t1\t1\t1\t2\t32\t10\t20\t20\t90\t许可',
    '5\t1\t1\t1\t1\t3\t200\t12\t10\t16\t80\t30',
    '5\t1\t1\t1\t1\t4\t260\t12\t10\t16\t70\t5',
  ].join('\n');
  it('joins touching Chinese pieces, keeps numbers in separate cells, scales confidence', () => {
    expect(wordsFromTsv(tsv).map((x) => [x.text, x.x, x.w, x.conf])).toEqual([
      ['行政许可', 10, 42, 0.9],
      ['30', 200, 10, 0.8],
      ['5', 260, 10, 0.7],
    ]);
  });
});

describe('brackets in table cells', () => {
  it('pairs a bracket closed by the other kind', async () => {
    const { pairBrackets } = await import('../../../src/main/core/positioned/grid');
    expect(pairBrackets('(二)部分公开《区分处理的，只计这一情形，不计其他情形)')).toBe('(二)部分公开（区分处理的，只计这一情形，不计其他情形)');
    expect(pairBrackets('《中华人民共和国政府信息公开条例》')).toBe('《中华人民共和国政府信息公开条例》');
    expect(pairBrackets('本年收费金额(单位:万元》')).toBe('本年收费金额(单位:万元）');
  });
});
