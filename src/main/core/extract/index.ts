// extract: normalized document → fields with provenance and confidence, plus table rows no key matched.
import type { ExtractedField } from '../../../shared/model';
import type { NormalizedDoc } from '../normalize/types';
import { extractMeta } from './meta';
import { extractTables } from './tables';
import { extractProse } from './prose';
import type { UnmappedRow } from '../../../shared/model';

export interface Extraction {
  fields: ExtractedField[];
  unmapped: UnmappedRow[];
}

export function extractFields(doc: NormalizedDoc, sha256: string): Extraction {
  const meta = extractMeta(doc, sha256);
  const year = meta.find((f) => f.key === 'meta.year')?.value;
  const tables = extractTables(doc.text, sha256, typeof year === 'number' ? year : null);
  const prose = extractProse(doc.text, sha256, tables.spans);
  const format = formatField(meta, tables.format, tables.spans[0], sha256);
  return {
    fields: [...meta.filter((f) => f.key !== 'meta.format'), ...(format ? [format] : []), ...tables.fields, ...prose],
    unmapped: tables.unmapped,
  };
}

/** The layout the tables were read with; without tables, what the metadata reader saw, else narrative. */
function formatField(meta: readonly ExtractedField[], tableFormat: string | null, span: [number, number] | undefined, sha256: string): ExtractedField | null {
  if (tableFormat && span) {
    return { key: 'meta.format', value: tableFormat, text: null, confidence: 0.95, status: 'auto', source: { sha256, span } };
  }
  const guessed = meta.find((f) => f.key === 'meta.format');
  if (guessed && guessed.value !== 'narrative') return { ...guessed, confidence: Math.min(guessed.confidence, 0.6) };
  return { key: 'meta.format', value: 'narrative', text: null, confidence: guessed?.confidence ?? 0.8, status: 'auto', source: { sha256 } };
}
