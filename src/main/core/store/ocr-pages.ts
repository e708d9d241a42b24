// SQL for the OCR cache: words of a page by (file sha256, page, settings).
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
  return new Map(rows.map((r) => [r.page, { page: r.page, width: r.width, height: r.height, words: JSON.parse(r.words) as OcrPage['words'], confidence: r.confidence }]));
}

export function putOcrPage(db: Db, sha256: string, settings: string, p: OcrPage, ms: number): void {
  sql(db, 'INSERT OR REPLACE INTO ocr_pages (sha256, page, settings, width, height, words, confidence, ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    sha256,
    p.page,
    settings,
    p.width,
    p.height,
    JSON.stringify(p.words),
    p.confidence,
    ms,
    new Date().toISOString(),
  );
}
