// Figures stated in sentences (n.*), only where the sentence is unambiguous.
import type { ExtractedField } from '../../../shared/model';
import { parseValue } from './values/parse';

interface ProseRule {
  key: string;
  /** a stated figure; group 1 is the number */
  figure: readonly RegExp[];
  /** a sentence saying there was none */
  none: readonly RegExp[];
  /** clauses mentioning these are about something else */
  unless?: RegExp;
  /** a clause naming one channel (…专栏) counts that channel's part, unless it lists several (A、B和C) */
  channel?: RegExp;
  /** a running total since an earlier date is not the year's figure */
  yearOnly?: boolean;
  /** figures per channel (通过网站…N条，通过微信…M条) give no total unless one says 共 */
  perChannel?: boolean;
}

// 1.2万条, 3千余条: a multiplier after the digits; Chinese numerals carry their own (一万二千)
// (spaces may stand around it: 主动公开政府信息 35,612 条)
const NUM = '\\s*(\\d[\\d,，]*(?:\\.\\d+)?(?:万|千)?(?:余|多)?|[一二两三四五六七八九十百千万]+(?:余|多)?)\\s*';
/** what follows a figure and makes it something else: （含上年结转3件） counts last year's too */
const QUALIFIED = /^[（(，,]?\s*(?:含|包括|包含|其中)[^）)。；]{0,12}结转/u;
/** 约1200条, 近百条, 超过300条: approximate */
const ABOUT = '(?:约|近|逾|超过)?';
/** a running total since some earlier year (截至2021年底，累计…; 历年), not the year's figure */
const SINCE = /历年|(?<!全年|本年|年度|全年共)累计/u;
// 未经复议 ("without prior review") and 尚未审结 ("pending", also broken as 尚未审 / 结), table
// headers, are not negations
const NEG = '(?:未(?!经复议|审)|没有|无|尚无|暂无|不存在)';

const RULES: readonly ProseRule[] = [
  {
    key: 'n.active_total',
    figure: [
      // 主动公开文件156条: Fujian's tables count documents (主动公开文件数)
      new RegExp(`主动公开(?:各类|政府|相关|的)?(?:政府|政务)?(?:信息|文件)(?:共计?|总计|合计|累计)?${ABOUT}${NUM}条`, 'gu'),
      new RegExp(`共(?:公布|公开|发布)(?:各类(?:政府|政务)?|政府|政务)信息${ABOUT}${NUM}条`, 'gu'),
    ],
    none: [],
    unless: /其中|其他|占|各乡镇|各部门|区直/u,
    channel: /专栏|栏目/u,
    yearOnly: true,
    perChannel: true,
  },
  {
    key: 'n.apply_received',
    figure: [
      new RegExp(`(?:收到|受理|新收|接收)(?:群众|公众|公民)?(?:政府信息公开|信息公开|公开)?申请(?:共计?)?${ABOUT}${NUM}(?:件|个|份)`, 'gu'),
      new RegExp(`(?:收到|受理|接到)(?:群众|公众|公民)?申请公开政府信息(?:共计?)?${ABOUT}${NUM}(?:件|个|份)`, 'gu'),
      new RegExp(`(?:收到|受理)依申请公开(?:政府信息)?(?:事项|申请)?(?:共计?)?${ABOUT}${NUM}(?:件|个|份)`, 'gu'),
    ],
    none: [new RegExp(`${NEG}(?:收到|接到|受理)[^，,]{0,30}申请`, 'u'), new RegExp(`${NEG}依申请公开(?:政府信息)?(?:情况|事项|信息事项|政府信息办理情况)`, 'u')],
    unless: /复议|诉讼/u,
  },
  {
    key: 'n.review_count',
    // 行政复议、行政诉讼均为0件 states both
    figure: [new RegExp(`行政复议(?:案件)?${NUM}(?:件|起)`, 'gu'), new RegExp(`行政复议[、和及与]行政诉讼(?:案件)?(?:均为|都为|均)${NUM}(?:件|起)`, 'gu')],
    none: [new RegExp(`${NEG}(?:发生|收到|接到|出现|申请|提起)?[^，,]{0,24}复议`, 'u')],
  },
  {
    key: 'n.suit_count',
    figure: [new RegExp(`行政诉讼(?:案件)?(?:均为|都为|均)?${NUM}(?:件|起)`, 'gu')],
    none: [new RegExp(`${NEG}(?:发生|收到|接到|出现|申请|提起)?[^，,]{0,30}诉讼`, 'u')],
  },
  {
    key: 'n.fees',
    figure: [new RegExp(`收取[^，,。]{0,12}费(?:用)?(?:共计?|合计|总计)?${NUM}元`, 'gu')],
    none: [new RegExp(`${NEG}[^，,]{0,24}(?:收取|收费)`, 'u'), /免费提供/u],
  },
];

/** Any sentence a rule can apply to mentions one of these. */
const TOPIC = /公开|申请|复议|诉讼|收取|收费|费用/u;

/** Sentences with their offsets. */
interface Sentence {
  s: string;
  at: number;
  /** offset in the text of the sentence's i-th character (line breaks of a wrapped paragraph left out of s) */
  pos: (i: number) => number;
}

