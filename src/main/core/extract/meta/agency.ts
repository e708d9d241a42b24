// Who published the report: from the title, the signature, or the body; always the full name.
import { closingLines, type Line } from './lines';
import { CN } from './dates';

export const AGENCY_SUFFIX = '(?:人民政府|人民政府办公室|政府办公室|管委会|管理委员会|委员会|办事处|政府|局|委|办公室|办|厅|中心|院|所|署|站|馆|队|公司)';
const PLACE_ONLY = /(?:乡|镇|县|市|区|旗|州|街道)$/u;
const AGENCY_END = new RegExp(`${AGENCY_SUFFIX}$`, 'u');
const GOVERNMENT = /^(?:人民政府|政府|办事处|管委会)$/u;
const SIGNATURE = new RegExp(`^([\\p{Script=Han}（）()]{2,30}${AGENCY_SUFFIX})\\s*(?:\\d{4}\\s*年.*|${CN}{4}\\s*年.*)?$`, 'u');
const BODY = new RegExp(`([\\p{Script=Han}]{2,20}?${AGENCY_SUFFIX})\\s*\\d{4}\\s*年度?`, 'u');

export interface Found {
  value: string;
  text: string;
  start: number;
  confidence: number;
}

/** The agency printed before the year in a title: 维摩彝族乡2018年… → 维摩彝族乡. */
export function agencyInTitle(title: string): string | null {
  // 【2018年度】…, 一图读懂：…: a lead-in before the title proper
  const bare = title.replace(/^[【[][^】\]]*[】\]]/u, '').replace(/^[^：:\d]{2,8}[：:]\s*/u, '');
  // 2021年度醴陵市财政局政府信息公开工作年度报告: the agency follows the year
  const after = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?\s*([\p{Script=Han}（）()]{2,30}?)(?:政府信息公开|政务公开|信息公开)/u.exec(bare);
  if (after && after[1]!.replace(AGENCY_END, '').length >= 2 && (AGENCY_END.test(after[1]!) || PLACE_ONLY.test(after[1]!))) return after[1]!;
  const m = /^(.*?)\s*(?:关于)?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/u.exec(bare);
  // 某局关于报送2021年度…的函: the agency ends where 关于 starts
  const prefix = m?.[1]?.split('关于')[0]!.replace(/[\s]+$/u, '').trim();
  return prefix && prefix.length >= 2 && /\p{Script=Han}$/u.test(prefix) ? prefix : null;
}

/** The signing agency near the end of the document. */
export function signatureAgency(lines: readonly Line[]): Found | null {
  const tail = closingLines(lines);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!.text.trim();
    const m = SIGNATURE.exec(line);
    if (m && !/^(?:特此|此页|单位地址|联系)/u.test(line) && !/印发?$/u.test(line)) return { value: m[1]!, text: m[1]!, start: tail[i]!.start + tail[i]!.text.indexOf(m[1]!), confidence: 0.85 };
  }
  return null;
}

const LABELLED = /(?:发布机构|发文机关|发布单位|信息来源|来\s*源)\s*[:：]\s*([\p{Script=Han}（）()]{2,30})/u;

/** A header field naming the publisher: 发布机构：陈家乡, 来源：平江县民政局. */
export function labelledAgency(lines: readonly Line[]): Found | null {
  for (const line of lines.slice(0, 15)) {
    const m = LABELLED.exec(line.text);
    if (m && (AGENCY_END.test(m[1]!) || PLACE_ONLY.test(m[1]!))) return { value: m[1]!, text: m[1]!, start: line.start + m.index + m[0].length - m[1]!.length, confidence: 0.75 };
  }
  return null;
}

export function bodyAgency(lines: readonly Line[]): Found | null {
  for (const line of lines.slice(0, 40)) {
    const m = BODY.exec(line.text);
    if (m && !/^(?:本|我|该|各|全)/u.test(m[1]!)) return { value: m[1]!, text: m[1]!, start: line.start + m.index, confidence: 0.7 };
  }
  return null;
}

/** 文广新局 is short for 文化广电新闻出版局: every character, in order, same place. */
export function abbreviates(short: string, long: string): boolean {
  if (short === long || short[0] !== long[0]) return false;
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** The signature is the place's own government under its full address: 陈家乡 → 广元市朝天区陈家乡人民政府. */
function governs(place: string, signature: string): boolean {
  const at = signature.lastIndexOf(place);
  return at > 0 && PLACE_ONLY.test(place) && PLACE_ONLY.test(signature.slice(0, at)) && GOVERNMENT.test(signature.slice(at + place.length));
}

/** The signature names the same agency with the places above it: 龙潭镇人民政府 → 溆浦县龙潭镇人民政府. */
const addressed = (name: string, signature: string): boolean =>
  signature.length > name.length && signature.endsWith(name) && AGENCY_END.test(name) && PLACE_ONLY.test(signature.slice(0, -name.length));

/** The signature is a unit of the named agency (祁门县人民政府 → 祁门县人民政府办公室), not its full name. */
const subUnit = (name: string, signature: string): boolean => AGENCY_END.test(name) && signature.startsWith(name) && AGENCY_END.test(signature.slice(name.length));

/** A place name standing for its government: 维摩彝族乡 → 维摩彝族乡人民政府, 平潭综合实验区 → 平潭综合实验区管委会. */
export function fullAgencyName(name: string, signature: string | null): string {
  if (signature && !subUnit(name, signature) && (signature.startsWith(name) || abbreviates(name, signature) || governs(name, signature) || addressed(name, signature))) return signature;
  if (AGENCY_END.test(name)) return name;
  if (/(?:实验区|开发区|新区|高新区|示范区|园区)$/u.test(name)) return `${name}管委会`;
  if (/街道$/u.test(name)) return `${name}办事处`;
  return PLACE_ONLY.test(name) ? `${name}人民政府` : name;
}
