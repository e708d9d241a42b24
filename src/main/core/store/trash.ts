// The trash: reports moved out of the library (list, search, exports) but kept with their
// originals until the trash is emptied.
import fs from 'node:fs';
import { sql, type Db } from './db';
import { blobPath } from '../import/blob-store';
import { findByAgencyYear, replaceChecks } from './reports';
import { refreshCrossYear } from './cross-year';
import type { EmptyTrashResult } from '../../../shared/library';
import { inChunks, type ChunkOptions } from './in-chunks';

const IN = 'SELECT value FROM json_each(?)';

interface Place {
  id: number;
  agency: string | null;
  year: number | null;
}

const places = (db: Db, ids: readonly number[], trashed: boolean): Place[] =>
  sql(db, `SELECT id, agency, year FROM reports WHERE id IN (${IN}) AND (deleted_at IS NOT NULL) = ?`).all(JSON.stringify(ids), trashed ? 1 : 0) as Place[];

/**
 * Move reports to the trash; returns how many moved (reports already there stay as they are).
 * The next year's report of each is checked again against whatever else holds its year.
 */
export function moveToTrash(db: Db, ids: readonly number[]): number {
  return db.transaction(() => {
    const moving = places(db, ids, false);
    sql(db, `UPDATE reports SET deleted_at = ? WHERE id IN (${IN})`).run(new Date().toISOString(), JSON.stringify(moving.map((p) => p.id)));
    for (const { agency, year } of moving) {
      if (!agency || year === null) continue;
      // (reports in the trash are nobody's partner, so trashed neighbours are skipped here)
      const next = findByAgencyYear(db, agency, year + 1);
      if (next === undefined) continue;
      replaceChecks(db, next, 'cross.', []);
      refreshCrossYear(db, next, agency, year + 1);
    }
    return moving.length;
  })();
}

/** moveToTrash or restoreFromTrash over a large selection, a chunk at a time (see inChunks). */
export async function trashInChunks(db: Db, ids: readonly number[], move: boolean, opts: ChunkOptions = {}): Promise<{ count: number; cancelled: boolean }> {
  const { results, cancelled } = await inChunks(ids, (chunk) => (move ? moveToTrash : restoreFromTrash)(db, chunk), opts);
  return { count: results.reduce((a, b) => a + b, 0), cancelled };
}

/** Bring reports back from the trash (and into the cross-year checks); returns how many came back. */
export function restoreFromTrash(db: Db, ids: readonly number[]): number {
  return db.transaction(() => {
    const back = places(db, ids, true);
    sql(db, `UPDATE reports SET deleted_at = NULL WHERE id IN (${IN})`).run(JSON.stringify(back.map((p) => p.id)));
    for (const p of back) refreshCrossYear(db, p.id, p.agency, p.year);
    return back.length;
  })();
}

/**
 * Delete the reports in the trash for good: rows (with everything that hangs off them), their
 * full-text entries, then the originals no remaining report uses. The database goes first, in one
 * transaction; a crash before the files are removed leaves only unused blobs behind.
 */
export function emptyTrash(db: Db, home: string): EmptyTrashResult {
  const shas = db.transaction(() => {
    const ids = sql(db, 'SELECT id FROM reports WHERE deleted_at IS NOT NULL').pluck().all() as number[];
    const json = JSON.stringify(ids);
    const hashes = sql(db, `SELECT sha256 FROM files WHERE report_id IN (${IN})`).pluck().all(json) as string[];
    // the index is contentless: an entry goes by giving the text it was indexed with
    sql(
      db,
      `INSERT INTO report_text (report_text, rowid, text)
       SELECT 'delete', r.id, p.text FROM reports r JOIN pages p ON p.file_id = (SELECT min(id) FROM files WHERE report_id = r.id) AND p.page = 0
       WHERE r.id IN (${IN}) AND r.text_indexed = 1`,
    ).run(json);
    sql(db, `DELETE FROM reports WHERE id IN (${IN})`).run(json);
    const stillUsed = new Set(sql(db, `SELECT sha256 FROM files WHERE sha256 IN (${IN})`).pluck().all(JSON.stringify(hashes)) as string[]);
    return { reports: ids.length, unused: hashes.filter((h) => !stillUsed.has(h)) };
  })();
  let blobs = 0;
  for (const sha of shas.unused) {
    try {
      fs.unlinkSync(blobPath(home, sha));
      blobs++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { reports: shas.reports, blobs };
}
