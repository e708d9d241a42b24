// Which files the importer reads, by name, and how large they may be.
import path from 'node:path';
import type { FileKind } from '../../../shared/model';

const KINDS: Readonly<Record<string, FileKind>> = {
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.mht': 'mht',
  '.mhtml': 'mht',
  '.txt': 'text',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.ofd': 'ofd',
};

export const MAX_FILE_BYTES = 64 * 2 ** 20;

export function fileKindOf(name: string): FileKind | null {
  return KINDS[path.extname(name).toLowerCase()] ?? null;
}
