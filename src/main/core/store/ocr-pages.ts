// SQL for the OCR cache: words of a page by (file sha256, page, settings). The words column holds
// JSON {words: [{text, x, y, w, h, conf}], rules: {vertical, horizontal}} (page units, OcrWords),
// handed on as the string it is; rows of earlier settings versions are never read (the settings
// key differs).
import { sql, type Db } from './db';
import type { OcrPage } from '../ocr/merge';

export function cachedOcrPages(db: Db, sha256: string, settings: string): Map<number, OcrPage> {
  const rows = sql(db, 'SELECT page, width, height, words, confidence FROM ocr_pages WHERE sha256 = ? AND settings = ?').all(sha256, settings) as {
    page: number;
    width: number;
    height: number;
    words: string;
    confidence: number;
  }[];
  return new Map(rows.map((r) => [r.page, { page: r.page, width: r.width, height: r.height, confidence: r.confidence, json: r.words }]));
}

export function putOcrPage(db: Db, sha256: string, settings: string, p: OcrPage, ms: number): void {
  sql(db, 'INSERT OR REPLACE INTO ocr_pages (sha256, page, settings, width, height, words, confidence, ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    sha256,
    p.page,
    settings,
    p.width,
    p.height,
    p.json,
    p.confidence,
    ms,
    new Date().toISOString(),
  );
}
