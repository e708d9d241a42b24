// The nianbao/v1 JSON export: every report with all its source files, fields and checks.
import type { Db } from '../store/db';
import type { ExportSource } from '../store/export-read';
import { readForExport } from '../store/export-read';
import type { FieldSource, FieldValue, FieldStatus } from '../../../shared/model';
import { exportSources, type ExportOptions } from './options';
import { BufferedFile } from './buffered-file';

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

export function toExported(r: ExportSource): ExportedReport {
  return {
    id: r.id,
    files: r.files,
    duplicate_of: r.duplicateOf,
    fields: Object.fromEntries(
      r.fields.map((f) => [
        f.key,
        { value: f.value, text: f.text, status: f.status, confidence: f.confidence, source: f.source, ...(f.unit ? { unit: f.unit } : {}), ...(f.approx ? { approx: true } : {}) },
      ]),
    ),
    checks: r.checks.map((c) => ({ rule: c.rule, ok: c.ok, severity: c.severity, message: c.message, keys: c.keys, ...(c.diff === undefined ? {} : { diff: c.diff }) })),
    unmapped: r.unmapped,
  };
}

export function exportReport(db: Db, id: number): ExportedReport | undefined {
  const [r] = readForExport(db, [id]);
  return r && toExported(r);
}

/** Write the export report by report, so memory stays flat on large libraries. */
export function writeJsonExport(db: Db, file: string, options: ExportOptions = {}): number {
  const out = new BufferedFile(file);
  let n = 0;
  try {
    out.write(`{"schema":"nianbao/v1","exported_at":${JSON.stringify(new Date().toISOString())},"reports":[`);
    for (const r of exportSources(db, options, { checks: 'all', unmapped: true })) out.write(`${n++ ? ',' : ''}\n${JSON.stringify(toExported(r))}`);
    out.write('\n]}\n');
  } catch (err) {
    out.abort();
    throw err;
  }
  out.commit();
  return n;
}
