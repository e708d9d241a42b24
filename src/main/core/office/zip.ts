// Reading named entries of a ZIP (DOCX, OFD) with limits: no bomb, no traversal, no surprises.
import { unzipSync } from 'fflate';
import { NormalizeError } from '../normalize/types';

const MAX_ENTRY_BYTES = 200 * 2 ** 20;
const MAX_ENTRIES = 5000;

/** Only the wanted entries are inflated; each is checked against its declared and real size. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, what: string): Map<string, Uint8Array> {
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++count > MAX_ENTRIES) throw new NormalizeError('too_large', `${what} 条目过多`);
        if (f.originalSize > MAX_ENTRY_BYTES) throw new NormalizeError('too_large', `${what} 中的 ${f.name} 过大（${Math.round(f.originalSize / 2 ** 20)} MB）`);
        return !f.name.includes('..') && wanted(f.name);
      },
    });
  } catch (err) {
    if (err instanceof NormalizeError) throw err;
    throw new NormalizeError('not_text', `${what} 文件已损坏或不是 ZIP 格式（${(err as Error).message}）`);
  }
  return new Map(Object.entries(files));
}
