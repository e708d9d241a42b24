import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/main/core/extract/meta/dates';
import { abbreviates, agencyInTitle, fullAgencyName } from '../../../src/main/core/extract/meta/agency';
import { regionOf } from '../../../src/main/core/extract/meta/region';
import { extractMeta } from '../../../src/main/core/extract/meta';
import type { NormalizedDoc } from '../../../src/main/core/normalize/types';

const doc = (text: string, pageMeta: Record<string, string> = {}): NormalizedDoc => ({
  text,
  sourceKind: 'text',
  encoding: 'utf-8',
  encodingBy: 'utf8',
  tables: [],
  pageMeta,
  removed: { boilerplateLines: 0, repeatedChars: 0 },
});
const meta = (text: string, pageMeta?: Record<string, string>) => Object.fromEntries(extractMeta(doc(text, pageMeta), 'x').map((f) => [f.key, f.value]));

describe('dates', () => {
  it.each([
    ['发布时间：2019-01-13 16:40', '2019-01-13'],
    ['2019/1/5', '2019-01-05'],
    ['2015年12月9日', '2015-12-09'],
    ['二〇二〇年一月十五日', '2020-01-15'],
    ['二○一九年十二月三十一日', '2019-12-31'],
  ])('%s → %s', (s, iso) => expect(parseDate(s)?.iso).toBe(iso));
  it('rejects impossible dates', () => expect(parseDate('2019-13-40')).toBeNull());
});

describe('agency', () => {
  it('reads the agency before the year of a title', () => {
    expect(agencyInTitle('【2018年度】维摩彝族乡2018年政府信息公开工作年度报告')).toBe('维摩彝族乡');
    expect(agencyInTitle('关于2015年度政务公开工作开展情况的自查报告')).toBeNull();
  });
  it('names a place by its government, an abbreviation by its signature', () => {
    expect(fullAgencyName('维摩彝族乡', null)).toBe('维摩彝族乡人民政府');
    expect(fullAgencyName('平潭综合实验区', null)).toBe('平潭综合实验区管委会');
    expect(fullAgencyName('桐柏县文广新局', '桐柏县文化广电新闻出版局')).toBe('桐柏县文化广电新闻出版局');
    expect(fullAgencyName('平江县民政局', '平江县财政局')).toBe('平江县民政局');
    expect(abbreviates('文广新局', '文化广电新闻出版局')).toBe(true);
  });
  it('takes the places a signature adds, not a unit under the agency that signed for it', () => {
    expect(fullAgencyName('龙潭镇人民政府', '溆浦县龙潭镇人民政府')).toBe('溆浦县龙潭镇人民政府');
    expect(fullAgencyName('松山湖街道办事处', '东莞市松山湖街道办事处')).toBe('东莞市松山湖街道办事处');
    expect(fullAgencyName('祁门县人民政府', '祁门县人民政府办公室')).toBe('祁门县人民政府');
    expect(fullAgencyName('县政府办', '县政府办公室')).toBe('县政府办公室');
  });
});

describe('region', () => {
  it('combines province, prefecture and county as the report names them', () => {
    expect(regionOf('平江县民政局', '根据湖南省政务公开办公室…《岳阳市政府信息公开实施细则》')).toBe('湖南省岳阳市平江县');
    expect(regionOf('广元市朝天区陈家乡人民政府', '')).toBe('四川省广元市朝天区');
    expect(regionOf('木场乡人民政府', '主动在镇康县人民政府门户网站公开…临沧市人民政府办公室')).toBe('云南省临沧市镇康县');
    // a zone named after its county lies in it
    expect(regionOf('宁乡经济技术开发区管理委员会', '')).toBe('湖南省长沙市宁乡市');
    // a township's county from the site it is on when its text names none
    expect(regionOf('茅坪镇人民政府', '2021年，我镇主动公开政府信息143条。', '秭归县人民政府')).toBe('湖北省宜昌市秭归县');
    expect(regionOf('湖北省自然资源厅', '', '主办单位：秭归县人民政府办公室')).toBe('湖北省');
    // …after its city when a city has the name (湘潭市, not 湘潭县)
    expect(regionOf('湘潭高新技术产业开发区管理委员会', '')).toBe('湖南省湘潭市');
  });
});

