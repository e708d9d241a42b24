// A minimal PDF writer for test-time fixtures (many pages, absurd page sizes): pages with a
// content stream and Helvetica, a correct cross-reference table.
export interface PageSpec {
  width: number;
  height: number;
  /** content stream operators, e.g. "BT /F1 12 Tf 72 720 Td (Hello) Tj ET" */
  content: string;
}

export const PDFDocument = {
  single: (page: PageSpec): Uint8Array => PDFDocument.build([page]),
  build(pages: readonly PageSpec[]): Uint8Array {
    const objects: string[] = [];
    const add = (body: string): number => objects.push(body);
    add('<< /Type /Catalog /Pages 2 0 R >>');
    add(''); // pages, filled below
    const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    const kids: number[] = [];
    for (const p of pages) {
      const content = add(`<< /Length ${Buffer.byteLength(p.content, 'latin1')} >>\nstream\n${p.content}\nendstream`);
      kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
    }
    objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(out, 'latin1'));
  },
};
