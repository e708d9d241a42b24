// Focused cases of the metadata reader: dates, 文号, region, covered year, doc kind, agency, page metadata.
import { describe, expect, it } from 'vitest';
import type { ExtractedField } from '../../../src/shared/model';
import { extractMeta } from '../../../src/main/core/extract/meta';
import { parseDate } from '../../../src/main/core/extract/meta/dates';
import { regionOf } from '../../../src/main/core/extract/meta/region';
import { textDoc } from './doc';

const fieldsOf = (text: string, pageMeta?: Record<string, string>): Map<string, ExtractedField> =>
  new Map(extractMeta(textDoc(text, pageMeta), 'x').map((f) => [f.key, f]));
const valueOf = (text: string, key: string, pageMeta?: Record<string, string>) => fieldsOf(text, pageMeta).get(key)?.value;

describe('dates', () => {
  it.each([
    ['二O一九年一月五日', '2019-01-05'],
    ['二Ｏ二一年二月三日', '2021-02-03'],
    ['二〇二〇年元月十日', '2020-01-10'],
    ['二零一九年十二月三十一日', '2019-12-31'],
    ['2020 年 1 月 15 日', '2020-01-15'],
    ['2020.1.5', '2020-01-05'],
  ])('%s → %s', (s, iso) => expect(parseDate(s)?.iso).toBe(iso));
  it('rejects a date with no day', () => expect(parseDate('2019年12月')).toBeNull());

  it('takes a Chinese-numeral signature date, spanning its printed text', () => {
    const text = '某县人民政府2019年政府信息公开工作年度报告\n正文。\n某县人民政府\n二〇二〇年一月十五日';
    const f = fieldsOf(text).get('meta.published_at')!;
    expect(f.value).toBe('2020-01-15');
    expect(text.slice(...f.source.span!)).toBe('二〇二〇年一月十五日');
  });
  it('prefers a labelled publication date over the signature', () => {
    expect(valueOf('标题\n来源：某县民政局 时间：2020年1月20日\n正文\n某县民政局\n2020年1月8日', 'meta.published_at')).toBe('2020-01-20');
  });
});

describe('文号', () => {
  it.each(['桂政办发[2019]12号', '桂政办发(2019)12号', '桂政办发（2019）12号', '桂政办发【2019】12号', '桂政办发﹝2019﹞12号', '桂政办发 〔2019〕 12号'])('%s', (printed) => {
    const text = `某县2019年政府信息公开工作年度报告\n${printed}\n正文`;
    const f = fieldsOf(text).get('meta.doc_number')!;
    expect(f.value).toBe('桂政办发〔2019〕12号');
    expect(text.slice(...f.source.span!)).toBe(printed.trim());
  });
});

describe('region', () => {
  it.each([
    ['鄂尔多斯市达拉特旗教育局', '内蒙古自治区鄂尔多斯市达拉特旗'],
    ['红河哈尼族彝族自治州人民政府', '云南省红河哈尼族彝族自治州'],
    ['恩施州利川市民政局', '湖北省恩施州利川市'],
    ['大理白族自治州宾川县人民政府', '云南省大理白族自治州宾川县'],
    ['北京市朝阳区人民政府', '北京市朝阳区'],
    ['湖南省长沙市财政局', '湖南省长沙市'],
  ])('%s → %s', (agency, region) => expect(regionOf(agency, '')).toBe(region));
  it.each([
    ['长兴县人民政府', '浙江省湖州市长兴县'],
    ['义乌市人民政府', '浙江省金华市义乌市'],
    ['桐柏县文化广电新闻出版局', '河南省南阳市桐柏县'],
    ['兴安盟科尔沁右翼前旗教育局', '内蒙古自治区兴安盟科尔沁右翼前旗'],
    ['仙桃市人民政府', '湖北省仙桃市'],
    ['阿里地区噶尔县人民政府', '西藏自治区阿里地区噶尔县'],
    ['镇宁布依族苗族自治县民政局', '贵州省安顺市镇宁布依族苗族自治县'],
    ['延吉市民政局', '吉林省延边州延吉市'],
  ])('completes the levels above a county-level unit from the gazetteer: %s → %s', (agency, region) => expect(regionOf(agency, '')).toBe(region));
  it('keeps a county since renamed as printed, under its prefecture', () => {
    expect(regionOf('宁乡县人民政府', '')).toBe('湖南省长沙市宁乡县');
  });
  it('settles a name several places share by the province or prefecture the text names', () => {
    // 鼓楼区: 福州, 南京, 开封, 徐州
    expect(regionOf('鼓楼区教育局', '根据《福建省政府信息公开办法》和福州市人民政府办公厅的通知')).toBe('福建省福州市鼓楼区');
    // Jiangsu has two (南京, 徐州): the province is sure, the prefecture is not
    expect(regionOf('鼓楼区教育局', '根据《江苏省政府信息公开规定》')).toBe('江苏省鼓楼区');
    expect(regionOf('鼓楼区教育局', '根据《江苏省政府信息公开规定》和《徐州市政府信息公开规定》')).toBe('江苏省徐州市鼓楼区');
    expect(regionOf('朝阳区民政局', '北京市人民政府办公厅')).toBe('北京市朝阳区');
  });
  it('leaves out the levels it cannot be sure of', () => {
    expect(regionOf('鼓楼区教育局', '本报告由鼓楼区教育局编制')).toBe('鼓楼区');
    // 城关区 lies in Gansu and Tibet; 西湖区 in Zhejiang and Jiangxi
    expect(regionOf('西湖区人民政府', '')).toBe('西湖区');
  });
  it('takes a township\'s county from the text: printed before its name, else named as a government', () => {
    expect(regionOf('木场乡人民政府', '来源:镇康县木场乡人民政府')).toBe('云南省临沧市镇康县');
    expect(regionOf('维摩彝族乡人民政府', '《文山州人民政府办公室关于…》本报告全文在砚山县人民政府网公布，砚山县人民政府门户网站')).toBe('云南省文山州砚山县');
  });
  it('does not add a county the text mentions to a provincial agency', () => {
    expect(regionOf('湖南省民政厅', '长沙县人民政府、岳阳市人民政府')).toBe('湖南省');
  });
  it('does not add a county the text mentions to a prefecture-level agency', () => {
    expect(regionOf('温州市生态环境局', '平阳县人民政府、瑞安市人民政府')).toBe('浙江省温州市');
    expect(regionOf('平潭综合实验区地方税务局', '来源：平潭县人民政府')).toBe('福建省平潭综合实验区');
  });
  it('gives nothing without a place', () => expect(regionOf('民政局', '正文')).toBeNull());
});

