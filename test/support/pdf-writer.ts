// A minimal PDF writer for fixtures (many pages, absurd page sizes, scans as JPEG pages): pages
// with a content stream, Helvetica and optional JPEG images, a correct cross-reference table.
// Plain TypeScript with no imports, so fixture scripts run it with `node --experimental-strip-types`.
export interface PageSpec {
  width: number;
  height: number;
  /** content stream operators, e.g. "BT /F1 12 Tf 72 720 Td (Hello) Tj ET"; images are /Im0, /Im1… */
  content: string;
  /** JPEG images (baseline), drawn by the content with "q w 0 0 h x y cm /Im0 Do Q" */
  images?: { jpeg: Uint8Array; width: number; height: number; grey: boolean }[];
}

export const PDFDocument = {
  single: (page: PageSpec): Uint8Array => PDFDocument.build([page]),
  build(pages: readonly PageSpec[]): Uint8Array {
    const objects: Uint8Array[] = [];
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    const stream = (dict: string, data: Uint8Array): Uint8Array => concat([text(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, text('\nendstream')]);
    const add = (body: Uint8Array | string): number => objects.push(typeof body === 'string' ? text(body) : body);
    add('<< /Type /Catalog /Pages 2 0 R >>');
    add(''); // pages, filled below
    const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    const kids: number[] = [];
    for (const p of pages) {
      const images = (p.images ?? []).map((im) =>
        add(stream(`/Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /Device${im.grey ? 'Gray' : 'RGB'} /BitsPerComponent 8 /Filter /DCTDecode`, im.jpeg)),
      );
      const xobjects = images.length ? `/XObject << ${images.map((n, i) => `/Im${i} ${n} 0 R`).join(' ')} >>` : '';
      const content = add(stream('', text(p.content)));
      kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /Font << /F1 ${font} 0 R >> ${xobjects} >> /Contents ${content} 0 R >>`));
    }
    objects[1] = text(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
    const parts: Uint8Array[] = [text('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
    let size = parts[0]!.length;
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(size);
      const obj = concat([text(`${i + 1} 0 obj\n`), body, text('\nendobj\n')]);
      parts.push(obj);
      size += obj.length;
    });
    parts.push(text(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
    parts.push(text(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
    return concat(parts);
  },
};

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
