// Chinese numerals (一百零七, 两千, 二〇二〇, 十二) → integers.
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL = /[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/u;

/** Value of a Chinese numeral string, or null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇○Ｏ一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+$/u.test(s)) return null;
  // positional form without units: 二〇二〇
  if (![...s].some((c) => c in UNITS || c in BIG)) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c]!;
      digit = null;
    } else {
      section += digit ?? 0;
      total += (section || 1) * BIG[c]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