describe('title and agency', () => {
  const m = (text: string) => Object.fromEntries([...fieldsOf(text)].map(([k, f]) => [k, f.value]));
  it('skips navigation bars and breadcrumbs', () => {
    expect(m('凤台县人民政府 政务公开 政府信息公开年报\n当前位置：首页 > 政务公开 > 政府信息公开年报\n凤台县财政局2020年度政务公开工作总结\n正文')['meta.title']).toBe('凤台县财政局2020年度政务公开工作总结');
  });
  it('reads titles in 《》, notices that publish a report, and an agency after the year', () => {
    expect(m('《宜章县2021年政府信息公开工作年度报告》\n正文')).toMatchObject({ 'meta.title': '宜章县2021年政府信息公开工作年度报告', 'meta.agency': '宜章县人民政府' });
    expect(m('关于印发《长沙县2020年政府信息公开工作年度报告》的通知\n正文')).toMatchObject({ 'meta.title': '关于印发《长沙县2020年政府信息公开工作年度报告》的通知', 'meta.doc_kind': 'other' });
    expect(m('2021年度醴陵市财政局政府信息公开工作年度报告\n正文')['meta.agency']).toBe('醴陵市财政局');
  });
  it('ends the agency of a letter where 关于 starts', () => {
    expect(m('洞口县发展和改革局关于报送2021年度政府信息公开工作年度报告的函\n正文')).toMatchObject({ 'meta.agency': '洞口县发展和改革局', 'meta.doc_kind': 'other', 'meta.year': 2021 });
  });
});

describe('covered year', () => {
  it('is the year before a publication date early in the year, with lower confidence', () => {
    const text = '正文没有年份。\n某县人民政府\n2020年3月15日';
    const f = fieldsOf(text).get('meta.year')!;
    expect(f.value).toBe(2019);
    expect(f.confidence).toBeLessThan(0.6);
    expect(text.slice(...f.source.span!)).toBe('2020年3月15日');
  });
  it('is not guessed from a date late in the year', () => {
    expect(valueOf('正文没有年份。\n某县人民政府\n2020年10月15日', 'meta.year')).toBeUndefined();
  });
  it('is the year of the title, not of publication', () => {
    expect(valueOf('某县2019年度政府信息公开工作年度报告\n发布时间：2020-01-10', 'meta.year')).toBe(2019);
  });
});

describe('doc kind', () => {
  it.each([
    ['某县2019年度政府信息公开工作年度报告', 'annual_report'],
    ['某局2018年度政府信息与政务公开工作总结', 'work_summary'],
    ['关于2015年度政务公开工作开展情况的自查报告', 'self_check'],
    ['关于做好2019年政府信息公开工作年度报告编制发布工作的通知', 'other'],
  ])('%s → %s', (title, kind) => expect(valueOf(`${title}\n正文`, 'meta.doc_kind')).toBe(kind));
  it('reads an untitled report by its opening words', () => {
    expect(valueOf('本年度报告根据《条例》编制。\n一、概述', 'meta.doc_kind')).toBe('annual_report');
  });
});

describe('agency', () => {
  it('completes a place named in the title by its signature', () => {
    expect(valueOf('陈家乡2015年政务公开工作自查报告\n正文\n广元市朝天区陈家乡人民政府\n2015年12月9日', 'meta.agency')).toBe('广元市朝天区陈家乡人民政府');
  });
  it('reads a labelled publisher when title and signature name none', () => {
    const text = '2020年政府信息公开工作年度报告\n发布机构：乌拉特前旗农牧局\n正文';
    const f = fieldsOf(text).get('meta.agency')!;
    expect(f.value).toBe('乌拉特前旗农牧局');
    expect(text.slice(...f.source.span!)).toBe('乌拉特前旗农牧局');
  });
});

describe('page metadata', () => {
  it('gives title, date and agency without a span, at lower confidence', () => {
    const fields = fieldsOf('正文。', { title: '某县2021年政府信息公开工作年度报告_某县人民政府', pubdate: '2022-01-30 10:00', contentsource: '某县发展和改革局' });
    expect(Object.fromEntries([...fields].map(([k, f]) => [k, f.value]))).toMatchObject({
      'meta.title': '某县2021年政府信息公开工作年度报告',
      'meta.published_at': '2022-01-30',
      'meta.year': 2021,
      'meta.agency': '某县人民政府',
    });
    for (const key of ['meta.title', 'meta.published_at']) {
      expect(fields.get(key)!.source.span).toBeUndefined();
      expect(fields.get(key)!.confidence).toBeLessThan(0.95);
    }
  });
  it('names the agency from contentsource when the text does not', () => {
    expect(valueOf('正文。', 'meta.agency', { contentsource: '某县发展和改革局' })).toBe('某县发展和改革局');
  });
});
