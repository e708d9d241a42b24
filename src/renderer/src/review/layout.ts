// The review form laid out like the paper form: 表二 by layout, 表三 as the official grid with its
// merged headers, 表四 by group, the legacy 统计表 and prose figures as lists, metadata, and any
// field the layout has no place for. Pure data: the screen renders it, navigation walks it.
import { CUMULATIVE_SUFFIX, FIELDS, fieldDef, META_KEYS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type FieldGroup, type ReportFormat } from '../../../shared/fields';
import type { MessageKey } from '../i18n/zh-CN';

/** A header cell, with its spans. */
export interface HeadCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface FormRow {
  /** the row's header cells (already accounting for row spans above) */
  head: HeadCell[];
  /** field keys, one per value column; null where the form has no cell */
  cells: (string | null)[];
}

export interface FormBlock {
  id: string;
  /** e.g. 第二十条第（一）项 */
  caption?: string;
  /** header rows above the value columns, the corner included */
  head: HeadCell[][];
  rows: FormRow[];
  /** 'pairs': each cell carries its own label (metadata, lists) */
  kind: 'grid' | 'pairs';
}

export interface FormSection {
  id: string;
  title: MessageKey;
  blocks: FormBlock[];
}

export interface FormLayout {
  sections: FormSection[];
  /** every row of every block, in reading order: what navigation walks */
  rows: FormRow[];
  /** key → [row index in rows, column] */
  at: Map<string, [number, number]>;
}

/** The catalogue label of a key (a 历年累计 companion has its base key's label). */
export const fieldLabel = (key: string): string => fieldDef(key)?.label ?? key;

function block(id: string, caption: string | undefined, columns: string[], rows: [string, (string | null)[]][], corner = '信息内容'): FormBlock {
  return { id, caption, kind: 'grid', head: [[{ text: corner }, ...columns.map((text) => ({ text }))]], rows: rows.map(([text, cells]) => ({ head: [{ text }], cells })) };
}

function table2(format: '2021' | '2019'): FormBlock[] {
  if (format === '2021') {
    const decisions = (row: string) => [`t2.${row}.decisions`];
    return [
      block('t2.1', '第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
        ['规章', ['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid']],
        ['行政规范性文件', ['t2.normative.issued', 't2.normative.repealed', 't2.normative.valid']],
      ]),
      block('t2.5', '第二十条第（五）项', ['本年处理决定数量'], [['行政许可', decisions('license')]]),
      block('t2.6', '第二十条第（六）项', ['本年处理决定数量'], [
        ['行政处罚', decisions('penalty')],
        ['行政强制', decisions('coercion')],
      ]),
      block('t2.8', '第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', ['t2.fees.amount']]]),
    ];
  }
  const items = (row: string, cols: string[]) => cols.map((c) => `t2v19.${row}.${c}`);
  const projects = ['上一年项目数量', '本年增/减', '处理决定数量'];
  return [
    block('t2v19.1', '第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [
      ['规章', items('rules', ['made', 'published', 'total'])],
      ['规范性文件', items('normative', ['made', 'published', 'total'])],
    ]),
    block('t2v19.5', '第二十条第（五）项', projects, [
      ['行政许可', items('license', ['prev', 'change', 'decisions'])],
      ['其他对外管理服务事项', items('other_services', ['prev', 'change', 'decisions'])],
    ]),
    block('t2v19.6', '第二十条第（六）项', projects, [
      ['行政处罚', items('penalty', ['prev', 'change', 'decisions'])],
      ['行政强制', items('coercion', ['prev', 'change', 'decisions'])],
    ]),
    block('t2v19.8', '第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['行政事业性收费', items('fees', ['prev', 'change'])]]),
    block('t2v19.9', '第二十条第（九）项', ['采购项目数量', '采购总金额（元）'], [['政府集中采购', items('procurement', ['count', 'amount'])]]),
  ];
}

