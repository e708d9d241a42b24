// What an export covers: a selection of reports (ids, layouts, years, regions), only the figures a
// person checked, and the originals as a zip beside the export.
import type { Db } from '../store/db';
import { selectReportIds, type ReportFilter } from '../store/selection';
import { readForExport, type ExportSource } from '../store/export-read';

export interface ExportOptions extends ReportFilter {
  /** only figures a person corrected or verified (or of a report verified as a whole); metadata always */
  verifiedOnly?: boolean;
  /** also write <export>-originals.zip with every original file and a manifest */
  includeOriginals?: boolean;
}

const checked = (r: ExportSource, f: ExportSource['fields'][number]): boolean =>
  f.key.startsWith('meta.') || f.status === 'corrected' || f.status === 'verified' || r.reviewStatus === 'verified';

/** The selected reports, with the fields the options keep. */
export function* exportSources(db: Db, options: ExportOptions = {}, ids = selectReportIds(db, options)): Generator<ExportSource> {
  for (const r of readForExport(db, ids)) yield options.verifiedOnly ? { ...r, fields: r.fields.filter((f) => checked(r, f)) } : r;
}
