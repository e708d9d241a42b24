// OCR settings and the page image type, shared by the engine (tesseract.js) and the page renderer.
import { OCR_LANG } from './tessdata';

/**
 * Recognition settings; part of the cache key, so a change re-reads pages once. (The turn a page
 * was read at is kept in the cached JSON since migration 9, without a new version: a page cached
 * before has no turn and is taken as upright, as it was drawn before, rather than every scan of a
 * library read again on its next re-extraction.)
 */
export const OCR_SETTINGS = { lang: OCR_LANG, psm: '6', dpi: 300, version: 6 } as const;
export const OCR_SETTINGS_KEY = `${OCR_SETTINGS.lang}/psm${OCR_SETTINGS.psm}/${OCR_SETTINGS.dpi}dpi/v${OCR_SETTINGS.version}`;

/** A greyscale page image: Leptonica spix bytes (spix.ts) and its size. */
export interface OcrImage {
  spix: Uint8Array;
  width: number;
  height: number;
}