/** 表三: three label columns (part, item, sub-item) and the seven applicant columns under 申请人情况. */
function table3(format: '2021' | '2019'): FormBlock {
  const rows = T3_ROWS.filter(([, , formats]) => formats.includes(format));
  const cells = (row: string) => T3_COLUMNS.map(([c]) => `t3.${row}.${c}`);
  const parts = (text: string) => {
    const [item, sub] = text.split('·');
    return { item: item!, sub };
  };
  const results = rows.filter(([, text]) => text.startsWith('（'));
  const out: FormRow[] = [];
  let item = '';
  let n = 0;
  for (const [row, text] of rows) {
    if (!text.startsWith('（')) {
      out.push({ head: [{ text, colSpan: 3 }], cells: cells(row) });
      continue;
    }
    const head: HeadCell[] = row === results[0]![0] ? [{ text: '三、本年度办理结果', rowSpan: results.length }] : [];
    const p = parts(text);
    if (!p.sub) head.push({ text: p.item, colSpan: 2 });
    else {
      if (p.item !== item) head.push({ text: p.item, rowSpan: results.filter(([, t]) => parts(t).item === p.item).length });
      n = p.item === item ? n + 1 : 1;
      head.push({ text: `${n}.${p.sub}` });
    }
    item = p.item;
    out.push({ head, cells: cells(row) });
  }
  const corner = { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3 };
  const orgs = T3_COLUMNS.slice(1, 6).map(([, text]) => ({ text }));
  return {
    id: 't3',
    kind: 'grid',
    head: [
      [corner, { text: '申请人情况', colSpan: 7 }],
      [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
      orgs,
    ],
    rows: out,
  };
}

/** 表四: each group a row (复议; 诉讼 未经复议直接起诉 / 复议后起诉) by the five results. */
function table4(): FormBlock {
  const cells = (g: string) => T4_COLUMNS.map(([c]) => `t4.${g}.${c}`);
  const [[review], [direct], [after]] = T4_GROUPS;
  return {
    id: 't4',
    kind: 'grid',
    head: [[{ text: '', colSpan: 2 }, ...T4_COLUMNS.map(([, text]) => ({ text }))]],
    rows: [
      { head: [{ text: '行政复议', colSpan: 2 }], cells: cells(review) },
      { head: [{ text: '行政诉讼', rowSpan: 2 }, { text: '未经复议直接起诉' }], cells: cells(direct) },
      { head: [{ text: '复议后起诉' }], cells: cells(after) },
    ],
  };
}

/** The legacy 统计表: indicator | this year | 历年累计 (where the report has any). */
function legacyList(keys: ReadonlySet<string>): FormBlock {
  const defs = FIELDS.filter((d) => d.group === 'legacy');
  const cumulative = defs.some((d) => keys.has(d.key + CUMULATIVE_SUFFIX));
  return {
    id: 'legacy',
    kind: 'grid',
    head: [[{ text: '统计指标' }, { text: '本年' }, ...(cumulative ? [{ text: '历年累计' }] : [])]],
    rows: defs.map((d) => ({
      head: [{ text: `${d.label}${d.unit ? `（${d.unit}）` : ''}` }],
      cells: cumulative ? [d.key, d.key + CUMULATIVE_SUFFIX] : [d.key],
    })),
  };
}

/** Label–value list, two pairs to a row. */
function pairs(id: string, keys: readonly string[]): FormBlock {
  const rows: FormRow[] = [];
  for (let i = 0; i < keys.length; i += 2) rows.push({ head: [], cells: keys.slice(i, i + 2) });
  return { id, kind: 'pairs', head: [], rows };
}

const groupKeys = (group: FieldGroup) => FIELDS.filter((d) => d.group === group).map((d) => d.key);

/** The form for a report of `format` holding fields `keys`. */
export function formLayout(format: ReportFormat | null, keys: readonly string[]): FormLayout {
  const present = new Set(keys);
  const sections: FormSection[] = [{ id: 'meta', title: 'sectionMeta', blocks: [pairs('meta', META_KEYS)] }];
  if (format === '2021' || format === '2019') {
    sections.push({ id: 't2', title: format === '2021' ? 'group.t2' : 'group.t2v19', blocks: table2(format) });
    sections.push({ id: 't3', title: 'group.t3', blocks: [table3(format)] });
    sections.push({ id: 't4', title: 'group.t4', blocks: [table4()] });
  } else if (format === 'legacy') sections.push({ id: 'legacy', title: 'group.legacy', blocks: [legacyList(present)] });
  sections.push({ id: 'n', title: 'group.n', blocks: [pairs('n', groupKeys('n'))] });

  const placed = new Set(sections.flatMap((s) => s.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells))));
  const others = keys.filter((k) => !placed.has(k));
  if (others.length) sections.push({ id: 'other', title: 'review.otherFields', blocks: [pairs('other', others)] });

  const rows = sections.flatMap((s) => s.blocks.flatMap((b) => b.rows));
  const at = new Map<string, [number, number]>();
  rows.forEach((r, i) => r.cells.forEach((k, c) => k && at.set(k, [i, c])));
  return { sections, rows, at };
}
