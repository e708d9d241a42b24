// China's administrative divisions (GB/T 2260, generated into divisions.ts): province → prefecture →
// county-level units, with the forms running text uses (湖州 for 湖州市, 文山州 for 文山壮族苗族自治州,
// 宁乡县 for a county since renamed 宁乡市), and a scan of a text for the places it names.
import { DIVISIONS } from './divisions';

export interface Province {
  name: string;
  /** as used in running text: 河南, 广西, 内蒙古 */
  short: string;
  /** 北京市, 天津市, 上海市, 重庆市: districts lie under the province directly */
  municipality: boolean;
}

export interface Prefecture {
  name: string;
  province: Province;
  /** the form reports write when they do not print it themselves: 湖州市, 文山州, 兴安盟 */
  usual: string;
}

export interface County {
  name: string;
  /** null for units under the province directly (municipal districts, 省直辖 cities such as 仙桃市) */
  prefecture: Prefecture | null;
  province: Province;
}

/** Functional zones reports treat as prefecture-level units of their own (no GB/T 2260 code). */
const EXTRA = ['福建省/平潭综合实验区:', '河北省/雄安新区:'];

/** Ethnic names in autonomous units: 红河哈尼族彝族自治州 → 红河, 伊犁哈萨克自治州 → 伊犁. */
const ETHNIC = /(?:(?:柯尔克孜|乌孜别克|维吾尔|哈萨克|达斡尔|塔吉克|俄罗斯|鄂温克|塔塔尔|鄂伦春|蒙古|布依|朝鲜|土家|哈尼|傈僳|高山|拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京)族?)+(?=自治[州县旗])/u;
const COUNTY_SUFFIX = /(?:自治县|自治旗|林区|特区|新区|矿区|县|市|区|旗)$/u;

interface Gazetteer {
  provinces: Province[];
  prefectures: Prefecture[];
  counties: County[];
  /** province names, full and short (when followed by 省 etc.), → province */
  provinceForms: Map<string, Province>;
  /** prefecture forms as printed (湖州市, 恩施州, 红河哈尼族彝族自治州) → prefectures */
  prefectureForms: Map<string, Prefecture[]>;
  /** county-level names (full) → counties */
  countyNames: Map<string, County[]>;
  /** stems of county-level names of 2+ characters (宁乡, 镇宁) → counties, for renamed units */
  countyStems: Map<string, County[]>;
  /** longest form of any kind, for scanning */
  maxForm: number;
}

let cached: Gazetteer | null = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** 文山壮族苗族自治州 → 文山; 延边朝鲜族自治州 → 延边; 湖州市 → 湖州. */
export function stemOf(name: string): string {
  const bare = name.replace(ETHNIC, '');
  return bare.replace(/(?:自治州|自治县|自治旗|地区|市|州|盟|林区|特区|新区|矿区|县|区|旗)$/u, '');
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const provinces = new Map<string, Province>();
  const prefectures: Prefecture[] = [];
  const counties: County[] = [];
  const provinceForms = new Map<string, Province>();
  const prefectureForms = new Map<string, Prefecture[]>();
  const countyNames = new Map<string, County[]>();
  const countyStems = new Map<string, County[]>();
  for (const line of [...DIVISIONS.split('\n'), ...EXTRA]) {
    const [head, list = ''] = line.split(':') as [string, string];
    const [pname, cname = ''] = head.split('/') as [string, string];
    let province = provinces.get(pname);
    if (!province) {
      const short = pname.replace(/(?:壮族|回族|维吾尔)?自治区$|省$|市$/u, '');
      province = { name: pname, short, municipality: /市$/u.test(pname) };
      provinces.set(pname, province);
      provinceForms.set(pname, province);
    }
    let prefecture: Prefecture | null = null;
    if (cname) {
      const stem = stemOf(cname);
      const usual = /自治州$/u.test(cname) ? `${stem}州` : cname;
      prefecture = { name: cname, province, usual };
      prefectures.push(prefecture);
      for (const form of new Set([cname, usual, /地区$/u.test(cname) ? `${stem}地区` : usual])) push(prefectureForms, form, prefecture);
    }
    for (const name of list.split(' ').filter(Boolean)) {
      const county: County = { name, prefecture, province };
      counties.push(county);
      push(countyNames, name, county);
      const stem = stemOf(name);
      if (stem.length >= 2 && stem !== name) push(countyStems, stem, county);
    }
  }
  const forms = [...provinceForms.keys(), ...prefectureForms.keys(), ...countyNames.keys()];
  cached = { provinces: [...provinces.values()], prefectures, counties, provinceForms, prefectureForms, countyNames, countyStems, maxForm: Math.max(...forms.map((f) => f.length)) };
  return cached;
}

/** Province of a prefecture-level unit by any printed form (岳阳, 岳阳市, 红河哈尼族彝族自治州, 平潭综合实验区). */
export function provinceOfCity(name: string): Province | undefined {
  const g = gazetteer();
  const found = g.prefectureForms.get(name) ?? g.prefectureForms.get(`${name}市`) ?? g.prefectureForms.get(`${name}州`);
  const provinces = new Set(found?.map((p) => p.province));
  return provinces.size === 1 ? [...provinces][0] : undefined;
}

/** County-level units a printed name can stand for: the name itself, or a renamed unit of the same stem (宁乡县 → 宁乡市). */
export function countiesNamed(name: string): County[] {
  const g = gazetteer();
  const exact = g.countyNames.get(name);
  if (exact) return exact;
  if (!COUNTY_SUFFIX.test(name)) return [];
  const stem = stemOf(name);
  return stem.length >= 2 ? (g.countyStems.get(stem) ?? []) : [];
}

export type Mention =
  | { kind: 'province'; at: number; text: string; province: Province }
  | { kind: 'prefecture'; at: number; text: string; prefectures: Prefecture[] }
  | { kind: 'county'; at: number; text: string; counties: County[] };

const LEVEL_END = new Set([...'省市州盟区县旗']);

/**
 * Places a text names by their full printed forms (浙江省, 湖州市, 恩施州, 长兴县), longest first at
 * each end position; short province names count when followed by 省/市/自治区.
 */
export function mentions(text: string): Mention[] {
  const g = gazetteer();
  const out: Mention[] = [];
  for (let end = 1; end <= text.length; end++) {
    const last = text[end - 1]!;
    if (!LEVEL_END.has(last)) continue;
    for (let len = Math.min(g.maxForm, end); len >= 2; len--) {
      const form = text.slice(end - len, end);
      const at = end - len;
      const province = g.provinceForms.get(form);
      if (province) {
        out.push({ kind: 'province', at, text: form, province });
        break;
      }
      const prefectures = g.prefectureForms.get(form);
      if (prefectures) {
        out.push({ kind: 'prefecture', at, text: form, prefectures });
        break;
      }
      const counties = g.countyNames.get(form);
      // 城区, 郊区, 矿区 are words as well as names
      if (counties && !(len === 2 && last === '区')) {
        out.push({ kind: 'county', at, text: form, counties });
        break;
      }
    }
  }
  return out;
}
