// The region a report belongs to, as text: province + prefecture + county-level unit (福建省平潭综合实验区,
// 湖南省岳阳市平江县, 浙江省湖州市长兴县). The agency's own name says where it is as far as it goes; the
// gazetteer supplies the levels above; a name several places share is settled by the province or
// prefecture the document names elsewhere, else the part that cannot be settled is left out.
import { countiesNamed, gazetteer, mentions, type County, type Mention, type Prefecture, type Province } from './gazetteer';

interface Own {
  province?: Province;
  prefecture?: { text: string; candidates: Prefecture[] };
  county?: { text: string; candidates: County[] };
  /** the agency is a township, street or village under the county level (木场乡人民政府) */
  township?: string;
}

const HEAD = 20000;
/** Agency prefixes that are not places: 国家税务总局平潭综合实验区税务局, 中共… */
const NOT_PLACE = /^(?:国家税务总局|中共|中国共产党)/u;
const TOWNSHIP = /^([\p{Script=Han}]{1,8}?(?:乡|镇|街道|苏木|社区|村))(?:人民政府|政府|办事处|委员会|党委|居委会|村委会|$)/u;

/**
 * `site`: what the page says about the site it is on (the site's name after the title in <title>,
 * the footer's 主办单位): read only when the text does not tell a township's or placeless agency's county.
 */
export function regionOf(agency: string | null, text: string, site = ''): string | null {
  const found = placesOf(agency, text.slice(0, HEAD));
  if (!site || found.county || !found.underCounty) return found.region;
  const withSite = placesOf(agency, `${text.slice(0, HEAD)}\n${site}`);
  return withSite.county ? withSite.region : found.region;
}

/** `underCounty`: the agency is a township's, a street's or names no place (its county is looked for in the text) */
function placesOf(agency: string | null, head: string): { region: string | null; county: boolean; underCounty: boolean } {
  const named = mentions(head);
  const own = agency ? agencyPlaces(agency) : {};
  let province = own.province;
  const inProvince = <T extends { province: Province }>(list: readonly T[]): T[] => (province ? list.filter((x) => x.province === province) : [...list]);

  let prefectures = own.prefecture ? inProvince(own.prefecture.candidates) : [];
  let counties = own.county ? inProvince(own.county.candidates) : [];
  let countyText = own.county?.text;
  if (prefectures.length > 0) counties = counties.filter((c) => prefectures.includes(c.prefecture!));
  // the county of a township (or of an agency naming no place) is the one the text names; a
  // provincial agency (湖南省民政厅) has none
  const placeless = !own.province && !own.prefecture && !own.county;
  const underCounty = own.township ? !own.county && !own.prefecture : placeless;
  if (underCounty) {
    const found = countyFromText(head, named, own.township ?? null, province);
    if (found) {
      counties = found.candidates;
      countyText = found.text;
    }
  }
  counties = settle(counties, named, (c) => [c.prefecture, c.province]);
  if (counties.length === 1) {
    const [c] = counties as [County];
    province = c.province;
    prefectures = c.prefecture ? [c.prefecture] : [];
  } else if (counties.length > 1) {
    // the name stays, the levels it cannot be sure of are left out
    const provinces = new Set(counties.map((c) => c.province));
    if (provinces.size === 1) province = [...provinces][0];
  }
  if (prefectures.length === 0 && counties.length === 0 && (placeless || (own.township && !own.prefecture))) {
    prefectures = governmentPrefectures(head, named, province);
  }
  prefectures = settle(prefectures, named, (p) => [p, p.province]);
  if (prefectures.length === 1) province = prefectures[0]!.province;
  province ??= counties.length === 0 && prefectures.length === 0 && !agency ? undefined : governmentProvince(head, named);
  if (!province && prefectures.length === 0 && counties.length === 0) return { region: null, county: false, underCounty };

  const prefecture = prefectures.length === 1 ? prefectures[0]! : null;
  const parts = [
    province?.name,
    prefecture && !province?.municipality ? printedPrefecture(prefecture, own, named) : undefined,
    counties.length > 0 ? (countyText ?? counties[0]!.name) : undefined,
  ];
  return { region: parts.filter(Boolean).join('') || null, county: counties.length > 0, underCounty };
}

