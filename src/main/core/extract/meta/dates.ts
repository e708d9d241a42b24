// Dates as printed (2019-01-13, 2019/1/13, 2019年1月13日, 二〇一九年一月十三日) → YYYY-MM-DD.
import { parseChineseNumeral } from '../values/numerals';

const CN = '[〇○零一二三四五六七八九十]';
export const DATE_PATTERN = new RegExp(
  `(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)|(${CN}{4})年(${CN}{1,2})月(${CN}{1,3})日`,
  'u',
);

export function parseDate(s: string): { iso: string; index: number; length: number } | null {
  const m = DATE_PATTERN.exec(s);
  if (!m) return null;
  const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])] : [parseChineseNumeral(m[6]!), parseChineseNumeral(m[7]!), parseChineseNumeral(m[8]!)];
  if (!y || !mo || !d || mo > 12 || d > 31 || y < 1990 || y > 2100) return null;
  return { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, index: m.index, length: m[0].length };
}
