// The per-file pipeline: bytes → normalize → extract → validate, plain data out.
// Runs in a worker thread; the result is plain data for the store.
import type { CheckResult, ExtractedField, FileKind } from '../../shared/model';
import type { ReportFormat } from '../../shared/fields';
import { normalize, normalizeBlocks, normalizePositioned } from './normalize';
import { readOfd } from './office/ofd';
import { readDoc } from './office/doc';
import { readDocx } from './office/docx';
import { readRtf } from './office/rtf';
import { fileKindOf } from './import/file-types';
import type { UnmappedRow } from '../../shared/model';
import { extractFields } from './extract';
import { validate } from './validate';
import { chooseOcrAlternatives } from './validate/ocr-choices';
import { minhash } from './import/fingerprint';
import { normalizePdf } from './pdf';
import type { PositionedPage } from './normalize/positioned-types';
import type { NormalizedDoc } from './normalize/types';
import { sniffKind } from './image/sniff';
import { imagePageCount } from './image/decode';
import { mergeOcrPage, unreadPages, withOcrConfidence, type OcrPage } from './ocr/merge';

export interface PipelineInput {
  bytes: Uint8Array;
  name: string;
  sha256: string;
  /** OCR words of the pages a first pass asked for (see NeedsOcr) */
  ocr?: OcrPage[];
  /** the tables' layout a person chose (re-extraction), instead of the one that fits best */
  format?: ReportFormat;
}

export interface ProcessedFile {
  kind: FileKind;
  encoding: string | null;
  /**
   * page 0: the normalized text and tables; pages 1…n of positioned sources: their words. Tables
   * and words as the JSON the store writes: made here, on the worker, and cheap to send back.
   */
  pages: { page: number; text: string; tables: string; tokens?: string; turn?: number; ocrReason?: string }[];
  fields: ExtractedField[];
  /** table rows no field key matched: kept for the reviewer and exports */
  unmapped: UnmappedRow[];
  checks: CheckResult[];
  minhash: Uint32Array;
}

/** The file has pages only OCR can read: run again with their words in `input.ocr`. */
export interface NeedsOcr {
  ok: false;
  code: 'needs_ocr';
  message: string;
  source: 'pdf' | 'image';
  pages: number[];
}

export type PipelineResult = { ok: true; value: ProcessedFile } | NeedsOcr | { ok: false; code: string; message: string };

export async function processFile(shared: PipelineInput): Promise<PipelineResult> {
  // bytes in shared memory (the import's) are copied here, on the worker: parsers may keep or change them
  const input = shared.bytes.buffer instanceof SharedArrayBuffer ? { ...shared, bytes: new Uint8Array(shared.bytes) } : shared;
  try {
    const kind = kindOf(input);
    if (!kind) return { ok: false, code: 'unsupported', message: '不支持的文件类型' };
    const r = await read(kind, input);
    if ('needsOcr' in r) {
      return { ok: false, code: 'needs_ocr', message: `第 ${r.needsOcr.join('、')} 页需要文字识别`, source: kind === 'pdf' ? 'pdf' : 'image', pages: r.needsOcr };
    }
    const { doc, positioned } = r;
    const extraction = extractFields(doc, input.sha256, input.format ? { format: input.format } : {});
    const fields = chooseOcrAlternatives(withOcrConfidence(extraction.fields, positioned), positioned);
    return {
      ok: true,
      value: {
        kind,
        encoding: doc.encodingBy === 'none' ? null : doc.encoding,
        pages: [{ page: 0, text: doc.text, tables: JSON.stringify(doc.tables ?? null) }, ...positioned.map((p) => ({ page: p.page, text: '', tables: 'null', tokens: JSON.stringify(p.words), turn: p.turn, ocrReason: p.ocrReason }))],
        fields,
        unmapped: extraction.unmapped,
        checks: [...validate(fields), ...unreadPages(positioned)],
        minhash: minhash(doc.text),
      },
    };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message || String(err) };
  }
}

type Read =
  | {
      doc: NormalizedDoc;
      /** pages with positioned words (PDF, OFD, OCR), stored for provenance */
      positioned: PositionedPage[];
    }
  | { needsOcr: number[] };

/** The kind the bytes show (a PDF named .txt, a JPEG named .png), else the one the name says. */
function kindOf(input: PipelineInput): FileKind | null {
  const byName = fileKindOf(input.name);
  const byBytes = sniffKind(input.bytes);
  if (byBytes === 'pdf' && byName !== 'pdf' && !startsWith(input.bytes, '%PDF-')) return byName;
  return byBytes ?? byName;
}

const startsWith = (b: Uint8Array, s: string): boolean => [...s].every((c, i) => b[i] === c.charCodeAt(0));

/** normalize, by file kind */
async function read(kind: FileKind, input: PipelineInput): Promise<Read> {
  switch (kind) {
    case 'pdf': {
      const pdf = await normalizePdf(input.bytes, input.ocr);
      if (pdf.needsOcr) return { needsOcr: pdf.needsOcr.map((n) => n.page) };
      return { doc: pdf.doc, positioned: pdf.pages };
    }
    case 'image': {
      const count = imagePageCount(input.bytes);
      const ocr = new Map((input.ocr ?? []).map((p) => [p.page, p]));
      const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !ocr.has(n));
      if (missing.length > 0) return { needsOcr: missing };
      const pages = [...ocr.values()].sort((a, b) => a.page - b.page).map((p) => mergeOcrPage(undefined, p, 'absent'));
      return { doc: normalizePositioned({ pages }, 'image'), positioned: pages };
    }
    case 'ofd': {
      const ofd = readOfd(input.bytes);
      return { doc: normalizePositioned(ofd, 'ofd'), positioned: ofd.pages };
    }
    case 'docx':
      return { doc: normalizeBlocks(readDocx(input.bytes), 'docx'), positioned: [] };
    case 'doc':
      return { doc: normalizeBlocks(await readDoc(input.bytes, input.name), 'doc'), positioned: [] };
    case 'rtf':
      return { doc: normalizeBlocks(readRtf(input.bytes), 'rtf'), positioned: [] };
    default:
      return { doc: normalize(input.bytes, input.name), positioned: [] };
  }
}
