// Storing a fresh extraction of a report's file: new automatic values replace the old ones,
// fields a person corrected or verified stay as they are (unless told otherwise), every value
// that changes is recorded in the history, and pages, unmatched rows, fingerprint, full-text
// index, identity and checks follow.
import { sql, type Db } from './db';
import { listFields, writeBands, writeFields, writePages, writeUnmapped, type NewPage } from './reports';
import { addHistory } from './history';
import { identityOf, isSourceCheck, revalidate, syncIdentity } from './revalidate';
import type { CheckResult, ExtractedField, UnmappedRow } from '../../../shared/model';

export interface Extraction {
  pages: NewPage[];
  fields: ExtractedField[];
  unmapped: UnmappedRow[];
  checks: CheckResult[];
  minhash: Uint32Array;
}

export interface ReextractOptions {
  /** keep corrected and verified fields (default true) */
  keepManual: boolean;
  by: string;
}

const isManual = (f: ExtractedField): boolean => f.status === 'corrected' || f.status === 'verified';

/** Replace the extraction of `fileId` (the report's first file) in one transaction. */
export function storeReextraction(db: Db, reportId: number, fileId: number, x: Extraction, opts: ReextractOptions): { changed: number; kept: number } {
  return db.transaction(() => {
    const before = identityOf(db, reportId);
    const at = new Date().toISOString();
    const old = new Map(listFields(db, reportId).map((f) => [f.key, f]));
    const fresh = new Map(x.fields.map((f) => [f.key, f]));
    let changed = 0;
    let kept = 0;
    const record = (key: string, o: ExtractedField | undefined, n: ExtractedField | undefined) => {
      if (o && n && o.value === n.value && o.status === n.status) return;
      if (o?.value !== n?.value) changed++;
      addHistory(db, {
        reportId,
        key,
        oldValue: o?.value ?? null,
        newValue: n?.value ?? null,
        oldStatus: o?.status ?? null,
        newStatus: n?.status ?? 'missing',
        oldConfidence: o?.confidence ?? null,
        newConfidence: n?.confidence ?? null,
        by: opts.by,
        action: 'reextract',
        at,
      });
    };
    const write: ExtractedField[] = [];
    for (const key of new Set([...old.keys(), ...fresh.keys()])) {
      const o = old.get(key);
      const n = fresh.get(key);
      if (o && isManual(o) && opts.keepManual) {
        kept++;
        continue;
      }
      record(key, o, n);
      if (n) write.push(n);
      else sql(db, 'DELETE FROM fields WHERE report_id = ? AND key = ?').run(reportId, key);
    }
    writeFields(db, reportId, write);

    replaceIndexedText(db, reportId, fileId, x.pages.find((p) => p.page === 0)?.text ?? '');
    sql(db, 'DELETE FROM pages WHERE file_id = ?').run(fileId);
    writePages(db, fileId, x.pages);
    sql(db, 'DELETE FROM unmapped_rows WHERE report_id = ?').run(reportId);
    writeUnmapped(db, reportId, x.unmapped);
    sql(db, 'DELETE FROM report_bands WHERE report_id = ?').run(reportId);
    writeBands(db, reportId, x.minhash);
    sql(db, 'UPDATE reports SET minhash = ?, updated_at = ? WHERE id = ?').run(Buffer.from(x.minhash.buffer, x.minhash.byteOffset, x.minhash.byteLength), at, reportId);
    addHistory(db, {
      reportId,
      key: '*',
      oldValue: null,
      newValue: null,
      oldStatus: null,
      newStatus: sql(db, 'SELECT review_status FROM reports WHERE id = ?').pluck().get(reportId) as string,
      by: opts.by,
      reason: `重新提取：${changed} 项数值变化，保留人工修改 ${kept} 项`,
      action: 'reextract',
      at,
    });
    syncIdentity(db, reportId);
    revalidate(db, reportId, before, x.checks.filter(isSourceCheck));
    return { changed, kept };
  })();
}

/** The full-text index holds the first file's page-0 text: swap it when the text changed. */
function replaceIndexedText(db: Db, reportId: number, fileId: number, text: string): void {
  const old = sql(db, 'SELECT text FROM pages WHERE file_id = ? AND page = 0').pluck().get(fileId) as string | undefined;
  const indexed = sql(db, 'SELECT text_indexed FROM reports WHERE id = ?').pluck().get(reportId) === 1;
  if (!indexed || old === text) return;
  if (old !== undefined) removeIndexedText(db, reportId, old);
  sql(db, 'INSERT INTO report_text (rowid, text) VALUES (?, ?)').run(reportId, text);
}

/** The index is contentless: a row is removed by giving the text it was indexed with. */
export function removeIndexedText(db: Db, reportId: number, text: string): void {
  sql(db, "INSERT INTO report_text (report_text, rowid, text) VALUES ('delete', ?, ?)").run(reportId, text);
}
