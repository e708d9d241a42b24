// What each statistics table looks like: rows (label variants → field keys), column orders by
// header text, row constraints for re-segmenting digit runs. Built from the field catalogue.
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type ReportFormat } from '../../../../shared/fields';

export type Prior = 'count' | 'change' | 'money';

export interface RowDef {
  id: string;
  /** label variants as printed; matched as the end of a row's label, fuzzily */
  variants: readonly string[];
  /**
   * a data row under a header: its label may instead contain every one of these headings (a header
   * whose narrow cells a PDF copy prints word-broken, 结/果/维/持 stacked, ends in fragments)
   */
  headings?: readonly string[];
  /** the row is not this one when its label contains any of these */
  blockers?: readonly string[];
  /** field keys, in default column order */
  columns: readonly string[];
  /** header texts naming each column (same order as columns), to reorder by what the table prints */
  headers?: readonly (readonly string[])[];
  priors?: readonly Prior[];
  /** extra plausibility of a whole split (e.g. amount per procurement item) */
  joint?: (v: readonly number[]) => number;
  /** for digit runs: does a candidate split satisfy this row's own arithmetic? */
  balanced?: (v: readonly number[]) => boolean;
  /** legacy: rows below 行政复议数量 / 行政诉讼数量 share labels; they belong to the last group opened */
  group?: string;
  opensGroup?: string;
  /** a second value column 历年累计 may follow */
  cumulative?: boolean;
}

export interface TableSchema {
  id: string;
  /** the table starts at the first of these (canonical text) */
  signatures: readonly string[];
  rows: readonly RowDef[];
}

const sumIs = (parts: number, total: number) => (v: readonly number[]) => v.slice(0, parts).reduce((a, b) => a + b, 0) === v[total];

/**
 * 现行有效件数 is a stock: the documents issued this year are among those in force, and a
 * normative document stays valid for some five years, so the stock is a few years' issuance, and
 * few more are repealed than remain.
 */
const stockPlausibility = ([issued, repealed, valid]: readonly number[]): number =>
  (valid! < issued! ? -2 : 0) + (repealed! > valid! ? -1 : 0) - Math.abs(Math.log10(Math.max(1, valid!) / Math.max(1, issued!)) - 0.8);

/** 本年增/减 rarely exceeds the previous year's number of items. */
const changePlausibility = ([prev, change]: readonly number[]): number => (Math.abs(change!) > Math.max(1, prev!) ? -1 : 0);

// ── 表二 ──
const T2_2021: TableSchema = {
  id: 't2',
  signatures: ['本年制发件数', '本年废止件数', '现行有效件数'],
  rows: [
    ...(['rules', 'normative'] as const).map((row) => ({
      id: `t2.${row}`,
      variants: row === 'rules' ? ['规章'] : ['行政规范性文件', '规范性文件'],
      columns: ['issued', 'repealed', 'valid'].map((c) => `t2.${row}.${c}`),
      headers: [['本年制发件数', '本年制发'], ['本年废止件数', '本年废止'], ['现行有效件数', '现行有效']],
      joint: stockPlausibility,
    })),
    { id: 't2.license', variants: ['行政许可'], columns: ['t2.license.decisions'] },
    { id: 't2.penalty', variants: ['行政处罚'], columns: ['t2.penalty.decisions'] },
    { id: 't2.coercion', variants: ['行政强制'], columns: ['t2.coercion.decisions'] },
    { id: 't2.fees', variants: ['行政事业性收费'], columns: ['t2.fees.amount'], priors: ['money'] },
  ],
};

const SERVICE_HEADERS = [['上一年项目数量', '上年项目数量'], ['本年增减', '本年增加减少'], ['处理决定数量', '本年处理决定数量']];
const T2_2019: TableSchema = {
  id: 't2v19',
  signatures: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量'],
  rows: [
    ...(['rules', 'normative'] as const).map((row) => ({
      id: `t2v19.${row}`,
      variants: row === 'rules' ? ['规章'] : ['规范性文件'],
      columns: ['made', 'published', 'total'].map((c) => `t2v19.${row}.${c}`),
      headers: [['本年新制作数量', '本年新制作'], ['本年新公开数量', '本年新公开'], ['对外公开总数量', '对外公开总']],
      // what is made is usually published the same year; the total includes this year's
      joint: ([made, published, total]: readonly number[]) => (made === published ? 1 : 0) + (total! < published! ? -2 : 0),
    })),
    ...(
      [
        ['license', '行政许可'],
        ['other_services', '其他对外管理服务事项'],
        ['penalty', '行政处罚'],
        ['coercion', '行政强制'],
      ] as const
    ).map(([row, label]) => ({
      id: `t2v19.${row}`,
      variants: [label],
      columns: ['prev', 'change', 'decisions'].map((c) => `t2v19.${row}.${c}`),
      headers: SERVICE_HEADERS,
      priors: ['count', 'change', 'count'] as const,
      joint: changePlausibility,
    })),
    { id: 't2v19.fees', variants: ['行政事业性收费'], columns: ['t2v19.fees.prev', 't2v19.fees.change'], headers: SERVICE_HEADERS.slice(0, 2), priors: ['count', 'change'], joint: changePlausibility },
    {
      id: 't2v19.procurement',
      variants: ['政府集中采购'],
      columns: ['t2v19.procurement.count', 't2v19.procurement.amount'],
      headers: [['采购项目数量'], ['采购总金额']],
      priors: ['money', 'money'],
      // centralised procurement items cost around 10^5.5 元 each
      joint: ([count, amount]) => -0.5 * Math.abs(Math.log10(Math.max(1, amount!) / Math.max(1, count!)) - 5.5),
    },
  ],
};

