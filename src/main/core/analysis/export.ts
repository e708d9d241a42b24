// The analysis tables as XLSX (a sheet with a heading row; numbers stay numbers).
import type { AgencyLevel, ComplianceRow, GroupBy, GroupStats } from '../../../shared/analysis';
import { LEVEL_LABELS } from './level';
import { T3_ROWS } from '../../../shared/fields';
import { writeGrid } from '../export/xlsx';
import { XlsxWorkbook } from '../export/xlsx-writer';
import type { Cell, Grid } from '../export/official-tables';
import { SECTION_TITLES } from './sections';

const DENIED_LABELS = new Map(T3_ROWS.map(([row, label]) => [row, label.split('·')[1] ?? label]));

const BY_LABEL: Record<GroupBy, string> = { year: '年度', province: '省份', level: '层级' };

export function groupGrid(rows: readonly GroupStats[], by: GroupBy): Grid {
  const denied = Object.keys(rows[0]?.denied ?? {});
  const head: Cell[] = [
    BY_LABEL[by],
    '报告数',
    '有申请数的报告',
    '收到申请',
    '每份中位数',
    '每份 90% 分位',
    '予以公开',
    '办理总数',
    '予以公开占比',
    ...denied.map((d) => `不予公开·${DENIED_LABELS.get(d) ?? d}`),
    ...['复议', '诉讼'].flatMap((k) => ['维持', '纠正', '其他', '尚未审结', '总计'].map((c) => `${k}·${c}`)),
  ];
  const body = rows.map((r): Cell[] => [
    by === 'level' ? (LEVEL_LABELS[r.group as AgencyLevel] ?? r.group) : r.group,
    r.reports,
    r.withApplications,
    r.received,
    r.receivedMedian,
    r.receivedP90,
    r.granted,
    r.decided,
    r.grantedShare === null ? null : Math.round(r.grantedShare * 1000) / 1000,
    ...denied.map((d) => r.denied[d] ?? 0),
    ...[r.review, r.suit].flatMap((o) => [o.upheld, o.corrected, o.other, o.pending, o.total]),
  ]);
  return { name: '对比 groups', rows: [head, ...body], merges: [], headRows: 1, moneyCells: [] };
}

export function complianceGrid(rows: readonly ComplianceRow[]): Grid {
  const head: Cell[] = ['报告编号', '发布机关', '年度', '格式', '缺少的部分', '缺少的统计表', '未通过校验（错误）', '警告', '发布日期', '法定期限', '按时发布', '逾期天数'];
  const body = rows.map((r): Cell[] => [
    r.reportId,
    r.agency,
    r.year,
    r.layout,
    r.missingSections.map((k) => SECTION_TITLES[k]).join('、'),
    r.tables
      .filter((t) => !t.present)
      .map((t) => t.name)
      .join('、'),
    r.errors,
    r.warnings,
    r.publishedAt,
    r.deadline,
    r.onTime === null ? null : r.onTime ? '是' : '否',
    r.daysLate,
  ]);
  return { name: '完整性 compliance', rows: [head, ...body], merges: [], headRows: 1, moneyCells: [] };
}

export async function writeGridXlsx(grid: Grid, file: string): Promise<void> {
  const book = new XlsxWorkbook(file);
  writeGrid(book, grid);
  await book.commit();
}
