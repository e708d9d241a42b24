// SQL for the pages of a report's files: which file, its page numbers, one page's words, its text.
import { sql, type Db } from './db';
import type { FileKind } from '../../../shared/model';
import type { PageWord } from '../../../shared/review';

export interface StoredFile {
  fileId: number;
  sha256: string;
  kind: FileKind;
  /** a name it arrived under (its extension tells the pipeline how to read it) */
  name: string;
}

/** The report's file with `sha256`, or its first file. */
export function reportFile(db: Db, reportId: number, sha256?: string): StoredFile | undefined {
  return sql(
    db,
    `SELECT f.id AS fileId, f.sha256, f.kind, (SELECT s.name FROM file_sources s WHERE s.file_id = f.id ORDER BY s.id LIMIT 1) AS name
     FROM files f WHERE f.report_id = @reportId AND (@sha256 IS NULL OR f.sha256 = @sha256) ORDER BY f.id LIMIT 1`,
  ).get({ reportId, sha256: sha256 ?? null }) as StoredFile | undefined;
}

/** Page numbers (1-based) of a file that have positioned words. */
export function pageNumbers(db: Db, fileId: number): number[] {
  return sql(db, 'SELECT page FROM pages WHERE file_id = ? AND page > 0 AND tokens IS NOT NULL ORDER BY page').pluck().all(fileId) as number[];
}

/** A page's words, and why they came from OCR (null: the file's own text; see migration 9). */
export function pageWords(db: Db, fileId: number, page: number): { words: PageWord[]; ocrReason: string | null } | undefined {
  const row = sql(db, 'SELECT tokens, ocr_reason AS ocrReason FROM pages WHERE file_id = ? AND page = ?').get(fileId, page) as { tokens: string | null; ocrReason: string | null } | undefined;
  return row?.tokens ? { words: JSON.parse(row.tokens) as PageWord[], ocrReason: row.ocrReason } : undefined;
}

/** Quarter turns clockwise the page of the file with `sha256` was read at (0 when upright or unknown). */
export function pageTurn(db: Db, sha256: string, page: number): number {
  return (sql(db, 'SELECT p.turn FROM pages p JOIN files f ON f.id = p.file_id WHERE f.sha256 = ? AND p.page = ? LIMIT 1').pluck().get(sha256, page) as number | undefined) ?? 0;
}

/** The file's extracted text (page 0). */
export function fileText(db: Db, fileId: number): string {
  return (sql(db, 'SELECT text FROM pages WHERE file_id = ? AND page = 0').pluck().get(fileId) as string | null | undefined) ?? '';
}
