// Opening a PDF with pdfjs-dist (legacy build, for Node): local CMaps, standard fonts and wasm
// decoders from the package (never fetched), errors mapped to per-file codes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NormalizeError } from '../normalize/types';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
const dirUrl = (name: string): string => path.join(PDFJS_DIR, name) + path.sep;

export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  // pdfjs takes ownership of the buffer: give it a copy
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: dirUrl('cmaps'),
    standardFontDataUrl: dirUrl('standard_fonts'),
    wasmUrl: dirUrl('wasm'),
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (err) {
    await task.destroy();
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new NormalizeError('encrypted', 'PDF 已加密，无法读取（请先解除密码保护）');
    throw new NormalizeError('not_text', `PDF 文件已损坏或无法解析（${(err as Error).message}）`);
  }
}
