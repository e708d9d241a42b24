import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { mojibakeRepaired } from '../../../src/main/core/normalize/decode';
import { mergeBoxRows } from '../../../src/main/core/normalize/box-table';
import { NormalizeError } from '../../../src/main/core/normalize/types';
import { fixture } from '../../support/tmp';

const file = (name: string) => fs.readFileSync(fixture('files', name));
const seed = (prefix: string) => {
  const name = fs.readdirSync(fixture('seeds')).find((f) => f.startsWith(prefix))!;
  return { name, bytes: fs.readFileSync(fixture('seeds', name)) };
};
const fails = (bytes: Uint8Array, name: string): NormalizeError => {
  try {
    normalize(bytes, name);
  } catch (err) {
    return err as NormalizeError;
  }
  throw new Error('expected a NormalizeError');
};

describe('encodings', () => {
  it.each([
    ['gbk-table.htm', 'gb18030', 'meta'],
    ['gbk-nometa.htm', 'gb18030', 'gb18030'],
    ['report.mht', 'gb18030', 'meta'],
    ['utf16le-bom.txt', 'utf-16le', 'bom'],
    ['utf16le-nobom.txt', 'utf-16le', 'detector'],
    ['utf8-bom.txt', 'utf-8', 'bom'],
    ['gbk-short.txt', 'gb18030', 'gb18030'],
  ])('%s is %s (by %s)', (name, encoding, by) => {
    const doc = normalize(file(name), name);
    expect(doc).toMatchObject({ encoding, encodingBy: by });
    expect(doc.text).toMatch(/政府信息公开|年度报告|工作总结/);
    expect(doc.text).not.toMatch(/[\ufffd\u200b\ufeff]/);
  });

  it('reads the seeds as UTF-8', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { name, bytes } = seed(p);
      expect(normalize(bytes, name).encodingBy).toBe('utf8');
    }
  });
  it('repairs UTF-8 once read as Latin-1 and saved again, and leaves real Latin-1 text alone', () => {
    const text = '某县民政局2020年政府信息公开工作年度报告\n主动公开政府信息12条。';
    const garbled = Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');
    expect(normalize(garbled, 'x.txt').text).toBe(text);
    expect(mojibakeRepaired('Café crème brûlée à la française, déjà vu, naïve façade, élève, Noël, garçon. '.repeat(3))).toBeNull();
  });
  it('reads a box-drawn table row whose cells wrap over lines as one row, rulings dropped', () => {
    const dump = [
      '┌──────────────────┬───┬───┐',
      '│1.申请人无正当理由逾期不补正、行政 │3  │4  │',
      '│机关不再处理其政府信息公开申请     │   │   │',
      '├──────────────────┼───┼───┤',
      '│  │1  │   │',
      '└──────────────────┴───┴───┘',
    ];
    expect(mergeBoxRows(dump)).toEqual(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 │ 3 │ 4', ' │ 1 │ ']);
    // the text of a cell spanning rows, printed beside a ruling, stays
    expect(mergeBoxRows(['│（六）其他 ├────┼───┤'])).toEqual(['（六）其他']);
  });
  it('drops the print header and footer of a printed page copied as text', () => {
    const text = normalize(Buffer.from('12/1/26, 10:50 PM   某局2022年政府信息公开工作年度报告_某市人民政府\n某局2022年政府信息公开工作年度报告\n正文\nfile:///tmp/a.html   1/3\n2023/1/20 下午3:05 某局2022年政府信息公开工作年度报告\n正文二'), 'x.txt').text;
    expect(text).toBe('某局2022年政府信息公开工作年度报告\n正文\n正文二');
  });
  it('keeps the footer that names who runs the site aside as pageMeta.site', () => {
    const html = '<html><body><p>正文</p><div class="footer">主办单位：秭归县人民政府办公室 鄂ICP备05008866号</div></body></html>';
    expect(normalize(Buffer.from(html), 'x.html').pageMeta.site).toContain('秭归县人民政府办公室');
    const text = normalize(Buffer.from('正文一行\n主办单位：龙泉驿区人民政府办公室'), 'x.txt');
    expect(text.pageMeta.site).toContain('龙泉驿区人民政府办公室');
    expect(text.text).not.toContain('主办单位');
  });
  it('reads a page re-saved as UTF-8 that still declares gb2312 as UTF-8', () => {
    const html = '<html><head><meta charset="gb2312"><title>某局2020年政府信息公开工作年度报告</title></head><body><p>主动公开政府信息12条。</p></body></html>';
    const doc = normalize(Buffer.from(html, 'utf8'), 'x.html');
    expect(doc.text).toContain('主动公开政府信息12条');
    expect(doc.encoding).toBe('utf-8');
  });
});

