// Dates as printed (2019-01-13, 2019/1/13, 2019年1月13日, 二〇一九年元月十三日, 二O一九年…) → YYYY-MM-DD.
import { parseChineseNumeral } from '../values/numerals';

/** a digit of a date in Chinese numerals */
export const CN = '[〇○ＯO零一二三四五六七八九十]';
export const DATE_PATTERN = new RegExp(
  `(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)|(${CN}{4})\\s*年\\s*(${CN}{1,2}|元)\\s*月\\s*(${CN}{1,3})\\s*日`,
  'u',
);

/** 二O一九 (a letter O for 〇) and 元月 (the first month) read as numerals. */
const cnNumber = (s: string): number | null => (s === '元' ? 1 : parseChineseNumeral(s.replace(/[OＯ]/gu, '〇')));

export function parseDate(s: string): { iso: string; index: number; length: number } | null {
  const m = DATE_PATTERN.exec(s);
  if (!m) return null;
  const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])] : [cnNumber(m[6]!), cnNumber(m[7]!), cnNumber(m[8]!)];
  if (!y || !mo || !d || mo > 12 || d > 31 || y < 1990 || y > 2100) return null;
  return { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, index: m.index, length: m[0].length };
}
