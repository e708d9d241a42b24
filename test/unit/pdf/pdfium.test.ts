// What a page paints, as PDFium lists it (pdf/pdfium.ts): pictures and paths inside a form placed
// through the form's matrix and the matrix it was drawn under, in points from the page's top left.
import { describe, expect, it } from 'vitest';
import { inkPage, pdfium } from '../../../src/main/core/pdf/pdfium';

/** A 600 × 800 pt page drawing form Fm0 moved by (100, 100); the form (its /Matrix halves it) holds a 200 × 300 picture and a 10 pt square. */
function formPdf(): Uint8Array {
  const content = 'q 1 0 0 1 100 100 cm /Fm0 Do Q';
  const form = 'q 200 0 0 300 0 0 cm /Im0 Do Q 0 0 m 10 0 l 10 10 l 0 10 l h f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Matrix [0.5 0 0 0.5 0 0] /Resources << /XObject << /Im0 6 0 R >> >> /Length ${form.length} >>\nstream\n${form}\nendstream`,
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

describe('PDFium page objects', () => {
  it('places a form’s picture and path through its matrices, from the top left', async () => {
    const doc = await (await pdfium()).loadDocument(formPdf());
    try {
      const page = inkPage(doc, 0);
      expect([page.width, page.height]).toEqual([600, 800]);
      expect(page.painted()).toEqual({
        pictures: [{ x0: 100, y0: 550, x1: 200, y1: 700 }],
        paths: [{ box: { x0: 100, y0: 695, x1: 105, y1: 700 }, segments: 5, filled: true }],
      });
      const drawn = await page.draw(72);
      expect([drawn.width, drawn.height, drawn.grey.length]).toEqual([600, 800, 600 * 800]);
      // the picture's black pixel (top left of its 2 × 2) is drawn where it was placed
      expect(drawn.grey[560 * 600 + 120]).toBeLessThan(50);
      expect(drawn.grey[300 * 600 + 300]).toBe(255);
    } finally {
      doc.destroy();
    }
  });
});
