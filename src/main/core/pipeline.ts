// The per-file pipeline: bytes → normalize → extract → validate, plain data out.
// Runs in a worker thread; the result is plain data for the store.
import type { CheckResult, ExtractedField, FileKind } from '../../shared/model';
import { normalize, normalizeBlocks, normalizePositioned } from './normalize';
import { readOfd } from './office/ofd';
import { readDoc } from './office/doc';
import { readDocx } from './office/docx';
import { fileKindOf } from './import/file-types';
import type { SourceTable } from './normalize/types';
import type { UnmappedRow } from '../../shared/model';
import { extractFields } from './extract';
import { validate } from './validate';
import { minhash } from './import/fingerprint';
import { normalizePdf } from './pdf';
import type { PositionedPage, Word } from './normalize/positioned-types';
import type { NormalizedDoc } from './normalize/types';

export interface PipelineInput {
  bytes: Uint8Array;
  name: string;
  sha256: string;
}

export interface ProcessedFile {
  kind: FileKind;
  encoding: string | null;
  /** page 0: the normalized text and tables; pages 1…n of positioned sources: their words */
  pages: { page: number; text: string; tables: SourceTable[] | null; tokens?: Word[] }[];
  fields: ExtractedField[];
  /** table rows no field key matched: kept for the reviewer and exports */
  unmapped: UnmappedRow[];
  checks: CheckResult[];
  minhash: Uint32Array;
}

export type PipelineResult = { ok: true; value: ProcessedFile } | { ok: false; code: string; message: string };

export async function processFile(input: PipelineInput): Promise<PipelineResult> {
  try {
    const kind = fileKindOf(input.name);
    if (!kind) return { ok: false, code: 'unsupported', message: '不支持的文件类型' };
    const { doc, positioned, withoutText } = await read(kind, input);
    const { fields, unmapped } = extractFields(doc, input.sha256);
    return {
      ok: true,
      value: {
        kind,
        encoding: doc.encodingBy === 'none' ? null : doc.encoding,
        pages: [{ page: 0, text: doc.text, tables: doc.tables }, ...positioned.map((p) => ({ page: p.page, text: '', tables: null, tokens: p.words }))],
        fields,
        unmapped,
        checks: [...validate(fields), ...pagesWithoutText(withoutText)],
        minhash: minhash(doc.text),
      },
    };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message || String(err) };
  }
}

interface Read {
  doc: NormalizedDoc;
  /** pages with positioned words (PDF, OFD), stored for provenance */
  positioned: PositionedPage[];
  withoutText: number[];
}

/** normalize, by file kind */
async function read(kind: FileKind, input: PipelineInput): Promise<Read> {
  switch (kind) {
    case 'pdf': {
      const pdf = await normalizePdf(input.bytes);
      return { doc: pdf.doc, positioned: pdf.pages, withoutText: pdf.withoutText };
    }
    case 'ofd': {
      const ofd = readOfd(input.bytes);
      return { doc: normalizePositioned(ofd, 'ofd'), positioned: ofd.pages, withoutText: [] };
    }
    case 'docx':
      return { doc: normalizeBlocks(readDocx(input.bytes), 'docx'), positioned: [], withoutText: [] };
    case 'doc':
      return { doc: normalizeBlocks(await readDoc(input.bytes, input.name), 'doc'), positioned: [], withoutText: [] };
    default:
      return { doc: normalize(input.bytes, input.name), positioned: [], withoutText: [] };
  }
}

function pagesWithoutText(pages: readonly number[]): CheckResult[] {
  if (pages.length === 0) return [];
  return [{ rule: 'source.pages_without_text', ok: false, severity: 'warning', keys: [], message: `第 ${pages.join('、')} 页没有文字层（扫描页），其中的数字尚未识别` }];
}
