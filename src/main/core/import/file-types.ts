// Which files the importer reads, by name, and how large they may be (the pipeline then trusts the
// bytes over the name).
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
  '.rtf': 'rtf',
  '.ofd': 'ofd',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.png': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.bmp': 'image',
  '.webp': 'image',
};

export const MAX_FILE_BYTES = 64 * 2 ** 20;

export function fileKindOf(name: string): FileKind | null {
  return KINDS[path.extname(name).toLowerCase()] ?? null;
}