// ── 表三 ──
const T3_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  new: ['本年新收政府信息公开申请数量', '本年新收政府信息公开申请数', '本年新收政府信息公开申请', '本年新收申请数量'],
  carried_over: ['上年结转政府信息公开申请数量', '上年结转政府信息公开申请数', '上年结转政府信息公开申请', '上年结转申请数量'],
  granted: ['予以公开'],
  partial: ['部分公开'],
  denied_secret: ['属于国家秘密'],
  denied_law: ['其他法律行政法规禁止公开'],
  denied_safety: ['危及三安全一稳定'],
  denied_third_party: ['保护第三方合法权益'],
  denied_internal: ['属于三类内部事务信息'],
  denied_process: ['属于四类过程性信息'],
  denied_casefile: ['属于行政执法案卷'],
  denied_query: ['属于行政查询事项'],
  unable_not_held: ['本机关不掌握相关政府信息'],
  unable_need_make: ['没有现成信息需要另行制作'],
  unable_unclear: ['补正后申请内容仍不明确'],
  ignored_petition: ['信访举报投诉类申请'],
  ignored_repeat: ['重复申请'],
  ignored_publication: ['要求提供公开出版物'],
  ignored_massive: ['无正当理由大量反复申请'],
  ignored_confirm: ['要求行政机关确认或重新出具已获取信息'],
  other_overdue_fix: ['行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正'],
  other_overdue_fee: ['行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用'],
  other_other: ['其他'],
  other: ['其他处理'],
  total: ['总计', '合计'],
  carried_forward: ['结转下年度继续办理', '结转下年度办理', '结转下年度'],
};
const T3_BLOCKERS: Readonly<Record<string, readonly string[]>> = {
  other_overdue_fix: ['缴纳费用', '收费通知'],
  other_overdue_fee: ['逾期不补正'],
  total: ['结果维持', '尚未审结'],
};

function t3Schema(format: '2019' | '2021'): TableSchema {
  return {
    id: `t3_${format}`,
    signatures: ['本年新收政府信息公开申请', '申请人情况'],
    rows: T3_ROWS.filter(([, , formats]) => formats.includes(format)).map(([row]) => ({
      id: `t3.${row}`,
      variants: T3_VARIANTS[row]!,
      ...(T3_BLOCKERS[row] ? { blockers: T3_BLOCKERS[row] } : {}),
      columns: T3_COLUMNS.map(([c]) => `t3.${row}.${c}`),
      balanced: sumIs(6, 6),
    })),
  };
}

// ── 表四: one row of 15 cells under a two-level header ──
const T4: TableSchema = {
  id: 't4',
  // the group headings span five cells each: a PDF copy keeps them whole where it breaks 结果维持
  signatures: ['结果维持', '未经复议直接起诉'],
  rows: [
    {
      id: 't4',
      // the data row follows the two-level header, whose last printed cell varies
      variants: ['总计', '尚未审结', '复议后起诉', '未经复议直接起诉'],
      headings: ['未经复议直接起诉', '复议后起诉'],
      columns: T4_GROUPS.flatMap(([g]) => T4_COLUMNS.map(([c]) => `t4.${g}.${c}`)),
      balanced: (v) => [0, 5, 10].every((o) => v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4]),
    },
    // transposed: one row per group under a header of the five results
    ...T4_GROUPS.map(([g]) => ({
      id: `t4.${g}`,
      variants: [{ review: '行政复议', suit_direct: '未经复议直接起诉', suit_after: '复议后起诉' }[g]!],
      columns: T4_COLUMNS.map(([c]) => `t4.${g}.${c}`),
      balanced: sumIs(4, 4),
    })),
  ],
};

