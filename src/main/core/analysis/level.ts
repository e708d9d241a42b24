// The administrative level of a reporting agency, from its name and region text:
// township (乡/镇/街道), county (县/区/旗, county-level cities), city (地级), province, central.
import { gazetteer, provinceOfCity } from '../extract/meta/gazetteer';
import type { AgencyLevel } from '../../../shared/analysis';

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['central', 'province', 'city', 'county', 'township'];
export const LEVEL_LABELS: Record<AgencyLevel, string> = { central: '中央', province: '省级', city: '市级', county: '县级', township: '乡镇' };

const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];
const TOWNSHIP = /(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党委|党工委)|(?:乡|镇|街道)$/u;
const CENTRAL = /^(?:国务院|中华人民共和国|国家|中国)/u;
const UNIT = /[\p{Script=Han}]+?(?:综合实验区|自治州|自治县|自治旗|新区|市|州|盟|地区|县|区|旗)/gu;

export function provinceOf(region: string | null): string | null {
  if (!region) return null;
  return gazetteer().provinces.find((p) => region.startsWith(p.name))?.name ?? null;
}

export function levelOf(agency: string | null, region: string | null): AgencyLevel | null {
  if (agency && TOWNSHIP.test(agency)) return 'township';
  if (agency && CENTRAL.test(agency)) return 'central';
  if (!region) return null;
  const province = provinceOf(region);
  const rest = province ? region.slice(province.length) : region;
  const units = rest.match(UNIT) ?? [];
  if (province && MUNICIPALITIES.includes(province)) return units.length === 0 ? 'province' : 'county';
  if (units.length === 0) return province ? 'province' : null;
  if (units.length >= 2) return 'county';
  // a prefecture-level unit the gazetteer knows (平潭综合实验区, 恩施州) is a city whatever its suffix
  return provinceOfCity(units[0]!) || !/(?:县|区|旗)$/u.test(units[0]!) ? 'city' : 'county';
}
