// The region a report belongs to, as text: province + prefecture + county, as far as the report
// or its agency names them (福建省平潭综合实验区, 湖南省岳阳市平江县).
import { PROVINCES, provinceOfCity, type Province } from './gazetteer';

const CITY_LEVEL = /(?:市|州|盟)$/u;
const COUNTY_LEVEL = /(?:县|区|旗)$/u;

export function regionOf(agency: string | null, text: string): string | null {
  const places = agency ? placesIn(agency) : [];
  // the unit after a prefecture is the county level, whatever its suffix (恩施州利川市)
  const cityAt = places.findIndex((p) => CITY_LEVEL.test(p));
  const city = places[cityAt] ?? governmentPlace(text, '(?:市|州|盟)');
  const county = (cityAt >= 0 ? places[cityAt + 1] : places.find((p) => COUNTY_LEVEL.test(p))) ?? governmentPlace(text, '(?:县|旗)');
  const province =
    PROVINCES.find((p) => agency?.startsWith(p.name) || agency?.startsWith(p.short)) ??
    namedProvince(text) ??
    (city ? provinceOfCity(city) : undefined) ??
    (county ? provinceOfCity(county) : undefined);
  const parts = [province?.name, city && city !== province?.name ? city : undefined, county].filter((p): p is string => Boolean(p));
  const unique = parts.filter((p, i) => !parts.slice(0, i).some((q) => q.includes(p) || p.includes(q)));
  return unique.length ? unique.join('') : null;
}

/** Place units at the start of an agency name: 广元市朝天区陈家乡人民政府 → 广元市, 朝天区. */
function placesIn(agency: string): string[] {
  const out: string[] = [];
  let rest = agency.replace(/^(?:[\p{Script=Han}]{2,3}省|[\p{Script=Han}]{2,8}自治区)/u, '');
  for (let i = 0; i < 3; i++) {
    const m = /^([\p{Script=Han}]{2,7}?(?:综合实验区|自治州|自治县|市|州|盟|县|区|旗))/u.exec(rest);
    if (!m || /(?:管委会|政府|局)/u.test(m[1]!)) break;
    out.push(m[1]!);
    rest = rest.slice(m[1]!.length);
  }
  return out;
}

/**
 * The first place of the given level the text names as a government (岳阳市政府, 临沧市人民政府).
 * Running text gives no left boundary (的方式在镇康县人民政府): the name is the longest ending that
 * occurs as often as its shortest form.
 */
function governmentPlace(text: string, level: string): string | undefined {
  const head = text.slice(0, 20000);
  const re = new RegExp(`([\\p{Script=Han}]{1,4}${level})(?:人民政府|政府|委员会|党委)`, 'gu');
  for (const m of head.matchAll(re)) {
    const raw = m[1]!;
    const count = (s: string): number => head.split(s).length - 1;
    const shortest = count(raw.slice(-2));
    let name = raw.slice(-2);
    for (let len = 3; len <= raw.length; len++) if (count(raw.slice(-len)) === shortest) name = raw.slice(-len);
    const bare = afterParticle(name);
    if (bare.length >= 3 && !/^(?:各|本|全|该|我|县|市|区|省|州)/u.test(bare)) return bare;
  }
  return undefined;
}

/** Running text before a name: 主动在镇康县 → 镇康县 (when a real name of 2+ characters remains). */
function afterParticle(name: string): string {
  const cut = Math.max(...[...'在于向到由经对过助照据为是和与及的'].map((p) => name.lastIndexOf(p, name.length - 4)));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

function namedProvince(text: string): Province | undefined {
  let best: { p: Province; at: number } | undefined;
  for (const p of PROVINCES) {
    const at = text.search(new RegExp(`${p.short}(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)`, 'u'));
    if (at >= 0 && (!best || at < best.at)) best = { p, at };
  }
  return best?.p;
}
