// Which reports an export or an analysis covers: explicit ids, layouts, years, regions (a region
// selects itself and everything inside it: 湖南省 selects 湖南省岳阳市平江县).
import { sql, type Db } from './db';
import type { ReportFormat } from '../../../shared/fields';

export interface ReportFilter {
  ids?: readonly number[];
  layouts?: readonly ReportFormat[];
  years?: readonly number[];
  regions?: readonly string[];
}

const list = (values: readonly unknown[] | undefined): string | null => (values && values.length ? JSON.stringify(values) : null);

export function selectReportIds(db: Db, filter: ReportFilter = {}): number[] {
  return sql(
    db,
    `SELECT r.id FROM reports r
     WHERE r.deleted_at IS NULL
       AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))
       AND (@layouts IS NULL OR r.format IN (SELECT value FROM json_each(@layouts)))
       AND (@years IS NULL OR r.year IN (SELECT value FROM json_each(@years)))
       AND (@regions IS NULL OR EXISTS (SELECT 1 FROM json_each(@regions) j WHERE substr(r.region, 1, length(j.value)) = j.value))
     ORDER BY r.id`,
  )
    .pluck()
    .all({ ids: list(filter.ids), layouts: list(filter.layouts), years: list(filter.years), regions: list(filter.regions) }) as number[];
}

export interface Facet<T> {
  value: T;
  count: number;
}

const PROVINCE = /^(?:北京市|天津市|上海市|重庆市|[\p{Script=Han}]{2,3}省|[\p{Script=Han}]{2,8}自治区)/u;

/**
 * What a filter can choose from: years, layouts and regions present in the library, with counts.
 * Regions list each province (all its reports) before the regions inside it.
 */
export function reportFacets(db: Db): { years: Facet<number>[]; layouts: Facet<ReportFormat>[]; regions: Facet<string>[] } {
  const regions = sql(db, 'SELECT region AS value, count(*) AS count FROM reports WHERE region IS NOT NULL AND deleted_at IS NULL GROUP BY region ORDER BY region').all() as Facet<string>[];
  const provinces = new Map<string, number>();
  for (const r of regions) {
    const p = PROVINCE.exec(r.value)?.[0];
    if (p && p !== r.value) provinces.set(p, (provinces.get(p) ?? 0) + r.count);
  }
  const all = [...regions.filter((r) => !provinces.has(r.value)), ...[...provinces].map(([value, count]) => ({ value, count: count + (regions.find((r) => r.value === value)?.count ?? 0) }))];
  return {
    years: sql(db, 'SELECT year AS value, count(*) AS count FROM reports WHERE year IS NOT NULL AND deleted_at IS NULL GROUP BY year ORDER BY year').all() as Facet<number>[],
    layouts: sql(db, 'SELECT format AS value, count(*) AS count FROM reports WHERE format IS NOT NULL AND deleted_at IS NULL GROUP BY format ORDER BY format').all() as Facet<ReportFormat>[],
    regions: all.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  };
}
