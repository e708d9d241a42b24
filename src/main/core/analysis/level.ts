// The administrative level of a reporting agency: township (乡/镇/街道, from the agency's name), central
// (国务院, 国家…), else the lowest unit the region names in the GB/T 2260 gazetteer: a county-level
// unit (县, 区, 旗, county-level cities, 省直辖 cities such as 仙桃市, municipal districts) is county,
// a prefecture-level unit (地级市, 自治州, 盟, 平潭综合实验区) city, a province alone province.
import { countiesNamed, gazetteer, mentions } from '../extract/meta/gazetteer';
import type { AgencyLevel } from '../../../shared/analysis';

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['central', 'province', 'city', 'county', 'township'];
export const LEVEL_LABELS: Record<AgencyLevel, string> = { central: '中央', province: '省级', city: '市级', county: '县级', township: '乡镇' };

const TOWNSHIP = /(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党委|党工委)|(?:乡|镇|街道)$/u;
const CENTRAL = /^(?:国务院|中华人民共和国|国家|中国)/u;
/** a county-level name the gazetteer has under a newer name (宁乡县 → 宁乡市), after the places it knows */
const COUNTY_TAIL = /^[\p{Script=Han}]{2,}(?:自治县|自治旗|县|区|旗|市)$/u;

export function provinceOf(region: string | null): string | null {
  if (!region) return null;
  return gazetteer().provinces.find((p) => region.startsWith(p.name))?.name ?? null;
}

const RANK: Record<'province' | 'prefecture' | 'county', AgencyLevel> = { province: 'province', prefecture: 'city', county: 'county' };

/** The lowest level the places named in a text reach (null: it names none). */
function placeLevel(text: string): AgencyLevel | null {
  let level: AgencyLevel | null = null;
  let end = 0;
  for (const m of mentions(text)) {
    const l = RANK[m.kind];
    if (level === null || AGENCY_LEVELS.indexOf(l) > AGENCY_LEVELS.indexOf(level)) level = l;
    end = Math.max(end, m.at + m.text.length);
  }
  const tail = text.slice(end);
  return level !== 'county' && COUNTY_TAIL.test(tail) && countiesNamed(tail).length > 0 ? 'county' : level;
}

export function levelOf(agency: string | null, region: string | null): AgencyLevel | null {
  if (agency && TOWNSHIP.test(agency)) return 'township';
  if (agency && CENTRAL.test(agency)) return 'central';
  return (region && placeLevel(region)) || (agency && placeLevel(agency)) || null;
}
