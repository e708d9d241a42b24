// A NormalizedDoc straight from a file's text (CR removed), without the normalize stage.
import fs from 'node:fs';
import type { NormalizedDoc } from '../../../src/main/core/normalize/types';
import { fixture } from '../../support/tmp';

export function textDoc(text: string, pageMeta: Record<string, string> = {}): NormalizedDoc {
  return {
    text: text.replace(/\r/g, ''),
    sourceKind: 'text',
    encoding: 'utf-8',
    encodingBy: 'utf8',
    tables: [],
    pageMeta,
    removed: { boilerplateLines: 0, repeatedChars: 0 },
  };
}

export const fixtureDoc = (...parts: string[]): NormalizedDoc => textDoc(fs.readFileSync(fixture(...parts), 'utf8'));
