// Report metadata (meta.*): title, agency, covered year, publication date, doc kind, 文号, 索引号,
// region — each with the text and span it was read from.
import type { ExtractedField } from '../../../../shared/model';
import type { DocKind } from '../../../../shared/fields';
import type { NormalizedDoc } from '../../normalize/types';
import { closingLines, linesOf, metaField, type Line } from './lines';
import { parseDate } from './dates';
import { AGENCY_SUFFIX, agencyInTitle, bodyAgency, fullAgencyName, labelledAgency, signatureAgency } from './agency';
import { regionOf } from './region';

const TITLE = /(?:年度报告|工作报告|自查报告|工作总结|年报|情况报告|情况的报告|年度报告》?的函|年度报告》?的通知)\s*$/u;
const NOT_TITLE = /^(?:根据|按照|本报告|本年度报告|为|依据|现将|今年|\d{4}年[,，])/u;
const AGENCY_LINE = new RegExp(`^[\\p{Script=Han}（）()]+${AGENCY_SUFFIX}$`, 'u');
/** a navigation bar: short items apart (凤台县人民政府 政务公开 政府信息公开年报) */
const NAV_LINE = /^(?:[^\s\d]{2,8}\s+){2,}[^\s\d]{2,8}$/u;
/** a breadcrumb: 当前位置：首页 > 政务公开 > 政府信息公开年报 */
/** a row of the page's 索引号 box (索引号： | … | 信息分类： | 政府信息公开年报) */
const META_ROW = /(?:索\s*引\s*号|信息分类|主题分类|发布机构|生成日期|成文日期)\s*[:：]/u;
const BREADCRUMB = /^(?:当前位置|您现在的位置|你现在的位置|您的位置|你的位置|所在位置|现在位置|首页)|[>＞»›].*[>＞»›]/u;

export function extractMeta(doc: NormalizedDoc, sha256: string): ExtractedField[] {
  const lines = linesOf(doc.text);
  const out: ExtractedField[] = [];
  const add = (f: ExtractedField | null): void => void (f && out.push(f));
  const put = (key: string, f: Found<string | number> | null): void => add(f && metaField(key, f.value, f.text, f.start, f.confidence, sha256));
  const title = findTitle(lines, doc.pageMeta);
  put('meta.title', title);
  const agency = findAgency(lines, title?.value ?? null, doc.pageMeta);
  put('meta.agency', agency);
  const published = findPublished(lines, doc.pageMeta);
  put('meta.published_at', published);
  put('meta.year', findYear(lines, title?.value ?? null, published));
  add(docKind(lines, title, sha256));
  add(docNumber(lines, sha256));
  add(indexNumber(lines, sha256));
  // composed from the agency and the places the text names: no single span
  const site = [/[_|－—-]\s*([^_|－—-]+)$/u.exec(doc.pageMeta.title ?? '')?.[1], doc.pageMeta.site].filter(Boolean).join('\n');
  const region = regionOf(agency?.value ?? null, doc.text, site);
  if (region) add(metaField('meta.region', region, null, null, 0.7, sha256));
  return out;
}

interface Found<T> {
  value: T;
  text: string;
  start: number | null;
  confidence: number;
}

