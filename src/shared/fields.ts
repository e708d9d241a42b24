// The field catalogue: the typed copy of specs/report-fields.md. Keys are stable.

export type FieldKind = 'text' | 'date' | 'year' | 'count' | 'signed' | 'money' | 'enum';
export type FieldGroup = 'meta' | 't2' | 't2v19' | 't3' | 't4' | 'legacy' | 'n';
export type ReportFormat = '2021' | '2019' | 'legacy' | 'narrative';
export type DocKind = 'annual_report' | 'work_summary' | 'self_check' | 'other';

export interface FieldDef {
  key: string;
  group: FieldGroup;
  kind: FieldKind;
  /** zh-CN label as the official form prints it */
  label: string;
  /** unit the value is stored in, e.g. 万元, 元, 条 */
  unit?: string;
  /** layouts where the field exists; undefined = every layout */
  formats?: readonly ReportFormat[];
}

const defs: FieldDef[] = [];
const add = (d: FieldDef): void => {
  defs.push(d);
};

// ── Report metadata ──────────────────────────────────────────────
for (const [key, kind, label] of [
  ['meta.title', 'text', '标题'],
  ['meta.agency', 'text', '发布机关'],
  ['meta.year', 'year', '报告年度'],
  ['meta.published_at', 'date', '发布日期'],
  ['meta.format', 'enum', '统计表格式'],
  ['meta.doc_kind', 'enum', '文件类型'],
  ['meta.doc_number', 'text', '文号'],
  ['meta.index_number', 'text', '索引号'],
  ['meta.region', 'text', '地区'],
] as const) {
  add({ key, group: 'meta', kind, label });
}

// ── 2021 表二 ─────────────────────────────────────────────────────
const F2021: readonly ReportFormat[] = ['2021'];
const F2019: readonly ReportFormat[] = ['2019'];
const F19_21: readonly ReportFormat[] = ['2019', '2021'];
const FLEG: readonly ReportFormat[] = ['legacy'];

for (const [row, rowLabel] of [
  ['rules', '规章'],
  ['normative', '行政规范性文件'],
] as const) {
  for (const [col, colLabel] of [
    ['issued', '本年制发件数'],
    ['repealed', '本年废止件数'],
    ['valid', '现行有效件数'],
  ] as const) {
    add({ key: `t2.${row}.${col}`, group: 't2', kind: 'count', label: `${rowLabel}·${colLabel}`, unit: '件', formats: F2021 });
  }
}
for (const [row, rowLabel] of [
  ['license', '行政许可'],
  ['penalty', '行政处罚'],
  ['coercion', '行政强制'],
] as const) {
  add({ key: `t2.${row}.decisions`, group: 't2', kind: 'count', label: `${rowLabel}·本年处理决定数量`, formats: F2021 });
}
add({ key: 't2.fees.amount', group: 't2', kind: 'money', label: '行政事业性收费·本年收费金额', unit: '万元', formats: F2021 });

// ── 2019 表二 ─────────────────────────────────────────────────────
for (const [row, rowLabel] of [
  ['rules', '规章'],
  ['normative', '规范性文件'],
] as const) {
  for (const [col, colLabel] of [
    ['made', '本年新制作数量'],
    ['published', '本年新公开数量'],
    ['total', '对外公开总数量'],
  ] as const) {
    add({ key: `t2v19.${row}.${col}`, group: 't2v19', kind: 'count', label: `${rowLabel}·${colLabel}`, formats: F2019 });
  }
}
for (const [row, rowLabel] of [
  ['license', '行政许可'],
  ['other_services', '其他对外管理服务事项'],
  ['penalty', '行政处罚'],
  ['coercion', '行政强制'],
] as const) {
  add({ key: `t2v19.${row}.prev`, group: 't2v19', kind: 'count', label: `${rowLabel}·上一年项目数量`, formats: F2019 });
  add({ key: `t2v19.${row}.change`, group: 't2v19', kind: 'signed', label: `${rowLabel}·本年增/减`, formats: F2019 });
  add({ key: `t2v19.${row}.decisions`, group: 't2v19', kind: 'count', label: `${rowLabel}·处理决定数量`, formats: F2019 });
}
add({ key: 't2v19.fees.prev', group: 't2v19', kind: 'count', label: '行政事业性收费·上一年项目数量', formats: F2019 });
add({ key: 't2v19.fees.change', group: 't2v19', kind: 'signed', label: '行政事业性收费·本年增/减', formats: F2019 });
add({ key: 't2v19.procurement.count', group: 't2v19', kind: 'count', label: '政府集中采购·采购项目数量', formats: F2019 });
add({ key: 't2v19.procurement.amount', group: 't2v19', kind: 'money', label: '政府集中采购·采购总金额', unit: '元', formats: F2019 });

