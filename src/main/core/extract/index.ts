// extract: normalized document → fields with provenance and confidence.
import type { ExtractedField } from '../../../shared/model';
import type { NormalizedDoc } from '../normalize/types';
import { extractMeta } from './meta';

export function extractFields(doc: NormalizedDoc, sha256: string): ExtractedField[] {
  return extractMeta(doc, sha256);
}