const clip = (s: string): string =>
  s
    // a markdown heading (# …) or the separator of a table cell before the text
    .replace(/^(?:#{1,6}\s+|[\s|]+)/u, '')
    .replace(/^[【[][^】\]]{1,12}[】\]]/u, '')
    .replace(/^《([^《》]+)》$/u, '$1')
    .replace(/[\s|]+$/u, '')
    .replace(/[_\-|—]\s*[^_\-|—]*(?:政府|网|门户)$/u, '')
    // a date printed after the title on its line
    .replace(/\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u, '')
    .trim();
/** a note after a title: 年度报告（全文）, 年度报告(修订版) */
const TITLE_NOTE = /\s*[（(](?:全文|正文|修订版|修订稿|更正版?|更新版?|图文版?|文字版|终稿|附表)[)）]$/u;
const isTitleText = (text: string): boolean => TITLE.test(text.replace(TITLE_NOTE, ''));

function findTitle(lines: readonly Line[], pageMeta: Record<string, string>): Found<string> | null {
  const labelled = lines.slice(0, 15).find((l) => /^(?:标\s*题|文件名称|信息名称|名\s*称)\s*[:：]/u.test(l.text));
  if (labelled) {
    const value = clip(labelled.text.replace(/^[^:：]*[:：][\s|]*/u, ''));
    if (value) return { value, text: value, start: labelled.start + labelled.text.indexOf(value), confidence: 0.95 };
  }
  const head = lines.slice(0, 30);
  const titled = head.map((l) => titleLike(clip(l.text)));
  // titles of other reports may stand above the article's (相关链接, 热点信息): the article's own
  // title is the one its date or source line follows
  const dated = (i: number): boolean => head.slice(i + 1, i + 4).some((l) => DATE_LABELS.some((re) => re.test(l.text)) || /(?:来源|发布机构)\s*[:：]/u.test(l.text));
  const pick = titled.findIndex((t, i) => t && !titled[i + 1] && dated(i));
  for (let i = 0; i < head.length; i++) {
    const text = clip(head[i]!.text);
    if (titled[i]) {
      if (pick >= 0 && pick !== i) continue;
      // the agency on a line of its own above the year: 宁乡经济技术开发区管理委员会 / 2021年度…报告
      const above = i > 0 ? clip(head[i - 1]!.text) : '';
      if (/^\d{4}\s*年/u.test(text) && !agencyInTitle(text) && above.length >= 4 && above.length <= 30 && AGENCY_LINE.test(above)) {
        return { value: above + text, text: above, start: head[i - 1]!.start + head[i - 1]!.text.indexOf(above), confidence: 0.8 };
      }
      return { value: text, text, start: head[i]!.start + head[i]!.text.indexOf(text), confidence: 0.9 };
    }
    if (pick >= 0 || text.length < 6 || text.length > 90 || NOT_TITLE.test(text) || BREADCRUMB.test(text) || NAV_LINE.test(text)) continue;
    // a title wrapped at the page width: …政府信息公开工作年 / 度报告, …2023年政府信 / 息公开工作年度报告
    const next = clip(head[i + 1]?.text ?? '');
    if (/(?:公开|政务|信息|\d{4}\s*年)/u.test(text) && next.length > 0 && next.length <= 12 && titleLike(text + next)) {
      return { value: text + next, text, start: head[i]!.start + head[i]!.text.indexOf(text), confidence: 0.8 };
    }
    // a title broken over two lines: 关于2015年度…情况的 / 自查报告
    if (/(?:公开|政务).*的$/u.test(text)) {
      const rest = head.slice(i + 1, i + 4).find((l) => l.text.trim().length <= 12 && TITLE.test(l.text.trim()));
      if (rest) return { value: text + rest.text.trim(), text, start: head[i]!.start + head[i]!.text.indexOf(text), confidence: 0.8 };
    }
  }
  const meta = pageMeta.articletitle ?? pageMeta.title;
  if (meta && isTitleText(clip(meta))) return { value: clip(meta), text: meta, start: null, confidence: 0.8 };
  return titleInRun(lines);
}

const YEAR = '(?:\\d{4}|[〇○零一二三四五六七八九]{4})';
const TITLE_IN_RUN = new RegExp(`[\\p{Script=Han}（）()]{2,60}?${YEAR}\\s*年度?[\\p{Script=Han}]{0,12}?(?:政府信息公开|政务公开|信息公开)[\\p{Script=Han}]{0,10}?(?:年度报告|工作报告|情况报告|年报|工作总结|自查报告)`, 'u');
/** what a page copied as one run prints before its title: menus, breadcrumbs, the column's name */
const BEFORE_TITLE = /^.*(?:首页|当前位置|所在位置|政务公开|信息公开|公开年报|年度报告|年报|互动交流|政务服务|专题专栏)/u;

/** A page copied as one long run of text (no line breaks): the first title-shaped stretch of its head. */
function titleInRun(lines: readonly Line[]): Found<string> | null {
  const first = lines.find((l) => l.text.trim());
  if (!first || first.text.length <= 90) return null;
  const head = first.text.slice(0, 2000);
  const m = TITLE_IN_RUN.exec(head);
  if (!m || head.slice(Math.max(0, m.index - 1), m.index) === '《') return null;
  // the agency before the year: what precedes it on the run is chrome
  const year = new RegExp(`${YEAR}\\s*年`, 'u').exec(m[0])!.index;
  const value = m[0].slice(0, year).replace(BEFORE_TITLE, '') + m[0].slice(year);
  const at = m.index + m[0].length - value.length;
  return { value, text: value, start: first.start + at, confidence: 0.6 };
}

/** A line that reads as a report's title (the checks of findTitle, title words and topic). */
function titleLike(text: string): boolean {
  if (text.length < 6 || text.length > 90 || NOT_TITLE.test(text) || BREADCRUMB.test(text) || NAV_LINE.test(text) || META_ROW.test(text)) return false;
  if (/年报$/u.test(text) && !/\d{4}|年度/u.test(text)) return false;
  return isTitleText(text) && /(?:公开|政务)/u.test(text);
}

function findAgency(lines: readonly Line[], title: string | null, pageMeta: Record<string, string>): Found<string> | null {
  const signature = signatureAgency(lines);
  const fromTitle = title ? agencyInTitle(title) : null;
  if (fromTitle) {
    const value = fullAgencyName(fromTitle, signature?.value ?? null);
    const line = lines.slice(0, 30).find((l) => l.text.includes(fromTitle));
    if (signature && value === signature.value) return { ...signature, confidence: 0.9 };
    return { value, text: fromTitle, start: line ? line.start + line.text.indexOf(fromTitle) : null, confidence: value === fromTitle ? 0.9 : 0.8 };
  }
  const found = signature ?? labelledAgency(lines) ?? bodyAgency(lines);
  if (found) return { ...found, value: fullAgencyName(found.value, null) };
  const source = pageMeta.contentsource?.trim();
  return source ? { value: fullAgencyName(source, null), text: source, start: null, confidence: 0.6 } : null;
}

const DATE_LABELS: readonly RegExp[] = [/(?:发布时间|发布日期|公开日期|发文日期)\s*[:：]/u, /成文日期\s*[:：]/u, /(?:^|\s)(?:日期|时间)\s*[:：]/u];

function findPublished(lines: readonly Line[], pageMeta: Record<string, string>): Found<string> | null {
  for (const label of DATE_LABELS) {
    for (const line of lines.slice(0, 30)) {
      const m = label.exec(line.text);
      if (!m) continue;
      const date = parseDate(line.text.slice(m.index + m[0].length, m.index + m[0].length + 30));
      if (date && date.index < 3) {
        const at = m.index + m[0].length + date.index;
        return { value: date.iso, text: line.text.slice(at, at + date.length), start: line.start + at, confidence: 0.95 };
      }
    }
  }
  const meta = pageMeta.pubdate ?? pageMeta.publishdate ?? pageMeta.firstpublishedtime;
  const fromMeta = meta ? parseDate(meta) : null;
  if (fromMeta) return { value: fromMeta.iso, text: meta!, start: null, confidence: 0.9 };
  // the signature date: a date standing alone (or after the agency) near the end
  const tail = closingLines(lines);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!;
    const date = parseDate(line.text);
    if (date && line.text.trim().length <= 40 && !/星期|印发?$/u.test(line.text.trim())) {
      return { value: date.iso, text: line.text.slice(date.index, date.index + date.length), start: line.start + date.index, confidence: 0.75 };
    }
  }
  return null;
}

