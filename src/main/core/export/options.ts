// What an export covers: a selection of reports (ids, layouts, years, regions), only the figures a
// person checked, and the originals as a zip beside the export.
import type { Db } from '../store/db';
import { selectReportIds, type ReportFilter } from '../store/selection';
import { F, readForExport, type ExportSource, type FieldRow, type ReadNeeds } from '../store/export-read';

export interface ExportOptions extends ReportFilter {
  /** only figures a person corrected or verified (or of a report verified as a whole); metadata always */
  verifiedOnly?: boolean;
  /** also write <export>-originals.zip with every original file and a manifest */
  includeOriginals?: boolean;
}

const checked = (f: FieldRow): boolean => f[F.key].startsWith('meta.') || f[F.status] === 'corrected' || f[F.status] === 'verified';

/** The selected reports, with the fields the options keep and what the format needs. */
export function* exportSources(db: Db, options: ExportOptions, needs: ReadNeeds, ids = selectReportIds(db, options)): Generator<ExportSource> {
  for (const r of readForExport(db, ids, needs)) yield options.verifiedOnly && r.reviewStatus !== 'verified' ? r.keep(checked) : r;
}