describe('metadata of a document', () => {
  it('reads 文号 with any brackets, 索引号 and the publication date', () => {
    const m = meta('索 引 号：11410000MB0/2020-00123\n某某县人民政府关于2019年度政府信息公开工作年度报告\n某政办【2020】 7号\n发布日期：2020-01-21\n正文');
    expect(m).toMatchObject({ 'meta.doc_number': '某政办〔2020〕7号', 'meta.index_number': '11410000MB0/2020-00123', 'meta.published_at': '2020-01-21', 'meta.year': 2019 });
  });
  it('does not take a cited document number for the report’s own', () => {
    expect(meta('某某局2018年度政府信息公开工作年度报告\n根据《通知》（桐政办〔2018〕72号）要求……')['meta.doc_number']).toBeUndefined();
  });
  it('takes the title its date line follows, not the titles of other reports above it', () => {
    const m = meta('某县人民政府\n热点信息\n某县教育局2021年政府信息公开工作年度报告\n某县财政局2022年政府信息公开工作年度报告\n某县教育局2022年政府信息公开工作年度报告\n发布时间：2023-01-16\n正文');
    expect(m).toMatchObject({ 'meta.title': '某县教育局2022年政府信息公开工作年度报告', 'meta.year': 2022 });
  });
  it('finds the title of a page copied as one run of text, menus and breadcrumbs before it', () => {
    const run = '某市人民政府首页政务公开政务服务首页 > 政务公开 > 年度报告某市民政局2022年政府信息公开工作年度报告发布日期：2023-01-20 根据《中华人民共和国政府信息公开条例》，现公布本局2022年度政府信息公开工作年度报告。一、总体情况……';
    expect(meta(run)).toMatchObject({ 'meta.title': '某市民政局2022年政府信息公开工作年度报告', 'meta.year': 2022, 'meta.published_at': '2023-01-20' });
  });
  it('joins a title wrapped at the page width', () => {
    expect(meta('荆门市市场监督管理局2022年政府信息公开工作年\n度报告\n发布日期：2023-01-20\n正文')['meta.title']).toBe('荆门市市场监督管理局2022年政府信息公开工作年度报告');
  });
  it('does not prefix a site name to a title that names its agency after the year', () => {
    expect(meta('汉寿县人民政府\n2020年度汉寿县财政局政府信息公开工作年度报告\n发布时间：2021-01-25\n正文')).toMatchObject({ 'meta.title': '2020年度汉寿县财政局政府信息公开工作年度报告', 'meta.agency': '汉寿县财政局' });
  });
  it('tells annual reports, summaries, self-checks and letters apart', () => {
    expect(meta('某局2018年政府信息公开工作年度报告\n正文')['meta.doc_kind']).toBe('annual_report');
    expect(meta('某局2018年政务公开工作总结\n正文')['meta.doc_kind']).toBe('work_summary');
    expect(meta('关于2015年度政务公开工作开展情况的\n自查报告\n正文')['meta.doc_kind']).toBe('self_check');
    expect(meta('关于报送2018年政府信息公开工作年度报告的函\n正文')['meta.doc_kind']).toBe('other');
    // the year's report under another name
    expect(meta('某街道办事处2020年政府信息公开工作情况报告\n正文')['meta.doc_kind']).toBe('annual_report');
    expect(meta('关于2019年政府信息公开工作情况的报告\n正文')['meta.doc_kind']).toBe('annual_report');
    // a notice publishing the report that prints it is the report; a letter only naming it is not
    expect(meta('某局关于公布2022年政府信息公开工作年度报告的通知\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n正文')['meta.doc_kind']).toBe('annual_report');
    expect(meta('某局关于报送2022年政府信息公开工作年度报告的函\n县政务公开办：\n现予报送，请审核。')['meta.doc_kind']).toBe('other');
    // notes and dates after a title
    expect(meta('某局2022年政府信息公开工作年度报告（全文）\n发布时间：2023-01-16\n正文')).toMatchObject({ 'meta.title': '某局2022年政府信息公开工作年度报告（全文）', 'meta.doc_kind': 'annual_report' });
    expect(meta('某局2022年政府信息公开工作年度报告 2023-01-16\n正文')['meta.title']).toBe('某局2022年政府信息公开工作年度报告');
    // an interpretation of the report is not the report
    expect(meta('一图读懂：某市2022年政府信息公开工作年度报告\n正文')).toMatchObject({ 'meta.doc_kind': 'other', 'meta.agency': '某市人民政府' });
  });
  it('falls back to the page metadata and to the year before publication', () => {
    const m = meta('正文没有标题。', { articletitle: '某县2021年政府信息公开工作年度报告_某县人民政府', pubdate: '2022-01-30' });
    expect(m).toMatchObject({ 'meta.title': '某县2021年政府信息公开工作年度报告', 'meta.published_at': '2022-01-30', 'meta.year': 2021 });
  });
});
