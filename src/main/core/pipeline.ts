// The per-file pipeline, pure and synchronous: bytes → normalize → extract → validate.
// Runs in a worker thread; the result is plain data for the store.
import type { CheckResult, ExtractedField, FileKind } from '../../shared/model';
import { normalize } from './normalize';
import { fileKindOf } from './import/file-types';
import type { SourceTable } from './normalize/types';
import type { UnmappedRow } from '../../shared/model';
import { extractFields } from './extract';
import { validate } from './validate';
import { minhash } from './import/fingerprint';

export interface PipelineInput {
  bytes: Uint8Array;
  name: string;
  sha256: string;
}

export interface ProcessedFile {
  kind: FileKind;
  encoding: string | null;
  pages: { page: number; text: string; tables: SourceTable[] }[];
  fields: ExtractedField[];
  /** table rows no field key matched: kept for the reviewer and exports */
  unmapped: UnmappedRow[];
  checks: CheckResult[];
  minhash: Uint32Array;
}

export type PipelineResult = { ok: true; value: ProcessedFile } | { ok: false; code: string; message: string };

export function processFile(input: PipelineInput): PipelineResult {
  try {
    const kind = fileKindOf(input.name);
    if (!kind) return { ok: false, code: 'unsupported', message: '不支持的文件类型' };
    const doc = normalize(input.bytes, input.name);
    const { fields, unmapped } = extractFields(doc, input.sha256);
    return {
      ok: true,
      value: {
        kind,
        encoding: doc.encoding,
        pages: [{ page: 0, text: doc.text, tables: doc.tables }],
        fields,
        unmapped,
        checks: validate(fields),
        minhash: minhash(doc.text),
      },
    };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: e.message || String(err) };
  }
}