// ── Legacy 统计表 (2008–2018), incl. shorter provincial variants (Fujian's 同意公开 / 不予公开, the
// older 当面申请 / 网上申请 / 非本机关掌握 / 信息不存在 without 数) ──
const L = (id: string, variants: readonly string[], extra: Partial<RowDef> = {}): RowDef => ({
  id: `legacy.${id}`,
  variants,
  columns: [`legacy.${id}`],
  cumulative: true,
  ...extra,
});
const LEGACY: TableSchema = {
  id: 'legacy',
  signatures: ['统计表', '统计指标', '指标名称', '计量单位'],
  rows: [
    L('active.total', ['主动公开政府信息数', '主动公开文件数', '主动公开信息数', '主动公开政府信息总数']),
    L('active.normative', ['主动公开规范性文件数']),
    L('active.normative_issued', ['制发规范性文件总数', '制发规范性文件数']),
    L('channel.gazette', ['政府公报公开政府信息数', '政府公报公开数', '政府公报公开信息数']),
    L('channel.website', ['政府网站公开政府信息数', '政府网站公开数', '政府网站公开信息数', '通过政府网站公开']),
    L('channel.weibo', ['政务微博公开政府信息数', '政务微博公开数']),
    L('channel.wechat', ['政务微信公开政府信息数', '政务微信公开数']),
    L('channel.other', ['其他方式公开政府信息数', '其他方式公开数']),
    L('response.hotspots', ['回应公众关注热点或重大舆情数']),
    L('response.press', ['参加或举办新闻发布会总次数', '举办新闻发布会次数']),
    L('response.press_leaders', ['主要负责同志参加新闻发布会次数']),
    L('response.interviews', ['政府网站在线访谈次数'], { blockers: ['主要负责同志'] }),
    L('response.interviews_leaders', ['主要负责同志参加政府网站在线访谈次数']),
    L('response.interpretations', ['政策解读稿件发布数']),
    L('response.weibo_wechat', ['微博微信回应事件数']),
    L('response.other', ['其他方式回应事件数']),
    L('apply.received', ['收到申请数', '受理政府信息依申请公开总数', '依申请公开总数', '受理申请总数', '收到申请总数', '受理总数', '受理申请数']),
    L('apply.in_person', ['当面申请数', '当面申请']),
    L('apply.fax', ['传真申请数', '传真申请'], { blockers: ['信函'] }),
    L('apply.online', ['网络申请数', '网上申请数', '网络申请', '网上申请']),
    L('apply.letter', ['信函申请数', '信函申请'], { blockers: ['传真'] }),
    L('apply.completed', ['申请办结数']),
    L('apply.on_time', ['按时办结数']),
    L('apply.extended', ['延期办结数']),
    L('reply.total', ['申请答复数', '对申请的答复总数', '答复总数']),
    L('reply.already_public', ['属于已主动公开范围数']),
    L('reply.granted', ['同意公开答复数', '同意公开'], { blockers: ['部分', '不同意'] }),
    L('reply.partial', ['同意部分公开答复数', '同意部分公开', '部分公开']),
    L('reply.denied', ['不同意公开答复数', '不予公开答复数', '不予公开数', '不同意公开', '不予公开']),
    L('reply.denied_state_secret', ['涉及国家秘密']),
    L('reply.denied_commercial_secret', ['涉及商业秘密']),
    L('reply.denied_privacy', ['涉及个人隐私']),
    L('reply.denied_security', ['危及国家安全公共安全经济安全和社会稳定']),
    L('reply.denied_not_gov_info', ['不是条例所指政府信息']),
    L('reply.denied_other_law', ['法律法规规定的其他情形']),
    L('reply.not_this_agency', ['不属于本行政机关公开数', '非本机关掌握', '不属于本机关掌握']),
    L('reply.not_exist', ['申请信息不存在数', '信息不存在数', '信息不存在']),
    L('reply.amend', ['告知作出更改补充数']),
    L('reply.other_channel', ['告知通过其他途径办理数']),
    L('review.total', ['行政复议数量', '行政复议数', '行政复议'], { opensGroup: 'review' }),
    L('review.upheld', ['维持具体行政行为数'], { group: 'review' }),
    L('review.corrected', ['被依法纠错数'], { group: 'review' }),
    L('review.other', ['其他情形数'], { group: 'review' }),
    L('suit.total', ['行政诉讼数量', '行政诉讼数', '行政诉讼'], { opensGroup: 'suit' }),
    L('suit.upheld', ['维持具体行政行为或者驳回原告诉讼请求数', '维持具体行政行为数'], { group: 'suit' }),
    L('suit.corrected', ['被依法纠错数'], { group: 'suit' }),
    L('suit.other', ['其他情形数'], { group: 'suit' }),
    L('complaints', ['举报投诉数量', '举报投诉数', '举报投诉']),
    L('fees', ['依申请公开信息收取的费用', '收取的费用', '收取费用'], { priors: ['money'] }),
    L('org.units', ['政府信息公开工作专门机构数']),
    L('org.reading_points', ['设置政府信息公开查阅点数', '政府信息公开查阅点数']),
    L('org.staff', ['从事政府信息公开工作人员数']),
    L('org.staff_fulltime', ['专职人员数']),
    L('org.staff_parttime', ['兼职人员数']),
    L('org.budget', ['政府信息公开专项经费'], { priors: ['money'] }),
    L('meetings.meetings', ['召开政府信息公开工作会议或专题会议数', '专题会议数']),
    L('meetings.trainings', ['举办各类培训班数']),
    L('meetings.trainees', ['接受培训人员数']),
  ],
};

export const LAYOUT_TABLES: Readonly<Record<Exclude<ReportFormat, 'narrative'>, readonly TableSchema[]>> = {
  '2021': [T2_2021, t3Schema('2021'), T4],
  '2019': [T2_2019, t3Schema('2019'), T4],
  legacy: [LEGACY],
};
