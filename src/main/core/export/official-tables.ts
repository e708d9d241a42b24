// One report's statistics in the layout of the official forms (表二, 表三, 表四, the legacy 统计表),
// as grids of cells with merged ranges, for per-table sheets of a single-report export.
import { FIELDS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, CUMULATIVE_SUFFIX, fieldDef, type ReportFormat } from '../../../shared/fields';
import type { FieldValue } from '../../../shared/model';

export type Cell = string | number | null;

export interface Grid {
  name: string;
  rows: Cell[][];
  /** [top, left, bottom, right], 1-based and inclusive, as spreadsheets count */
  merges: [number, number, number, number][];
  /** how many leading rows are headings */
  headRows: number;
  /** [row, column] of cells holding money (shown with two decimals) */
  moneyCells: [number, number][];
}

type Values = ReadonlyMap<string, FieldValue>;

class GridBuilder {
  rows: Cell[][] = [];
  merges: Grid['merges'] = [];
  moneyCells: Grid['moneyCells'] = [];
  /** mark the cells of money fields in the row just added; keys[i] is in column first + i */
  money(keys: readonly string[], first: number): void {
    keys.forEach((k, i) => fieldDef(k)?.kind === 'money' && this.moneyCells.push([this.rows.length, first + i]));
  }
  add(cells: Cell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push([top, left, bottom, right]);
  }
}

const T3_HEAD = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** 表三: three heading rows (申请人情况 › 自然人 / 法人或其他组织 › … / 总计), a row per item. */
export function table3(values: Values, layout: '2019' | '2021'): Grid {
  const g = new GridBuilder();
  const cols = T3_COLUMNS.length;
  g.add([T3_HEAD, null, null, '申请人情况', ...Array<Cell>(cols - 1).fill(null)]);
  g.add([null, null, null, '自然人', '法人或其他组织', null, null, null, null, '总计']);
  g.add([null, null, null, null, ...T3_COLUMNS.slice(1, -1).map(([, label]) => label), null]);
  g.merge(1, 1, 3, 3);
  g.merge(1, 4, 1, 3 + cols);
  g.merge(2, 4, 3, 4);
  g.merge(2, 5, 2, 3 + cols - 1);
  g.merge(2, 3 + cols, 3, 3 + cols);
  const rows = T3_ROWS.filter(([, , formats]) => formats.includes(layout));
  const firstResult = rows.findIndex(([row]) => row === 'granted');
  const lastResult = rows.findIndex(([row]) => row === 'total');
  let group: { label: string; start: number; n: number } | null = null;
  const closeGroup = (): void => {
    if (group) g.merge(group.start, 2, group.start + group.n - 1, 2);
    group = null;
  };
  rows.forEach(([row, label], i) => {
    const cells = T3_COLUMNS.map(([col]) => values.get(`t3.${row}.${col}`) ?? null);
    const inResult = i >= firstResult && i <= lastResult;
    const [head, sub] = label.split('·') as [string, string | undefined];
    if (!inResult) {
      closeGroup();
      g.merge(g.add([label, null, null, ...cells]), 1, g.rows.length, 3);
      return;
    }
    const first = i === firstResult ? '三、本年度办理结果' : null;
    if (sub === undefined) {
      closeGroup();
      const at = g.add([first, head, null, ...cells]);
      g.merge(at, 2, at, 3);
      return;
    }
    if (group?.label !== head) {
      closeGroup();
      group = { label: head, start: g.rows.length + 1, n: 0 };
    }
    group.n++;
    g.add([first, group.n === 1 ? head : null, `${group.n}.${sub}`, ...cells]);
  });
  closeGroup();
  g.merge(3 + firstResult + 1, 1, 3 + lastResult + 1, 1);
  return { name: '表三 依申请', rows: g.rows, merges: g.merges, headRows: 3, moneyCells: [] };
}

/** 表四: 行政复议 (5 columns) and 行政诉讼 (未经复议直接起诉 / 复议后起诉, 5 each) over one row. */
export function table4(values: Values): Grid {
  const g = new GridBuilder();
  const n = T4_COLUMNS.length;
  const labels = T4_COLUMNS.map(([, label]) => label);
  g.add(['行政复议', ...Array<Cell>(n - 1).fill(null), '行政诉讼', ...Array<Cell>(2 * n - 1).fill(null)]);
  g.add([...labels, '未经复议直接起诉', ...Array<Cell>(n - 1).fill(null), '复议后起诉', ...Array<Cell>(n - 1).fill(null)]);
  g.add([...Array<Cell>(n).fill(null), ...labels, ...labels]);
  g.add(T4_GROUPS.flatMap(([group]) => T4_COLUMNS.map(([col]) => values.get(`t4.${group}.${col}`) ?? null)));
  g.merge(1, 1, 1, n);
  g.merge(1, n + 1, 1, 3 * n);
  for (let c = 1; c <= n; c++) g.merge(2, c, 3, c);
  g.merge(2, n + 1, 2, 2 * n);
  g.merge(2, 2 * n + 1, 2, 3 * n);
  return { name: '表四 复议诉讼', rows: g.rows, merges: g.merges, headRows: 3, moneyCells: [] };
}

