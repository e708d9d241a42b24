// One cell or phrase → a value, per the spec's value rules. Keeps what it saw (approx, unit, sign).
import { parseChineseNumeral } from './numerals';

export type ParsedValue =
  | { kind: 'number'; value: number; approx: boolean; unit: string | null; signed: boolean; digits: string }
  /** a zero written as / — - 无 etc.: 0 inside a filled table */
  | { kind: 'zero_mark'; value: 0 }
  | { kind: 'blank' }
  | { kind: 'text' };

const ZERO_MARKS = new Set(['/', '／', '—', '——', '-', '－', '–', '─', '无', '無', '〇', 'O', 'Ｏ']);
/** one cell of dashes however many were typed (———) */
const ZERO_RUN = /^(?:—+|─+|-+|－+)$/u;
export const UNIT_WORDS = ['万元', '元', '条', '件', '次', '个', '人次', '人', '篇', '项', '家', '份', '期', '场'] as const;
const UNIT_RE = new RegExp(`(${UNIT_WORDS.join('|')})$`, 'u');

/** Full-width digits and signs to ASCII; thousands separators and inner spaces out. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．＋－，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const TRADITIONAL_UNITS: Readonly<Record<string, string>> = { 萬: '万', 條: '条', 個: '个', 項: '项', 餘: '余' };

export function parseValue(raw: string): ParsedValue {
  // 萬元, 條 … (繁體) are 万元, 条 …
  const s = asciiDigits(raw).replace(/\s+/g, '').replace(/^[(（]|[)）]$/g, '').replace(/[萬條個項餘]/gu, (c) => TRADITIONAL_UNITS[c]!);
  if (s === '') return { kind: 'blank' };
  if ((ZERO_MARKS.has(s) && s !== '0') || ZERO_RUN.test(s)) return { kind: 'zero_mark', value: 0 };
  let rest = s;
  let approx = false;
  const tail = /(余|多|以上|左右)$/u.exec(rest.replace(UNIT_RE, ''));
  let unit: string | null = null;
  const u = UNIT_RE.exec(rest);
  if (u) {
    unit = u[1]!;
    rest = rest.slice(0, -unit.length);
  }
  if (tail) {
    approx = true;
    rest = rest.slice(0, -tail[1]!.length);
  }
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(rest);
  if (num) {
    const digits = `${num[2]!.replace(/,/g, '')}${num[3] ?? ''}`;
    return { kind: 'number', value: Number(`${num[1]}${digits}`), approx, unit, signed: num[1] !== '', digits };
  }
  const cn = parseChineseNumeral(rest);
  if (cn !== null) return { kind: 'number', value: cn, approx, unit, signed: false, digits: String(cn) };
  return { kind: 'text' };
}

/** Convert a money value to the unit a field is stored in (万元 or 元). */
export function convertMoney(value: number, from: string | null, to: string): { value: number; note?: string } {
  if (!from || from === to) return { value };
  if (from === '元' && to === '万元') return { value: round(value / 1e4), note: `原文单位为元（${value}元），已换算为万元` };
  if (from === '万元' && to === '元') return { value: round(value * 1e4), note: `原文单位为万元（${value}万元），已换算为元` };
  return { value };
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;
