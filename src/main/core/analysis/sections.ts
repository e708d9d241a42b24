// The numbered sections of a report body (一、总体情况 … 六、其他需要报告的事项), found by their
// headings wherever the text puts them (web copies run them into one line), in increasing order,
// so the 一、二、三 rows of the statistics tables are not taken for headings.
import type { SectionKey } from '../../../shared/analysis';

export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: '总体情况',
  active: '主动公开政府信息情况',
  requests: '收到和处理政府信息公开申请情况',
  fees: '收费及减免情况',
  appeals: '行政复议、行政诉讼情况',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
};

/** 2019 条例 第五十条 and the 2019/2021 forms; 2008 条例 第三十二条 for earlier years. */
export const REQUIRED_2019: readonly SectionKey[] = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'];
export const REQUIRED_2008: readonly SectionKey[] = ['active', 'requests', 'fees', 'appeals', 'problems', 'other'];

const KINDS: [SectionKey, RegExp][] = [
  ['overview', /^(?:总体情况|基本情况|概述|概况|概要)/u],
  ['problems', /存在的?(?:主要)?问题|问题(?:和|及|与)不足|改进(?:情况|措施)/u],
  ['other', /^其他(?:需要|应|应当)?(?:报告|说明)的?事项|^其他事项/u],
  ['fees', /收费(?:及|和)?减免/u],
  ['appeals', /行政复议|行政诉讼|复议、诉讼/u],
  ['requests', /收到和处理|依申请公开/u],
  ['active', /主动公开/u],
];

const NUMERALS = '一二三四五六七八九十';
const value = (n: string): number => (n.length === 2 ? 10 + NUMERALS.indexOf(n[1]!) + 1 : NUMERALS.indexOf(n) + 1);
const HEADING = /(?:^|[^一二三四五六七八九十第（(])([一二三四五六七八九]|十[一二]?)[、.．]\s*([^\s|。，,；;]{2,40})/gu;

export interface Section {
  key: SectionKey;
  number: number;
  title: string;
  /** [start, end) in the text: heading to the next section's heading; the body starts after the heading */
  start: number;
  body: number;
  end: number;
}

export function outline(text: string): Section[] {
  const found: Section[] = [];
  let last = 0;
  for (const m of text.matchAll(HEADING)) {
    const number = value(m[1]!);
    if (number <= last) continue;
    const title = m[2]!;
    const kind = KINDS.find(([, re]) => re.test(title))?.[0];
    if (!kind || found.some((s) => s.key === kind)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    const prev = found.at(-1);
    if (prev) prev.end = start;
    found.push({ key: kind, number, title, start, body: m.index + m[0].length, end: text.length });
    last = number;
  }
  return found;
}

/** The body of a section without its heading. */
export function sectionText(text: string, s: Section): string {
  return text.slice(s.body, s.end).trim();
}