describe('web pages', () => {
  const doc = normalize(file('gbk-table.htm'), 'gbk-table.htm');

  it('keeps the page metadata and drops scripts, navigation and site chrome', () => {
    expect(doc.pageMeta).toMatchObject({ articletitle: '平江县人民政府2021年政府信息公开工作年度报告', pubdate: '2022-01-20 09:30' });
    for (const chrome of ['不应出现的脚本文字', '当前位置', '首页 >', '阅读次数', '字体', '大 中 小', '【打印】', '扫一扫', 'ICP备', '版权所有']) {
      expect(doc.text, chrome).not.toContain(chrome);
    }
    expect(doc.text).toContain('发布时间：2022-01-20');
    expect(doc.text).toContain('索引号：430626/2022-00012');
    expect(doc.text).toContain('来源：平江县人民政府办公室');
    expect(doc.removed.boilerplateLines).toBeGreaterThanOrEqual(3);
  });

  it('keeps tables as grids with rowspan and colspan resolved', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.rows, t.cols]).toEqual([7, 10]);
    const at = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
    expect(at(1, 3)).toMatchObject({ text: '自然人', rowSpan: 2, colSpan: 1 });
    expect(at(1, 4)).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
    expect(at(2, 4)?.text).toBe('商业企业');
    expect(at(1, 9)?.text).toBe('总计');
    expect(at(3, 3)?.text).toBe('12');
    expect(at(3, 9)?.text).toBe('15');
    expect(at(5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 2 });
    expect(at(6, 1)?.text).toContain('部分公开');
    expect(at(6, 3)?.text).toBe('3');
    for (const c of t.cells) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('renders each table row as one line of cells', () => {
    expect(doc.text).toContain('一、本年新收政府信息公开申请数量 | 12 | 2 | 0 | 0 | 1 | 0 | 15');
  });

  it('reads the web page inside an MHT archive', () => {
    const mht = normalize(file('report.mht'), 'report.mht');
    expect(mht.sourceKind).toBe('mht');
    expect(mht.tables[0]?.cells.length).toBe(doc.tables[0]!.cells.length);
  });
});

describe('text cleaning', () => {
  it('reads a body the page holds twice once', () => {
    const { name, bytes } = seed('001');
    const raw = bytes.toString('utf8');
    const doc = normalize(bytes, name);
    const sentence = '在党政办设立政务公开领导小组办公室';
    expect(raw.split(sentence).length - 1).toBe(2);
    expect(doc.text.split(sentence).length - 1).toBe(1);
    expect(doc.text.length).toBeLessThan(raw.length * 0.6);
    expect(doc.removed.repeatedChars).toBeGreaterThan(1000);
  });

  it('keeps repeated table rows', () => {
    const text = Array.from({ length: 30 }, () => '0 | 0 | 0 | 0 | 0 | 0 | 0').join('\n');
    expect(normalize(Buffer.from(`表\n${text}`), 'rows.txt').text.split('\n')).toHaveLength(31);
  });

  it('drops 繁體 breadcrumbs and font-size pickers but keeps 发文字号', () => {
    const doc = normalize(Buffer.from('當前位置：首頁 > 政務公開 > 政府信息公開年報\n某縣2021年度政府信息公開工作年度報告\n字号：大 中 小\n发布时间: 2022-01-10 | 发文字号: 某政发〔2022〕3号\n正文内容'), 'a.txt');
    expect(doc.text.split('\n')).toEqual(['某縣2021年度政府信息公開工作年度報告', '发布时间: 2022-01-10 | 发文字号: 某政发〔2022〕3号', '正文内容']);
  });

  it('removes zero-width and control characters', () => {
    const doc = normalize(Buffer.from('年度\u200b报告\u0007正文\ufeff'), 'z.txt');
    expect(doc.text).toBe('年度报告正文');
  });

  it('strips the flattened-page chrome of seed 002', () => {
    const { name, bytes } = seed('002');
    const doc = normalize(bytes, name);
    expect(doc.text).not.toMatch(/\|{3,}|【\s*打印\s*】|【关闭窗口】/);
    expect(doc.text.split('\n')[0]).toBe('木场乡人民政府2023年度政府信息公开工作年度报告');
  });
});

describe('bad input', () => {
  it.each([
    ['empty.txt', 'empty', '文件为空'],
    ['image-named.txt', 'not_text', '不是 HTML/文本文件'],
  ])('%s → %s', (name, code, message) => {
    const err = fails(file(name), name);
    expect(err).toBeInstanceOf(NormalizeError);
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
  });

  it('rejects text that is only markup or blanks', () => {
    expect(fails(Buffer.from('<html><body><script>x()</script></body></html>'), 'a.html').code).toBe('empty');
    expect(fails(Buffer.from(' \n \t '), 'a.txt').code).toBe('empty');
  });

  it('rejects bytes no Chinese encoding explains', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect(['encoding', 'not_text']).toContain(fails(bytes, 'noise.txt').code);
  });
});
