// The nianbao/v1 JSON export: every report with all its source files, fields and checks.
import type { Db } from '../store/db';
import { F, readForExport, type ExportSource, type ReadNeeds } from '../store/export-read';
import type { FieldSource, FieldValue, FieldStatus } from '../../../shared/model';

export interface ExportedReport {
  id: number;
  files: { name: string; sha256: string }[];
  duplicate_of: number | null;
  fields: Record<string, { value: FieldValue; text: string | null; status: FieldStatus; confidence: number; source: FieldSource; unit?: string; approx?: boolean }>;
  checks: { rule: string; ok: boolean; severity: string; message: string; keys: string[]; diff?: number }[];
  unmapped: { label: string; values: (number | null)[] }[];
}

export interface NianbaoExport {
  schema: 'nianbao/v1';
  exported_at: string;
  reports: ExportedReport[];
}

/**
 * One report as nianbao/v1 JSON text. Field sources are put in as stored (JSON written by
 * JSON.stringify when the field was stored): never parsed and written again.
 */
export function reportJson(r: ExportSource): string {
  let fields = '';
  for (const f of r.rows) {
    const unit = f[F.unit] ? `,"unit":${JSON.stringify(f[F.unit])}` : '';
    fields += `${fields ? ',' : ''}${JSON.stringify(f[F.key])}:{"value":${JSON.stringify(f[F.value])},"text":${JSON.stringify(f[F.text])},"status":"${f[F.status]}","confidence":${JSON.stringify(f[F.confidence])},"source":${f[F.source] ?? '{}'}${unit}${f[F.approx] ? ',"approx":true' : ''}}`;
  }
  const checks = r.checks.map((c) => ({ rule: c.rule, ok: c.ok, severity: c.severity, message: c.message, keys: c.keys, ...(c.diff === undefined ? {} : { diff: c.diff }) }));
  return `{"id":${r.id},"files":${JSON.stringify(r.files)},"duplicate_of":${JSON.stringify(r.duplicateOf)},"fields":{${fields}},"checks":${JSON.stringify(checks)},"unmapped":${JSON.stringify(r.unmapped)}}`;
}

export function exportReport(db: Db, id: number): ExportedReport | undefined {
  const [r] = readForExport(db, [id]);
  return r && (JSON.parse(reportJson(r)) as ExportedReport);
}

/** What the JSON export reads, its head and its tail. */
export const JSON_NEEDS: ReadNeeds = { checks: 'all', unmapped: true };
export const jsonHead = (): string => `{"schema":"nianbao/v1","exported_at":${JSON.stringify(new Date().toISOString())},"reports":[`;
export const JSON_TAIL = '\n]}\n';

/** Each report on a line of its own, a comma before all but the export's first. */
export function jsonLines(reports: Iterable<ExportSource>, first: boolean, write: (s: string) => void): number {
  let n = 0;
  for (const r of reports) {
    write(`${first && n === 0 ? '' : ','}\n${reportJson(r)}`);
    n++;
  }
  return n;
}
