// Records of the analysis views (core → UI): one agency across years, many agencies grouped,
// completeness and compliance per report.
import type { ReportFormat } from './fields';

export type SectionKey = 'overview' | 'active' | 'requests' | 'fees' | 'appeals' | 'problems' | 'other';
export type AgencyLevel = 'central' | 'province' | 'city' | 'county' | 'township';
export type GroupBy = 'year' | 'province' | 'level';

export interface AgencyEntry {
  agency: string;
  region: string | null;
  years: number[];
}

/** The agency the one-agency view opens on: the first (most reports) with more than one year. */
export const defaultAgency = (list: readonly AgencyEntry[]): AgencyEntry | undefined => list.find((a) => a.years.length > 1) ?? list[0];

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface AgencyTrend {
  agency: string;
  years: { year: number; reportId: number; layout: ReportFormat | null; publishedAt: string | null }[];
  /** every figure with a value in some year, values aligned with years; change = this − previous */
  figures: { key: string; label: string; group: string; values: (number | null)[]; changes: (number | null)[] }[];
  /** the cross-year rules (结转 chain, 现行有效 chain) of each year's report */
  chains: { year: number; rule: string; ok: boolean; severity: string; message: string }[];
  /** prose sections compared year to year (sentence by sentence) */
  prose: { section: SectionKey; title: string; from: number; to: number; parts: DiffPart[]; changed: boolean }[];
}

/** One report's part in a group of the comparison: the figures its row adds up. */
export interface GroupMember {
  reportId: number;
  agency: string | null;
  region: string | null;
  year: number | null;
  group: string;
  /** null when the report gives no number of applications */
  received: number | null;
  granted: number;
  decided: number;
  /** 不予公开 by reason (row key of 表三) */
  denied: Record<string, number>;
  review: Outcomes;
  suit: Outcomes;
}

export interface Outcomes {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

export interface GroupStats {
  group: string;
  reports: number;
  /** reports giving the number of applications */
  withApplications: number;
  received: number;
  receivedMedian: number | null;
  receivedP90: number | null;
  granted: number;
  decided: number;
  /** granted / decided, null without decisions */
  grantedShare: number | null;
  /** 不予公开 reasons of 表三 (2019 and later), by row key */
  denied: Record<string, number>;
  review: Outcomes;
  suit: Outcomes;
}

export interface ComplianceRow {
  reportId: number;
  agency: string | null;
  year: number | null;
  layout: ReportFormat | null;
  required: SectionKey[];
  missingSections: SectionKey[];
  /** statistics tables the layout needs and whether they have figures */
  tables: { name: string; present: boolean }[];
  errors: number;
  warnings: number;
  publishedAt: string | null;
  deadline: string | null;
  /** null when the publication date or the year is unknown */
  onTime: boolean | null;
  daysLate: number | null;
}

/** Columns the compliance table sorts by. */
export const COMPLIANCE_SORTS = ['id', 'agency', 'year', 'sections', 'tables', 'errors', 'published', 'late'] as const;
export type ComplianceSort = (typeof COMPLIANCE_SORTS)[number];

export interface ComplianceQuery {
  /** only reports missing a section or table, with a failing rule or published late */
  onlyProblems?: boolean;
  sort?: ComplianceSort;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

/** One page of the compliance table, with the counts over every report. */
export interface CompliancePage {
  /** reports checked */
  reports: number;
  /** of them, matching the query */
  total: number;
  offset: number;
  rows: ComplianceRow[];
  summary: { complete: number; tablesComplete: number; noErrors: number; onTime: number; late: number; dateUnknown: number };
}
