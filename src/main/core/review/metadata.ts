// Editing a report's metadata (agency, year, region, layout): each change is a correction of its
// meta.* field (history, identity columns, rules); a changed layout re-reads the original,
// keeping every manual correction.
import type { Library } from '../store/library';
import type { Executor } from '../import/executor';
import { changeField } from '../store/corrections';
import { listFields } from '../store/reports';
import { reextractReports } from './reextract';
import { ReviewError } from './errors';

export interface MetaChanges {
  agency?: string | null;
  year?: number | null;
  region?: string | null;
  format?: '2021' | '2019' | 'legacy' | 'narrative';
}

const KEYS = { agency: 'meta.agency', year: 'meta.year', region: 'meta.region', format: 'meta.format' } as const;

/** Apply the changes; returns their history rows and whether the report was re-extracted. */
export async function editMetadata(lib: Library, executor: Executor, id: number, changes: MetaChanges, note?: string, by?: string): Promise<{ changes: number[]; reextracted: boolean }> {
  const current = new Map(listFields(lib.db, id).map((f) => [f.key, f.value]));
  const made: number[] = [];
  let layoutChanged = false;
  for (const [name, key] of Object.entries(KEYS) as [keyof MetaChanges, string][]) {
    const value = changes[name];
    if (value === undefined || current.get(key) === value) continue;
    made.push(changeField(lib.db, { reportId: id, key, value, status: 'corrected', ...(note ? { note } : {}), ...(by ? { by } : {}) }));
    if (name === 'format') layoutChanged = true;
  }
  if (!layoutChanged) return { changes: made, reextracted: false };
  const run = await reextractReports(lib, executor, [id], { keepManual: true, ...(by ? { by } : {}) });
  const failure = run.failed[0];
  if (failure) throw new ReviewError(failure.code === 'blob_missing' ? 'blob_missing' : 'bad_meta', failure.message);
  return { changes: made, reextracted: true };
}
