// File types by magic bytes: a JPEG named .png, a PDF named .txt or an RTF named .doc is read as
// what it is.
import type { FileKind } from '../../../shared/model';

export type ImageFormat = 'jpeg' | 'png' | 'tiff' | 'bmp' | 'webp' | 'gif';

const starts = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);

export function sniffImage(b: Uint8Array): ImageFormat | null {
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts(b, [0x42, 0x4d]) && b.length > 26) return 'bmp';
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  return null;
}

/** The kind the bytes show, where they show one unambiguously; else null (trust the name). */
export function sniffKind(b: Uint8Array): FileKind | null {
  // "%PDF-" may follow a little junk (the spec allows it within the first 1024 bytes)
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  // Word's "save as .doc" of an RTF, and WPS, keep the RTF inside
  if (head.startsWith('{\\rtf')) return 'rtf';
  return sniffImage(b) ? 'image' : null;
}
