// PDF pages drawn for the screen by PDFium (WebAssembly): 5–10× faster than pdfjs on the pages
// reports are printed as (Chromium's Type3 glyph fonts, scanned pages' JPEGs), and written as PNG
// straight from its pixels (png.ts), so a page never drawn before shows within the open target.
// pdfjs (pdf/render.ts) stays the engine of the text layer and of OCR, and draws the files PDFium
// cannot read (page-pictures.ts).
import type { PDFiumDocument } from '@hyzyla/pdfium';
import { NormalizeError } from '../normalize/types';
import { pdfium } from '../pdf/pdfium';
import { MAX_PAGE_PIXELS } from '../pdf/render';
import type { DrawnPage } from './page-pictures';
import { encodePng, turned } from './png';

export interface PdfiumFile {
  /** page `page` (1-based) at `dpi`, turned `turn` quarters clockwise */
  draw(page: number, dpi: number, turn?: number): Promise<DrawnPage>;
  close(): void;
}

export async function openPdfium(bytes: Uint8Array): Promise<PdfiumFile> {
  const doc: PDFiumDocument = await (await pdfium()).loadDocument(bytes);
  return {
    async draw(page, dpi, turn = 0) {
      const pages = doc.getPageCount();
      if (!Number.isInteger(page) || page < 1 || page > pages) throw new NormalizeError('empty', `PDF 没有第 ${page} 页（共 ${pages} 页）`);
      const p = doc.getPage(page - 1);
      const { originalWidth, originalHeight } = p.getOriginalSize();
      const scale = dpi / 72;
      if (!(originalWidth > 0 && originalHeight > 0) || originalWidth * originalHeight * scale * scale > MAX_PAGE_PIXELS) {
        throw new NormalizeError('too_large', `PDF 第 ${page} 页尺寸异常（${Math.round(originalWidth)}×${Math.round(originalHeight)} 点），拒绝渲染`);
      }
      // RGBA (the wrapper asks PDFium for reversed byte order), white behind the page
      const drawn = await p.render({ scale, render: 'bitmap' });
      const { width, height, data } = turned(drawn.data, drawn.width, drawn.height, turn & 3);
      return { width, height, scale: drawn.width / originalWidth, png: encodePng(data, width, height) };
    },
    close: () => doc.destroy(),
  };
}

