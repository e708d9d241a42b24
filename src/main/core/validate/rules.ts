// Consistency rules of the spec: each turns a report's fields into findings (data, never exceptions).
// Blank cells (null) of a table that is present count as 0, and the message says so.
import type { CheckResult, ExtractedField } from '../../../shared/model';
import { T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../../../shared/fields';
import type { RuleId } from '../../../shared/rules';

export type FieldMap = ReadonlyMap<string, ExtractedField>;

export interface Rule {
  id: RuleId;
  /** one finding per place the rule applies (column, row, group); none when it does not apply */
  check(fields: FieldMap, today: Date): CheckResult[];
}

const num = (f: FieldMap, key: string): number | null => {
  const v = f.get(key)?.value;
  return typeof v === 'number' ? v : null;
};
const present = (f: FieldMap, keys: readonly string[]): boolean => keys.some((k) => num(f, k) !== null);

/** Σ left = Σ right, over fields; blanks as 0. `at`: the column, row or group id of the place. */
function balance(f: FieldMap, id: RuleId, place: string, left: readonly string[], right: readonly string[], severity: CheckResult['severity'] = 'error', at?: string): CheckResult[] {
  const keys = [...left, ...right];
  if (!present(f, keys)) return [];
  const sum = (ks: readonly string[]): number => ks.reduce((a, k) => a + (num(f, k) ?? 0), 0);
  const l = sum(left);
  const r = sum(right);
  const diff = Math.round((l - r) * 1e6) / 1e6;
  const blanks = keys.filter((k) => num(f, k) === null).length;
  const note = blanks > 0 ? `（${blanks} 个空白按 0 计）` : '';
  return [
    {
      rule: id,
      ok: diff === 0,
      severity,
      keys,
      message: diff === 0 ? `${place}：${l} = ${r}${note}` : `${place}：${l} ≠ ${r}（差 ${Math.abs(diff)}）${note}`,
      ...(diff === 0 ? {} : { diff }),
      params: { ...(at ? { place: at } : {}), left: l, right: r, blanks },
    },
  ];
}

const t3Rows = (f: FieldMap): string[] => {
  const has21 = present(f, T3_COLUMNS.map(([c]) => `t3.other_overdue_fix.${c}`).concat(T3_COLUMNS.map(([c]) => `t3.other_other.${c}`)));
  return T3_ROWS.filter(([, , formats]) => formats.includes(has21 ? '2021' : '2019')).map(([r]) => r);
};
const OUTCOMES = (rows: readonly string[]): string[] => rows.filter((r) => !['new', 'carried_over', 'total', 'carried_forward'].includes(r));

export const RULES: readonly Rule[] = [
  {
    id: 't3.column_balance',
    check: (f) =>
      T3_COLUMNS.flatMap(([c, label]) => balance(f, 't3.column_balance', `表三 ${label}列 一+二 与 总计+四`, [`t3.new.${c}`, `t3.carried_over.${c}`], [`t3.total.${c}`, `t3.carried_forward.${c}`], 'error', c)),
  },
  {
    id: 't3.column_total',
    check: (f) => {
      const outcomes = OUTCOMES(t3Rows(f));
      return T3_COLUMNS.flatMap(([c, label]) => balance(f, 't3.column_total', `表三 ${label}列 总计 与 各办理结果之和`, [`t3.total.${c}`], outcomes.map((r) => `t3.${r}.${c}`), 'error', c));
    },
  },
  {
    id: 't3.row_total',
    // a 总计 column left blank in every row is not printed, not zero; nor are the kinds of
    // organisation when the table gives 法人或其他组织 as one figure
    check: (f) =>
      !present(f, T3_ROWS.map(([row]) => `t3.${row}.total`)) || !present(f, T3_ROWS.flatMap(([row]) => T3_COLUMNS.slice(1, 6).map(([c]) => `t3.${row}.${c}`)))
        ? []
        : T3_ROWS.flatMap(([row, label]) =>
        balance(f, 't3.row_total', `表三 ${label} 行 总计 与 各类申请人之和`, [`t3.${row}.total`], T3_COLUMNS.slice(0, 6).map(([c]) => `t3.${row}.${c}`), 'error', row),
      ),
  },
  {
    id: 't4.group_total',
    check: (f) =>
      T4_GROUPS.flatMap(([g, label]) =>
        balance(f, 't4.group_total', `表四 ${label} 总计 与 各结果之和`, [`t4.${g}.total`], T4_COLUMNS.slice(0, 4).map(([c]) => `t4.${g}.${c}`), 'error', g),
      ),
  },
  legacySum('legacy.apply_channels', '收到申请数 与 各渠道之和', 'apply.received', ['apply.in_person', 'apply.fax', 'apply.online', 'apply.letter']),
  legacySum('legacy.apply_completed', '申请办结数 与 按时+延期', 'apply.completed', ['apply.on_time', 'apply.extended']),
  legacySum('legacy.reply_denied', '不同意公开答复数 与 其中各项之和', 'reply.denied', [
    'reply.denied_state_secret',
    'reply.denied_commercial_secret',
    'reply.denied_privacy',
    'reply.denied_security',
    'reply.denied_not_gov_info',
    'reply.denied_other_law',
  ]),
  legacySum('legacy.review_total', '行政复议数量 与 各情形之和', 'review.total', ['review.upheld', 'review.corrected', 'review.other']),
  legacySum('legacy.suit_total', '行政诉讼数量 与 各情形之和', 'suit.total', ['suit.upheld', 'suit.corrected', 'suit.other']),
  legacySum('legacy.org_staff', '工作人员数 与 专职+兼职', 'org.staff', ['org.staff_fulltime', 'org.staff_parttime']),
  {
    id: 'prose.table_agree',
    check: (f) =>
      PROSE_PAIRS.flatMap(([prose, table, scale, label]) => {
        const p = num(f, prose);
        if (p === null || !present(f, table)) return [];
        const t = Math.round(table.reduce((a, k) => a + (num(f, k) ?? 0), 0) * scale * 1e6) / 1e6;
        const ok = p === t;
        return [
          {
            rule: 'prose.table_agree',
            ok,
            severity: 'warning' as const,
            keys: [prose, ...table],
            message: ok ? `${label}：正文 ${p} 与表格 ${t} 一致` : `${label}：正文 ${p} ≠ 表格 ${t}（差 ${Math.abs(p - t)}）`,
            ...(ok ? {} : { diff: p - t }),
            params: { left: p, right: t },
          },
        ];
      }),
  },
  {
    id: 'meta.year_range',
    check(f, today) {
      const year = num(f, 'meta.year');
      if (year === null) return [];
      const max = today.getFullYear();
      const ok = year >= 2007 && year <= max;
      return [{ rule: this.id, ok, severity: 'error', keys: ['meta.year'], message: ok ? `报告年度 ${year} 在 2007–${max} 之间` : `报告年度 ${year} 不在 2007–${max} 之间`, params: { left: year, right: max } }];
    },
  },
  {
    id: 'meta.published_after_year',
    check(f) {
      const year = num(f, 'meta.year');
      const date = f.get('meta.published_at')?.value;
      if (year === null || typeof date !== 'string') return [];
      const ok = date >= `${year}-01-01`;
      return [
        {
          rule: this.id,
          ok,
          severity: 'warning',
          keys: ['meta.year', 'meta.published_at'],
          message: ok ? `发布日期 ${date} 晚于 ${year} 年初` : `发布日期 ${date} 早于所报告年度 ${year} 的开始`,
          params: { left: year, date },
        },
      ];
    },
  },
];

/** Prose figure ↔ the table figures (summed, times a unit factor) stating the same thing. */
const PROSE_PAIRS: readonly (readonly [string, readonly string[], number, string])[] = [
  ['n.apply_received', ['t3.new.total'], 1, '收到申请数'],
  ['n.apply_received', ['legacy.apply.received'], 1, '收到申请数'],
  ['n.active_total', ['legacy.active.total'], 1, '主动公开信息数'],
  ['n.review_count', ['t4.review.total'], 1, '行政复议数'],
  ['n.review_count', ['legacy.review.total'], 1, '行政复议数'],
  ['n.suit_count', ['t4.suit_direct.total', 't4.suit_after.total'], 1, '行政诉讼数'],
  ['n.suit_count', ['legacy.suit.total'], 1, '行政诉讼数'],
  // prose fees are in 元, the legacy table's in 万元
  ['n.fees', ['legacy.fees'], 1e4, '收取的费用（元）'],
];

function legacySum(id: RuleId, place: string, total: string, parts: readonly string[]): Rule {
  return {
    id,
    check: (f) => {
      // a part the table does not print at all is not zero (provincial tables merge 信函、传真 into one
      // row): check only tables that print every part
      if (!parts.every((p) => f.has(`legacy.${p}`))) return [];
      return balance(f, id, `统计表 ${place}`, [`legacy.${total}`], parts.map((p) => `legacy.${p}`));
    },
  };
}