function findYear(lines: readonly Line[], title: string | null, published: Found<string> | null): Found<number> | null {
  const inTitle = title ? /(\d{4})\s*年/u.exec(title) : null;
  if (inTitle) {
    const line = lines.slice(0, 30).find((l) => l.text.includes(inTitle[0]));
    return { value: Number(inTitle[1]), text: inTitle[1]!, start: line ? line.start + line.text.indexOf(inTitle[0]) : null, confidence: 0.95 };
  }
  const patterns = [/统计(?:期限|时限|时段)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/u, /(\d{4})\s*年度/u, /(\d{4})\s*年[,，]/u];
  for (const re of patterns) {
    for (const line of lines.slice(0, 60)) {
      const m = re.exec(line.text);
      if (m) {
        const at = m.index + m[0].indexOf(m[1]!);
        return { value: Number(m[1]), text: m[1]!, start: line.start + at, confidence: 0.75 };
      }
    }
  }
  return published && yearBefore(published);
}

/** Reports are published early in the following year: a date in January–June of Y stands for Y-1. */
function yearBefore(published: Found<string>): Found<number> | null {
  const [y, m] = published.value.split('-').map(Number) as [number, number];
  return m <= 6 ? { value: y - 1, text: published.text, start: published.start, confidence: 0.5 } : null;
}

