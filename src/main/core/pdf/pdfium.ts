// PDFium (WebAssembly, @hyzyla/pdfium), one engine per thread started on first use (about 60 ms):
// the review screen draws pages with it (review/page-pdfium.ts), the ink check lists what a page
// paints and draws it small (pdf/ink.ts). The wrapper loads documents and draws pages; what a page
// paints is read through PDFium's own FPDFPageObj_* functions, which its module exports untyped.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import type { PDFiumDocument, PDFiumPage } from '@hyzyla/pdfium';

const require = createRequire(import.meta.url);
let library: Promise<PDFiumLibrary> | null = null;
export const pdfium = (): Promise<PDFiumLibrary> =>
  (library ??= PDFiumLibrary.init({ wasmBinary: new Uint8Array(fs.readFileSync(require.resolve('@hyzyla/pdfium/pdfium.wasm'))).buffer }));

/** A box in PDF points from the top left of the page shown (turned by its /Rotate, from its crop box's corner), as the text layer's words are placed. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PaintedPath {
  box: Box;
  segments: number;
  filled: boolean;
}

/** What a page paints, forms' contents included: its pictures and its paths. */
export interface Painted {
  pictures: Box[];
  paths: PaintedPath[];
}

export interface PagePixels {
  width: number;
  height: number;
  /** 8-bit greyscale, row-major */
  grey: Uint8Array;
}

export interface InkPage {
  /** page size in points */
  width: number;
  height: number;
  painted(): Painted;
  /** the page drawn at `dpi` in greyscale; closes the page */
  draw(dpi: number): Promise<PagePixels>;
  close(): void;
}

/** The PDFium functions the wrapper's module exports beyond its types (pointers are numbers). */
interface Engine {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageBoundingBox(page: number, rect: number): number;
  _FPDFPage_GetRotation(page: number): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, index: number): number;
  _FPDFFormObj_CountObjects(form: number): number;
  _FPDFFormObj_GetObject(form: number, index: number): number;
  _FPDFPageObj_GetType(object: number): number;
  _FPDFPageObj_GetBounds(object: number, left: number, bottom: number, right: number, top: number): number;
  _FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  _FPDFPath_CountSegments(path: number): number;
  _FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
}

/** FPDF_PAGEOBJ_* */
const PATH = 2;
const IMAGE = 3;
const FORM = 5;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m applied first, then n */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * User space → the page shown (points from its top left, y downwards): the page's box (crop box
 * within the media box) and its /Rotate, as PDFium draws it; [l, b, r, t] are the box's edges.
 */
function shownFrame([l, b, r, t]: readonly [number, number, number, number], quarters: number): (x: number, y: number) => [number, number] {
  if (quarters === 1) return (x, y) => [y - b, x - l];
  if (quarters === 2) return (x, y) => [r - x, y - b];
  if (quarters === 3) return (x, y) => [t - y, r - x];
  return (x, y) => [x - l, t - y];
}

/** Page `index` (0-based) of a document the wrapper loaded, for the ink check. */
export function inkPage(doc: PDFiumDocument, index: number): InkPage {
  const page: PDFiumPage = doc.getPage(index);
  // the wrapper keeps the module and the page's pointer in fields its types call private
  const { module: engine, pageIdx: ptr } = page as unknown as { module: Engine; pageIdx: number };
  const { originalWidth: width, originalHeight: height } = page.getOriginalSize();
  let open = true;
  const close = (): void => {
    if (open) engine._FPDF_ClosePage(ptr);
    open = false;
  };
  return {
    width,
    height,
    painted: () => paintedObjects(engine, ptr),
    async draw(dpi) {
      // the wrapper's render closes the page
      open = false;
      const drawn = await page.render({ scale: dpi / 72, colorSpace: 'Gray', render: 'bitmap' });
      return { width: drawn.width, height: drawn.height, grey: drawn.data };
    },
    close,
  };
}

function paintedObjects(engine: Engine, page: number): Painted {
  const out: Painted = { pictures: [], paths: [] };
  const buf = engine._malloc(32);
  try {
    const floats = (n: number): number[] => Array.from(new Float32Array(engine.HEAPU8.buffer, buf, n));
    // FS_RECTF: left, top, right, bottom
    const [left = 0, top = 0, right = 0, bottom = 0] = engine._FPDF_GetPageBoundingBox(page, buf) ? floats(4) : [];
    const shown = shownFrame([left, bottom, right, top], engine._FPDFPage_GetRotation(page));
    /** the object's bounds (in its parent's space) through `ctm`, as a box on the page shown */
    const bounds = (object: number, ctm: Matrix): Box | null => {
      if (!engine._FPDFPageObj_GetBounds(object, buf, buf + 4, buf + 8, buf + 12)) return null;
      const [l = 0, b = 0, r = 0, t = 0] = floats(4);
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [x, y] of [[l, b], [r, b], [l, t], [r, t]] as const) {
        const [sx, sy] = shown(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
        xs.push(sx);
        ys.push(sy);
      }
      return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    };
    const walk = (count: number, at: (i: number) => number, ctm: Matrix): void => {
      for (let i = 0; i < count; i++) {
        const object = at(i);
        const type = engine._FPDFPageObj_GetType(object);
        if (type === FORM) {
          // a form's objects are bounded in its own space: its matrix takes them to the parent's
          const inner = engine._FPDFPageObj_GetMatrix(object, buf) ? times(floats(6) as Matrix, ctm) : ctm;
          walk(engine._FPDFFormObj_CountObjects(object), (j) => engine._FPDFFormObj_GetObject(object, j), inner);
        } else if (type === IMAGE) {
          const box = bounds(object, ctm);
          if (box) out.pictures.push(box);
        } else if (type === PATH) {
          const box = bounds(object, ctm);
          engine._FPDFPath_GetDrawMode(object, buf + 16, buf + 20);
          const fillMode = new Int32Array(engine.HEAPU8.buffer, buf + 16, 1)[0];
          if (box) out.paths.push({ box, segments: engine._FPDFPath_CountSegments(object), filled: fillMode !== 0 });
        }
      }
    };
    walk(engine._FPDFPage_CountObjects(page), (i) => engine._FPDFPage_GetObject(page, i), IDENTITY);
  } finally {
    engine._free(buf);
  }
  return out;
}