/** Place units at the start of an agency name: 广元市朝天区陈家乡人民政府 → 广元市, 朝天区, 陈家乡. */
function agencyPlaces(agency: string): Own {
  const g = gazetteer();
  let rest = agency.replace(NOT_PLACE, '');
  const own: Own = {};
  const take = (len: number): string => {
    const part = rest.slice(0, len);
    rest = rest.slice(len);
    return part;
  };
  const longest = <T>(lookup: (form: string) => T | undefined): [number, T] | null => {
    for (let len = Math.min(g.maxForm, rest.length); len >= 2; len--) {
      const found = lookup(rest.slice(0, len));
      if (found !== undefined) return [len, found];
    }
    return null;
  };
  const province = longest((f) => g.provinceForms.get(f)) ?? shortProvince(rest);
  if (province) {
    own.province = province[1];
    take(province[0]);
  }
  const prefecture = longest((f) => g.prefectureForms.get(f));
  if (prefecture) own.prefecture = { text: take(prefecture[0]), candidates: prefecture[1] };
  const exact = longest((f) => g.countyNames.get(f));
  // a county since renamed (宁乡县, now 宁乡市): the same stem under another suffix
  const renamed = exact ? null : /^[\p{Script=Han}]{2,6}?(?:自治县|县|市|区|旗)/u.exec(rest);
  const renamedCandidates = renamed ? countiesNamed(renamed[0]) : [];
  if (exact) own.county = { text: take(exact[0]), candidates: exact[1] };
  else if (renamed && renamedCandidates.length > 0 && !/^(?:市|县|区)/u.test(rest.slice(renamed[0].length))) own.county = { text: take(renamed[0].length), candidates: renamedCandidates };
  else if (!own.prefecture) Object.assign(own, zonePlace(rest));
  const township = TOWNSHIP.exec(rest);
  if (township) own.township = township[1];
  return own;
}

/** A province named short before one of its prefectures: 河北雄安新区 (not 海南藏族自治州, 吉林市). */
function shortProvince(rest: string): [number, Province] | null {
  const g = gazetteer();
  for (const province of g.provinces) {
    if (province.short.length < 2 || !rest.startsWith(province.short)) continue;
    const after = rest.slice(province.short.length);
    for (let len = Math.min(g.maxForm, after.length); len >= 2; len--) {
      if (g.prefectureForms.get(after.slice(0, len))?.some((p) => p.province === province)) return [province.short.length, province];
    }
  }
  return null;
}

const ZONE = /^([\p{Script=Han}]{2,3}?)(?:国家级?)?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|工业园区|产业园区|工业园|新区)/u;

/**
 * A zone named after its place: after a prefecture when one has that name (湘潭高新技术产业开发区 is
 * 湘潭市's, not 湘潭县's), else after its county (宁乡经济技术开发区 lies in 宁乡市), when one name.
 */
function zonePlace(rest: string): Pick<Own, 'prefecture' | 'county'> {
  const m = ZONE.exec(rest);
  if (!m) return {};
  const g = gazetteer();
  for (const form of [`${m[1]}市`, `${m[1]}州`, `${m[1]}地区`, `${m[1]}盟`]) {
    const prefectures = g.prefectureForms.get(form);
    if (prefectures) return { prefecture: { text: form, candidates: prefectures } };
  }
  const candidates = countiesNamed(`${m[1]}县`);
  return new Set(candidates.map((c) => c.name)).size === 1 ? { county: { text: candidates[0]!.name, candidates } } : {};
}

/**
 * Several places share a name (朝阳区, 鼓楼区): keep those whose prefecture or province the
 * document names; when the text prefers none, all stay.
 */