// a letter or notice about reports is not a report: 关于报送…年度报告的函
const LETTER = /(?:函|通知|通报|公告|批复|意见|要点|方案)$/u;
/** an interpretation of a report (一图读懂：…年度报告, …年度报告解读) is not the report either */
const INTERPRETATION = /^(?:一图(?:读懂|看懂|了解)|图解|图说|解读|政策解读)|解读$/u;
const KINDS: readonly (readonly [RegExp, DocKind])[] = [
  [/自查报告/u, 'self_check'],
  [/年度报告|年报|本报告/u, 'annual_report'],
  [/总结/u, 'work_summary'],
  // 政府信息公开工作情况报告, 关于2019年政府信息公开工作情况的报告: the year's report under another name
  [/(?:信息公开|政务公开)[\p{Script=Han}（）()]*?报告/u, 'annual_report'],
];

/** headings of a report's own sections (the national outline and the legacy one) */
const REPORT_SECTIONS = ['总体情况', '概述', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '依申请公开', '行政复议、行政诉讼情况', '存在的主要问题', '其他需要报告的事项', '政府信息公开情况统计表'];

/** A notice publishing the report that prints it (关于公布…年度报告的通知, then the report), not a letter only naming it. */
const holdsReport = (lines: readonly Line[]): boolean => {
  const body = lines.map((l) => l.text).join('\n');
  return REPORT_SECTIONS.filter((h) => body.includes(h)).length >= 3;
};

/** The kind from the title, else from the opening lines (an untitled report still says 本年度报告). */
function docKind(lines: readonly Line[], title: Found<string> | null, sha256: string): ExtractedField {
  const field = (kind: DocKind, text: string | null, start: number | null, confidence: number): ExtractedField =>
    metaField('meta.doc_kind', kind, text, start, confidence, sha256);
  if (title && LETTER.test(title.value) && /年度报告|年报/u.test(title.value) && holdsReport(lines)) return field('annual_report', title.text, title.start, 0.7);
  if (title) return field(LETTER.test(title.value) || INTERPRETATION.test(title.value) ? 'other' : (KINDS.find(([re]) => re.test(title.value))?.[1] ?? 'other'), title.text, title.start, 0.9);
  const head = lines.slice(0, 10);
  const first = head.find((l) => l.text.trim());
  if (first && LETTER.test(first.text.trim())) return field('other', first.text.trim(), first.start + first.text.indexOf(first.text.trim()), 0.7);
  for (const [re, kind] of KINDS) {
    for (const line of head) {
      const m = re.exec(line.text);
      if (m) return field(kind, m[0], line.start + m.index, 0.7);
    }
  }
  return field('other', null, null, 0.4);
}

const OPEN = '〔[【(（［﹝〖';
const CLOSE = '〕\\]】)）］﹞〗';
const DOC_NUMBER = new RegExp(`([\\p{Script=Han}]{1,12}\\s*[${OPEN}]\\s*(?:19|20)\\d{2}\\s*[${CLOSE}]\\s*\\d{1,4}\\s*号)`, 'u');
/** 桂政办发 [2019] 12号 → 桂政办发〔2019〕12号 */
const canonicalDocNumber = (s: string): string => s.replace(/\s+/gu, '').replace(new RegExp(`[${OPEN}]`, 'u'), '〔').replace(new RegExp(`[${CLOSE}]`, 'u'), '〕');

function docNumber(lines: readonly Line[], sha256: string): ExtractedField | null {
  for (const line of lines.slice(0, 12)) {
    const labelled = /(?:发文字号|文\s*号)\s*[:：]\s*/u.exec(line.text);
    const from = labelled ? labelled.index + labelled[0].length : 0;
    const m = DOC_NUMBER.exec(line.text.slice(from));
    // a citation that a wrapped paragraph carried to the start of a line: …〔2021〕30号）要求编制
    if (!m || (!labelled && (m.index > 0 || /^[）)》]/u.test(line.text.slice(from + m.index + m[0].length))))) continue;
    return metaField('meta.doc_number', canonicalDocNumber(m[1]!), m[1]!, line.start + from + m.index, 0.9, sha256);
  }
  return null;
}

function indexNumber(lines: readonly Line[], sha256: string): ExtractedField | null {
  // the box of 索引号, 分类, 发布机构 may stand below the site's menus
  for (const line of lines.slice(0, 40)) {
    const m = /索\s*引\s*号\s*[:：][\s|]*([A-Za-z0-9][\w\-/.]*)/u.exec(line.text);
    if (m) return metaField('meta.index_number', m[1]!, m[1]!, line.start + m.index + m[0].indexOf(m[1]!), 0.95, sha256);
  }
  return null;
}