// ── 表三 (2019 and 2021) ─────────────────────────────────────────
export const T3_COLUMNS = [
  ['natural', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['social', '社会公益组织'],
  ['legal', '法律服务机构'],
  ['other_org', '其他'],
  ['total', '总计'],
] as const;

export const T3_ROWS: readonly (readonly [string, string, readonly ReportFormat[]])[] = [
  ['new', '一、本年新收政府信息公开申请数量', F19_21],
  ['carried_over', '二、上年结转政府信息公开申请数量', F19_21],
  ['granted', '（一）予以公开', F19_21],
  ['partial', '（二）部分公开', F19_21],
  ['denied_secret', '（三）不予公开·属于国家秘密', F19_21],
  ['denied_law', '（三）不予公开·其他法律行政法规禁止公开', F19_21],
  ['denied_safety', '（三）不予公开·危及“三安全一稳定”', F19_21],
  ['denied_third_party', '（三）不予公开·保护第三方合法权益', F19_21],
  ['denied_internal', '（三）不予公开·属于三类内部事务信息', F19_21],
  ['denied_process', '（三）不予公开·属于四类过程性信息', F19_21],
  ['denied_casefile', '（三）不予公开·属于行政执法案卷', F19_21],
  ['denied_query', '（三）不予公开·属于行政查询事项', F19_21],
  ['unable_not_held', '（四）无法提供·本机关不掌握相关政府信息', F19_21],
  ['unable_need_make', '（四）无法提供·没有现成信息需要另行制作', F19_21],
  ['unable_unclear', '（四）无法提供·补正后申请内容仍不明确', F19_21],
  ['ignored_petition', '（五）不予处理·信访举报投诉类申请', F19_21],
  ['ignored_repeat', '（五）不予处理·重复申请', F19_21],
  ['ignored_publication', '（五）不予处理·要求提供公开出版物', F19_21],
  ['ignored_massive', '（五）不予处理·无正当理由大量反复申请', F19_21],
  ['ignored_confirm', '（五）不予处理·要求行政机关确认或重新出具已获取信息', F19_21],
  ['other_overdue_fix', '（六）其他处理·申请人无正当理由逾期不补正', F2021],
  ['other_overdue_fee', '（六）其他处理·申请人逾期未按收费通知要求缴纳费用', F2021],
  ['other_other', '（六）其他处理·其他', F2021],
  ['other', '（六）其他处理', F2019],
  ['total', '（七）总计', F19_21],
  ['carried_forward', '四、结转下年度继续办理', F19_21],
];

for (const [row, rowLabel, formats] of T3_ROWS) {
  for (const [col, colLabel] of T3_COLUMNS) {
    add({ key: `t3.${row}.${col}`, group: 't3', kind: 'count', label: `${rowLabel}·${colLabel}`, unit: '件', formats });
  }
}

// ── 表四 ──────────────────────────────────────────────────────────
export const T4_GROUPS = [
  ['review', '行政复议'],
  ['suit_direct', '行政诉讼·未经复议直接起诉'],
  ['suit_after', '行政诉讼·复议后起诉'],
] as const;
export const T4_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;
for (const [group, groupLabel] of T4_GROUPS) {
  for (const [col, colLabel] of T4_COLUMNS) {
    add({ key: `t4.${group}.${col}`, group: 't4', kind: 'count', label: `${groupLabel}·${colLabel}`, unit: '件', formats: F19_21 });
  }
}

// ── Legacy 统计表 ────────────────────────────────────────────────
const legacy: readonly (readonly [string, string, string, FieldKind?])[] = [
  ['active.total', '主动公开政府信息数', '条'],
  ['active.normative', '其中：主动公开规范性文件数', '条'],
  ['active.normative_issued', '制发规范性文件总数', '件'],
  ['channel.gazette', '政府公报公开政府信息数', '条'],
  ['channel.website', '政府网站公开政府信息数', '条'],
  ['channel.weibo', '政务微博公开政府信息数', '条'],
  ['channel.wechat', '政务微信公开政府信息数', '条'],
  ['channel.other', '其他方式公开政府信息数', '条'],
  ['response.hotspots', '回应公众关注热点或重大舆情数', '次'],
  ['response.press', '参加或举办新闻发布会总次数', '次'],
  ['response.press_leaders', '其中：主要负责同志参加新闻发布会次数', '次'],
  ['response.interviews', '政府网站在线访谈次数', '次'],
  ['response.interviews_leaders', '其中：主要负责同志参加政府网站在线访谈次数', '次'],
  ['response.interpretations', '政策解读稿件发布数', '篇'],
  ['response.weibo_wechat', '微博微信回应事件数', '次'],
  ['response.other', '其他方式回应事件数', '次'],
  ['apply.received', '收到申请数', '件'],
  ['apply.in_person', '当面申请数', '件'],
  ['apply.fax', '传真申请数', '件'],
  ['apply.online', '网络申请数', '件'],
  ['apply.letter', '信函申请数', '件'],
  ['apply.completed', '申请办结数', '件'],
  ['apply.on_time', '按时办结数', '件'],
  ['apply.extended', '延期办结数', '件'],
  ['reply.total', '申请答复数', '件'],
  ['reply.already_public', '属于已主动公开范围数', '件'],
  ['reply.granted', '同意公开答复数', '件'],
  ['reply.partial', '同意部分公开答复数', '件'],
  ['reply.denied', '不同意公开答复数', '件'],
  ['reply.denied_state_secret', '其中：涉及国家秘密', '件'],
  ['reply.denied_commercial_secret', '其中：涉及商业秘密', '件'],
  ['reply.denied_privacy', '其中：涉及个人隐私', '件'],
  ['reply.denied_security', '其中：危及国家安全、公共安全、经济安全和社会稳定', '件'],
  ['reply.denied_not_gov_info', '其中：不是《条例》所指政府信息', '件'],
  ['reply.denied_other_law', '其中：法律法规规定的其他情形', '件'],
  ['reply.not_this_agency', '不属于本行政机关公开数', '件'],
  ['reply.not_exist', '申请信息不存在数', '件'],
  ['reply.amend', '告知作出更改补充数', '件'],
  ['reply.other_channel', '告知通过其他途径办理数', '件'],
  ['review.total', '行政复议数量', '件'],
  ['review.upheld', '行政复议·维持具体行政行为数', '件'],
  ['review.corrected', '行政复议·被依法纠错数', '件'],
  ['review.other', '行政复议·其他情形数', '件'],
  ['suit.total', '行政诉讼数量', '件'],
  ['suit.upheld', '行政诉讼·维持具体行政行为或者驳回原告诉讼请求数', '件'],
  ['suit.corrected', '行政诉讼·被依法纠错数', '件'],
  ['suit.other', '行政诉讼·其他情形数', '件'],
  ['complaints', '举报投诉数量', '件'],
  ['fees', '依申请公开信息收取的费用', '万元', 'money'],
  ['org.units', '政府信息公开工作专门机构数', '个'],
  ['org.reading_points', '设置政府信息公开查阅点数', '个'],
  ['org.staff', '从事政府信息公开工作人员数', '人'],
  ['org.staff_fulltime', '专职人员数', '人'],
  ['org.staff_parttime', '兼职人员数', '人'],
  ['org.budget', '政府信息公开专项经费', '万元', 'money'],
  ['meetings.meetings', '召开政府信息公开工作会议或专题会议数', '次'],
  ['meetings.trainings', '举办各类培训班数', '次'],
  ['meetings.trainees', '接受培训人员数', '人次'],
];
for (const [key, label, unit, kind] of legacy) {
  add({ key: `legacy.${key}`, group: 'legacy', kind: kind ?? 'count', label, unit, formats: FLEG });
}

// ── Prose figures ─────────────────────────────────────────────────
add({ key: 'n.active_total', group: 'n', kind: 'count', label: '正文·主动公开信息数', unit: '条' });
add({ key: 'n.apply_received', group: 'n', kind: 'count', label: '正文·收到公开申请数', unit: '件' });
add({ key: 'n.review_count', group: 'n', kind: 'count', label: '正文·行政复议数', unit: '件' });
add({ key: 'n.suit_count', group: 'n', kind: 'count', label: '正文·行政诉讼数', unit: '件' });
add({ key: 'n.fees', group: 'n', kind: 'money', label: '正文·收取费用', unit: '元' });

export const FIELDS: readonly FieldDef[] = Object.freeze(defs);
export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(defs.map((d) => [d.key, d]));

/** Cumulative (历年累计) companions of legacy keys are stored as `<key>#cumulative`. */
export const CUMULATIVE_SUFFIX = '#cumulative';

export function fieldDef(key: string): FieldDef | undefined {
  const base = key.endsWith(CUMULATIVE_SUFFIX) ? key.slice(0, -CUMULATIVE_SUFFIX.length) : key;
  return FIELD_BY_KEY.get(base);
}

export const META_KEYS = defs.filter((d) => d.group === 'meta').map((d) => d.key);