type Block = { item: string; columns: string[]; rows: [string, string[]][] };

const T2_2021: Block[] = [
  { item: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [['规章', ['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid']], ['行政规范性文件', ['t2.normative.issued', 't2.normative.repealed', 't2.normative.valid']]] },
  { item: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [['行政许可', ['t2.license.decisions']]] },
  { item: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: [['行政处罚', ['t2.penalty.decisions']], ['行政强制', ['t2.coercion.decisions']]] },
  { item: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: [['行政事业性收费', ['t2.fees.amount']]] },
];
const change = (row: string): string[] => [`t2v19.${row}.prev`, `t2v19.${row}.change`, `t2v19.${row}.decisions`];
const T2_2019: Block[] = [
  { item: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [['规章', ['t2v19.rules.made', 't2v19.rules.published', 't2v19.rules.total']], ['规范性文件', ['t2v19.normative.made', 't2v19.normative.published', 't2v19.normative.total']]] },
  { item: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['行政许可', change('license')], ['其他对外管理服务事项', change('other_services')]] },
  { item: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['行政处罚', change('penalty')], ['行政强制', change('coercion')]] },
  { item: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: [['行政事业性收费', ['t2v19.fees.prev', 't2v19.fees.change']]] },
  { item: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额（元）'], rows: [['政府集中采购', ['t2v19.procurement.count', 't2v19.procurement.amount']]] },
];

/** 表二: blocks per article item, each with 信息内容 and its columns; a narrow block spans the width. */
export function table2(values: Values, layout: '2019' | '2021'): Grid {
  const g = new GridBuilder();
  const width = 4;
  const spread = (cells: Cell[], at: number): void => {
    if (cells.length < width) g.merge(at, cells.length, at, width);
  };
  for (const block of layout === '2021' ? T2_2021 : T2_2019) {
    g.merge(g.add([block.item, null, null, null]), 1, g.rows.length, width);
    const head: Cell[] = ['信息内容', ...block.columns];
    spread(head, g.add([...head, ...Array<Cell>(width - head.length).fill(null)]));
    for (const [label, keys] of block.rows) {
      const cells: Cell[] = [label, ...keys.map((k) => values.get(k) ?? null)];
      spread(cells, g.add([...cells, ...Array<Cell>(width - cells.length).fill(null)]));
      g.money(keys, 2);
    }
  }
  return { name: '表二 主动公开', rows: g.rows, merges: g.merges, headRows: 0, moneyCells: g.moneyCells };
}

/** The legacy 统计表 and the figures stated in the prose, as a list: 指标, 单位, 本年, 历年累计. */
export function figureList(values: Values, unmapped: readonly { label: string; values: (number | null)[] }[]): Grid {
  const g = new GridBuilder();
  g.add(['字段 key', '指标', '单位', '本年', '历年累计']);
  for (const f of FIELDS) {
    if (f.group !== 'legacy' && f.group !== 'n') continue;
    const v = values.get(f.key) ?? null;
    const cumulative = values.get(`${f.key}${CUMULATIVE_SUFFIX}`) ?? null;
    if (f.group === 'n' && v === null) continue;
    g.add([f.key, f.label, f.unit ?? '', v, cumulative]);
    g.money([f.key, f.key], 4);
  }
  for (const u of unmapped) g.add(['', u.label, '', u.values[0] ?? null, u.values[1] ?? null]);
  return { name: '统计表 figures', rows: g.rows, merges: [], headRows: 1, moneyCells: g.moneyCells };
}

/** The per-table sheets a report of this layout has. */
export function officialTables(layout: ReportFormat | null, values: Values, unmapped: readonly { label: string; values: (number | null)[] }[]): Grid[] {
  if (layout === '2021' || layout === '2019') return [table2(values, layout), table3(values, layout), table4(values), figureList(values, unmapped)];
  return [figureList(values, unmapped)];
}
