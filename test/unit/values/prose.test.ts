import { describe, expect, it } from 'vitest';
import { extractProse } from '../../../src/main/core/extract/prose';

const values = (text: string) => Object.fromEntries(extractProse(text, 'x').map((f) => [f.key, f.approx ? `${f.value}~` : f.value]));

describe('prose figures', () => {
  it('reads stated figures', () => {
    expect(values('2018年，主动公开政府信息407条，其中主动公开规范性文件数46条。')).toEqual({ 'n.active_total': 407 });
    expect(values('在政府信息公开网主动公开各类信息100余条。')).toEqual({ 'n.active_total': '100~' });
    expect(values('全区收到政府信息公开申请75件，涉及自然人72件。共有行政诉讼案件1件、行政复议案件2件。收取信息处理费380元。')).toEqual({
      'n.apply_received': 75,
      'n.suit_count': 1,
      'n.review_count': 2,
      'n.fees': 380,
    });
  });

  it('reads figures with spaces around them, fees 共计…元 and none-clauses beside other clauses', () => {
    expect(values('2022年，全市主动公开政府信息 35,612 条。收取检索、复制费用共计三百元。')).toEqual({ 'n.active_total': 35612, 'n.fees': 300 });
    expect(values('全年未收到政府信息公开申请，未发生行政复议和行政诉讼。')).toEqual({ 'n.apply_received': 0, 'n.review_count': 0, 'n.suit_count': 0 });
    expect(values('全年未收到行政复议申请。')['n.apply_received']).toBeUndefined();
  });

  it('reads other wordings: 群众 applications, 政务信息, reviews and lawsuits stated together, 不存在', () => {
    expect(values('全年受理群众申请公开政府信息5件。')).toEqual({ 'n.apply_received': 5 });
    expect(values('全年共收到群众政府信息公开申请3件。')).toEqual({ 'n.apply_received': 3 });
    expect(values('全年主动公开各类政务信息318条。')).toEqual({ 'n.active_total': 318 });
    expect(values('今年以来共公开各类信息256条。')).toEqual({ 'n.active_total': 256 });
    expect(values('政府信息公开行政复议、行政诉讼均为0件。')).toEqual({ 'n.review_count': 0, 'n.suit_count': 0 });
    expect(values('不存在收费情况。')).toEqual({ 'n.fees': 0 });
  });

  it('reads a sentence a wrapped paragraph breaks over lines, with the span over the printed text', () => {
    const text = '2022年，市市场监督管理局坚持以人民为中心的发展思想，全年主动公开政\n府信息1,207条，深入推进决策、执行、管理、服务、结果公开，收到政府信息公开申请\n67件。\n二、主动公开政府信息情况\n一、总体情况';
    const fields = extractProse(text, 'x');
    expect(Object.fromEntries(fields.map((f) => [f.key, f.value]))).toEqual({ 'n.active_total': 1207, 'n.apply_received': 67 });
    for (const f of fields) expect(text.slice(...f.source.span!)).toBe(f.text);
    // a heading after a long line is not part of its sentence
    expect(values('全年共处理各类事项若干，办结率达到百分之百，群众满意度不断提高\n二、收到政府信息公开申请3件')).toEqual({ 'n.apply_received': 3 });
  });

  it('reads "none" sentences as zero', () => {
    expect(values('本年度，木场乡没有接到公众、法人或其他组织要求公开政府信息的申请。2023年我乡未收取政府信息公开费用。')).toEqual({ 'n.apply_received': 0, 'n.fees': 0 });
    expect(values('本年度我局无申请行政复议和提起行政诉讼情况。')).toEqual({ 'n.review_count': 0, 'n.suit_count': 0 });
  });

  it('does not take a part for the whole, nor invent', () => {
    expect(values('其中，区直各部门主动公开政府信息1509条。今年累计主动公开采购信息25条。')).toEqual({});
    expect(values('共公布政府信息2599条，(其中机构职能类信息25条，其他应主动公开政府信息856条)')).toEqual({ 'n.active_total': 2599 });
    expect(values('三是加强行政复议、行政诉讼案件的处理工作。继续优化依申请公开服务。')).toEqual({});
    // a 表四 header run into text: 尚未审结 is not a negation
    expect(values('结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉')).toEqual({});
  });

  it('reads 万 and 千 multipliers', () => {
    expect(values('全年主动公开政府信息1.2万条，其中财政预决算信息3600余条。')).toEqual({ 'n.active_total': 12000 });
    expect(values('主动公开政府信息3千余条。')).toEqual({ 'n.active_total': '3000~' });
    expect(values('主动公开政府信息一万二千条。')).toEqual({ 'n.active_total': 12000 });
  });

  it('leaves a figure that counts something else null', () => {
    // 45 includes the 3 carried over from last year: not the applications received this year
    expect(values('全年共收到政府信息公开申请45件（含上年结转3件），均已办结。')).toEqual({});
    // per channel, no total
    expect(values('通过政府网站、微信公众号分别公开各类信息120条、85条。')).toEqual({});
  });

  it('leaves channel figures, running totals and figures counting carried-over applications null', () => {
    expect(values('全年通过政府网站主动公开信息1250条，通过政务微信公开信息380条。')).toEqual({});
    expect(values('截至2021年底，累计主动公开政府信息12345条。')).toEqual({});
    expect(values('依申请公开方面，全年共收到申请18件（其中上年结转2件）。')).toEqual({});
    // a date within the year is not a running total
    expect(values('截止2018年12月5日，2018年在政府信息公开网主动公开各类信息100余条。')).toEqual({ 'n.active_total': '100~' });
  });

  it('reads approximate figures, 依申请公开 counts and Fujian\'s 主动公开文件', () => {
    expect(values('全年主动公开政府信息约1200条。')).toEqual({ 'n.active_total': '1200~' });
    expect(values('本年度，我局共受理依申请公开事项3件。')).toEqual({ 'n.apply_received': 3 });
    expect(values('2012年，我局主动公开文件156条。')).toEqual({ 'n.active_total': 156 });
  });

  it('skips table text', () => {
    const text = '2.申请人逾期未按收费通知要求缴纳费用 | 0';
    expect(extractProse(text, 'x', [[0, text.length]])).toEqual([]);
  });
});
