// A minimal PDF writer for fixtures (many pages, absurd page sizes, scans as JPEG pages): pages
// with a content stream, Helvetica, optional JPEG images and an invisible text layer, a correct
// cross-reference table.
// Plain TypeScript with no imports, so fixture scripts run it with `node --experimental-strip-types`.
export interface PageSpec {
  width: number;
  height: number;
  /** content stream operators, e.g. "BT /F1 12 Tf 72 720 Td (Hello) Tj ET"; images are /Im0, /Im1… */
  content: string;
  /** JPEG images (baseline), drawn by the content with "q w 0 0 h x y cm /Im0 Do Q" */
  images?: { jpeg: Uint8Array; width: number; height: number; grey: boolean }[];
  /**
   * invisible text (render mode 3, as a scanner's OCR layer lies over its picture) in a Type0 font
   * whose ToUnicode maps each glyph to the character given: x, y of the baseline's start and the
   * width the word spans, in points from the bottom left
   */
  hiddenText?: { x: number; y: number; size: number; width: number; text: string }[];
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
    // one glyph id per character of the hidden text, the ToUnicode map saying which
    const chars = [...new Set(pages.flatMap((p) => (p.hiddenText ?? []).flatMap((t) => [...t.text])))];
    const cid = new Map(chars.map((c, i) => [c, i + 1]));
    const hex = (n: number, digits = 4): string => n.toString(16).toUpperCase().padStart(digits, '0');
    const utf16 = (c: string): string => [...c].flatMap((ch) => { const u = ch.codePointAt(0)!; return u > 0xffff ? [0xd800 + ((u - 0x10000) >> 10), 0xdc00 + ((u - 0x10000) & 0x3ff)] : [u]; }).map((u) => hex(u)).join('');
    let cidFont = 0;
    if (chars.length) {
      const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hidden def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${chars.length} beginbfchar\n${chars.map((c) => `<${hex(cid.get(c)!)}> <${utf16(c)}>`).join('\n')}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
      const toUnicode = add(stream('', text(cmap)));
      const descendant = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hidden /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /Hidden /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>');
      cidFont = add(`<< /Type /Font /Subtype /Type0 /BaseFont /Hidden /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
    }
    const kids: number[] = [];
    for (const p of pages) {
      const images = (p.images ?? []).map((im) =>
        add(stream(`/Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /Device${im.grey ? 'Gray' : 'RGB'} /BitsPerComponent 8 /Filter /DCTDecode`, im.jpeg)),
      );
      const xobjects = images.length ? `/XObject << ${images.map((n, i) => `/Im${i} ${n} 0 R`).join(' ')} >>` : '';
      const hidden = (p.hiddenText ?? []).map((t) => {
        const n = [...t.text].length;
        return `BT 3 Tr /F2 ${t.size} Tf ${((100 * t.width) / (n * t.size)).toFixed(2)} Tz 1 0 0 1 ${t.x.toFixed(2)} ${t.y.toFixed(2)} Tm <${[...t.text].map((c) => hex(cid.get(c)!)).join('')}> Tj ET`;
      });
      const content = add(stream('', text([p.content, ...hidden].join('\n'))));
      const fonts = `/F1 ${font} 0 R${cidFont ? ` /F2 ${cidFont} 0 R` : ''}`;
      kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /Font << ${fonts} >> ${xobjects} >> /Contents ${content} 0 R >>`));
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
