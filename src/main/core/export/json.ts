// The nianbao/v1 JSON export: every report with all its source files, fields and checks.
import fs from 'node:fs';
import type { Db } from '../store/db';
import { getReport, reportIds } from '../store/reports';
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

export function exportReport(db: Db, id: number): ExportedReport | undefined {
  const r = getReport(db, id);
  if (!r) return undefined;
  return {
    id: r.id,
    files: r.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    duplicate_of: r.duplicateOf,
    fields: Object.fromEntries(
      r.fields.map((f) => [
        f.key,
        { value: f.value, text: f.text, status: f.status, confidence: f.confidence, source: f.source, ...(f.unit ? { unit: f.unit } : {}), ...(f.approx ? { approx: true } : {}) },
      ]),
    ),
    checks: r.checks.map((c) => ({ rule: c.rule, ok: c.ok, severity: c.severity, message: c.message, keys: c.keys, ...(c.diff === undefined ? {} : { diff: c.diff }) })),
    unmapped: r.unmapped.map((u) => ({ label: u.label, values: u.values })),
  };
}

/** Write the export report by report, so memory stays flat on large libraries. */
export function writeJsonExport(db: Db, file: string): number {
  const fd = fs.openSync(`${file}.tmp`, 'w');
  let n = 0;
  try {
    fs.writeSync(fd, `{"schema":"nianbao/v1","exported_at":${JSON.stringify(new Date().toISOString())},"reports":[`);
    for (const id of reportIds(db)) {
      const r = exportReport(db, id);
      if (!r) continue;
      fs.writeSync(fd, `${n++ ? ',' : ''}\n${JSON.stringify(r)}`);
    }
    fs.writeSync(fd, '\n]}\n');
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.tmp`, file);
  return n;
}