/** a line break inside a sentence: a paragraph wrapped at a fixed width (text dumps, PDF copies) */
const WRAPPED = /(?<=[^\n]{24}[\p{Script=Han}\d，,、“”（）()])\n(?=[\p{Script=Han}\d，,、“”）)])(?![一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/gu;

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // a wrapped line break is marked with U+E000 (private use: not in the text) and left out of s
  for (const m of text.replace(WRAPPED, '\ue000').matchAll(/[^。；;！!？?\n|]+/gu)) {
    const breaks: number[] = [];
    const s = m[0].replace(/\ue000/gu, (_, i: number) => (breaks.push(i - breaks.length), ''));
    const pos = (i: number): number => m.index + i + breaks.filter((b) => b <= i).length;
    out.push({ s, at: m.index, pos });
  }
  return out;
}

/** `skip`: spans of statistics tables, whose labels are not sentences. */
export function extractProse(text: string, sha256: string, skip: readonly (readonly [number, number])[] = []): ExtractedField[] {
  const found = new Map<string, ExtractedField>();
  for (const sentence of sentences(text)) {
    const { s, at } = sentence;
    if (!TOPIC.test(s) || skip.some(([a, b]) => at < b && at + s.length > a)) continue;
    // a figure's span and printed text, across the line breaks of a wrapped paragraph
    const printed = (from: number, length: number): { text: string; span: [number, number] } => {
      const span: [number, number] = [sentence.pos(from), sentence.pos(from + length - 1) + 1];
      return { text: text.slice(...span), span };
    };
    for (const rule of RULES) {
      if (found.has(rule.key)) continue;
      const field = figureIn(rule, s, printed, sha256) ?? noneIn(rule, s, printed, sha256);
      if (field) found.set(rule.key, field);
    }
  }
  return [...found.values()];
}

type Printed = (from: number, length: number) => { text: string; span: [number, number] };

function figureIn(rule: ProseRule, s: string, printed: Printed, sha256: string): ExtractedField | null {
  const matches = rule.figure.flatMap((re) => [...s.matchAll(re)]).sort((a, b) => a.index - b.index);
  for (const m of matches) {
    // the clause the figure is in: a part ("其中…", "其他…") is not the whole
    const clause = s.slice(Math.max(0, ...[...'，,(（：:'].map((d) => s.lastIndexOf(d, m.index) + 1)), m.index + m[0].length);
    if (rule.unless?.test(clause) || QUALIFIED.test(s.slice(m.index + m[0].length))) continue;
    if (rule.channel?.test(clause) && !SEVERAL_CHANNELS.test(clause)) continue;
    if (rule.yearOnly && SINCE.test(s.slice(0, m.index + m[0].length))) continue;
    if (rule.perChannel && /通过|利用|借助|^在/u.test(clause) && !/共|合计|总计/u.test(clause) && channelFigures(s) >= 2) continue;
    const parsed = figure(m[1]!);
    if (!parsed) continue;
    const about = /(?:约|近|逾|超过)$/u.test(m[0].slice(0, m[0].lastIndexOf(m[1]!)));
    const at = printed(m.index, m[0].length);
    return field(rule.key, parsed.value, at.text, at.span, parsed.approx || about, 0.9, sha256);
  }
  return null;
}

/** 通过门户网站专栏、公示栏和微信公众号主动公开…: the channels listed together, the figure their total */
const SEVERAL_CHANNELS = /(?:通过|利用|借助|在)[^，,]*(?:和|、|及)[^，,]*(?:主动)?公开/u;

/** Clauses of a sentence stating a number of items published, parts (其中…) aside. */
const channelFigures = (s: string): number =>
  s.split(/[，,；;]/u).filter((c) => !/^\s*其中/u.test(c) && /(?:公开|发布)[^0-9]{0,16}\d[\d,.]*(?:万|千)?(?:余|多)?条/u.test(c)).length;

/** A stated figure: digits with separators, a 万/千 multiplier, 余/多 for approximate. */
function figure(raw: string): { value: number; approx: boolean } | null {
  const m = /^([\d.]+)(万|千)(余|多)?$/u.exec(raw.replace(/[,，]/g, ''));
  if (m) return { value: Math.round(Number(m[1]) * (m[2] === '万' ? 1e4 : 1e3)), approx: Boolean(m[3]) };
  const parsed = parseValue(raw.replace(/[,，]/g, ''));
  return parsed.kind === 'number' ? { value: parsed.value, approx: parsed.approx } : null;
}

function noneIn(rule: ProseRule, s: string, printed: Printed, sha256: string): ExtractedField | null {
  for (const re of rule.none) {
    const m = re.exec(s);
    if (!m) continue;
    // 未收到复议申请 is about something else; 未收到申请，未发生复议 says both
    const clause = s.slice(Math.max(0, ...[...'，,'].map((d) => s.lastIndexOf(d, m.index) + 1)), m.index + m[0].length);
    if (rule.key === 'n.apply_received' && rule.unless?.test(clause)) continue;
    const at = printed(m.index, m[0].length);
    return field(rule.key, 0, at.text, at.span, false, 0.8, sha256);
  }
  return null;
}

function field(key: string, value: number, text: string, span: [number, number], approx: boolean, confidence: number, sha256: string): ExtractedField {
  return { key, value, text, ...(approx ? { approx: true } : {}), confidence, status: 'auto', source: { sha256, span } };
}