function settle<T>(candidates: T[], named: readonly Mention[], levels: (c: T) => (Prefecture | Province | null)[]): T[] {
  if (candidates.length <= 1) return candidates;
  const score = (c: T): number =>
    levels(c).reduce((sum, level, i) => {
      if (!level) return sum;
      const weight = i === 0 ? 2 : 1;
      return sum + weight * named.filter((m) => (m.kind === 'prefecture' ? m.prefectures.includes(level as Prefecture) : m.kind === 'province' && m.province === level)).length;
    }, 0);
  const scored = candidates.map((c) => ({ c, s: score(c) }));
  const best = Math.max(...scored.map((x) => x.s));
  if (best === 0) return candidates;
  return scored.filter((x) => x.s === best).map((x) => x.c);
}

/**
 * The county a township's report names: the one printed right before the township's name
 * (镇康县木场乡), else the one the text names as a government (砚山县人民政府) most often.
 */
function countyFromText(head: string, named: readonly Mention[], township: string | null, province: Province | undefined): { text: string; candidates: County[] } | null {
  const counties = named.filter((m): m is Extract<Mention, { kind: 'county' }> => m.kind === 'county');
  const fits = (m: Extract<Mention, { kind: 'county' }>): County[] => (province ? m.counties.filter((c) => c.province === province) : m.counties);
  if (township) {
    const before = counties.find((m) => head.startsWith(township, m.at + m.text.length) && fits(m).length > 0);
    if (before) return { text: before.text, candidates: fits(before) };
  }
  const tally = new Map<string, { m: Extract<Mention, { kind: 'county' }>; n: number }>();
  for (const m of counties) {
    if (!/^(?:人民政府|政府|委员会|县委|区委|市委|党委)/u.test(head.slice(m.at + m.text.length, m.at + m.text.length + 4)) || fits(m).length === 0) continue;
    const t = tally.get(m.text) ?? { m, n: 0 };
    t.n++;
    tally.set(m.text, t);
  }
  const ranked = [...tally.values()].sort((a, b) => b.n - a.n);
  if (ranked.length === 0 || (ranked[1] && ranked[1].n === ranked[0]!.n)) return null;
  return { text: ranked[0]!.m.text, candidates: fits(ranked[0]!.m) };
}

/** Prefectures the text names as governments (临沧市人民政府), the most often named first. */
function governmentPrefectures(head: string, named: readonly Mention[], province: Province | undefined): Prefecture[] {
  const tally = new Map<Prefecture, number>();
  for (const m of named) {
    if (m.kind !== 'prefecture' || !/^(?:人民政府|政府|委员会|市委|州委)/u.test(head.slice(m.at + m.text.length, m.at + m.text.length + 4))) continue;
    for (const p of m.prefectures) if (!province || p.province === province) tally.set(p, (tally.get(p) ?? 0) + 1);
  }
  const ranked = [...tally].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (!ranked[1] || ranked[1][1] < ranked[0]![1]) ? [ranked[0]![0]] : [];
}

/** The province the text names as a government (河南省人民政府办公厅), else the first it names. */
function governmentProvince(head: string, named: readonly Mention[]): Province | undefined {
  const provinces = named.filter((m): m is Extract<Mention, { kind: 'province' }> => m.kind === 'province');
  return (provinces.find((m) => /^(?:人民政府|政府)/u.test(head.slice(m.at + m.text.length, m.at + m.text.length + 4))) ?? provinces[0])?.province;
}

/** The prefecture as the agency or the text prints it (恩施州, 红河哈尼族彝族自治州), else its usual form. */
function printedPrefecture(p: Prefecture, own: Own, named: readonly Mention[]): string {
  if (own.prefecture?.candidates.includes(p)) return own.prefecture.text;
  const inText = named.find((m) => m.kind === 'prefecture' && m.prefectures.includes(p) && m.prefectures.length === 1);
  return inText?.text ?? p.usual;
}
