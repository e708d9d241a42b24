// Image files → upright greyscale pages: JPEG/PNG/BMP/WebP through @napi-rs/canvas, TIFF (also
// multi-page, CCITT G4 faxes) through utif2; EXIF orientation applied; bombs refused by the size in
// the header before the pixels are decoded.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import exifr from 'exifr';
import UTIF from 'utif2';
import { NormalizeError } from '../normalize/types';
import { toGrey } from '../pdf/render';
import { sniffImage, type ImageFormat } from './sniff';

/** Decoded pixels above this are refused (a 12 Mpx phone photo is far below). */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Pages larger than this are scaled down before OCR (tesseract gains nothing past ~400 dpi A4). */
const MAX_OCR_PIXELS = 24_000_000;
const MAX_TIFF_PAGES = 500;

export interface GreyPage {
  width: number;
  height: number;
  grey: Uint8Array;
}

export function imageFormatOf(bytes: Uint8Array): ImageFormat {
  const f = sniffImage(bytes);
  if (!f) throw new NormalizeError('unsupported', '无法识别的图片格式');
  return f;
}

/** Number of pages (TIFF frames; 1 for the other formats). */
export function imagePageCount(bytes: Uint8Array): number {
  if (imageFormatOf(bytes) !== 'tiff') return 1;
  return Math.min(tiffPages(bytes).length, MAX_TIFF_PAGES);
}

/** Page `page` (1-based) as upright greyscale pixels. */
export async function decodeImagePage(bytes: Uint8Array, page: number): Promise<GreyPage> {
  const format = imageFormatOf(bytes);
  if (format === 'tiff') return decodeTiffPage(bytes, page);
  if (page !== 1) throw new NormalizeError('empty', `图片没有第 ${page} 页`);
  const dims = headerSize(bytes, format);
  if (dims && dims.width * dims.height > MAX_IMAGE_PIXELS) throw tooLarge(dims.width, dims.height);
  let img;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new NormalizeError('not_text', `图片已损坏或无法解码（${(err as Error).message}）`);
  }
  if (img.width * img.height > MAX_IMAGE_PIXELS) throw tooLarge(img.width, img.height);
  const orientation = format === 'jpeg' ? await exifOrientation(bytes) : 1;
  const quarter = orientation >= 5; // 5–8 swap width and height
  const fit = Math.min(1, Math.sqrt(MAX_OCR_PIXELS / (img.width * img.height)));
  const w = Math.round(img.width * fit);
  const h = Math.round(img.height * fit);
  const [cw, ch] = quarter ? [h, w] : [w, h];
  const canvas = createCanvas(cw, ch);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cw, ch);
  ctx.setTransform(...orientationMatrix(orientation, w, h));
  ctx.drawImage(img, 0, 0, w, h);
  return { width: cw, height: ch, grey: toGrey(ctx.getImageData(0, 0, cw, ch).data) };
}

/** The canvas transform that shows a w×h image with EXIF orientation o upright. */
export function orientationMatrix(o: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (o) {
    case 2: return [-1, 0, 0, 1, w, 0];
    case 3: return [-1, 0, 0, -1, w, h];
    case 4: return [1, 0, 0, -1, 0, h];
    case 5: return [0, 1, 1, 0, 0, 0];
    case 6: return [0, 1, -1, 0, h, 0];
    case 7: return [0, -1, -1, 0, h, w];
    case 8: return [0, -1, 1, 0, 0, w];
    default: return [1, 0, 0, 1, 0, 0];
  }
}

async function exifOrientation(bytes: Uint8Array): Promise<number> {
  try {
    const o = await exifr.orientation(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return typeof o === 'number' && o >= 1 && o <= 8 ? o : 1;
  } catch {
    return 1;
  }
}

function tiffPages(bytes: Uint8Array): UTIF.IFD[] {
  try {
    return UTIF.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).filter((ifd) => tag(ifd, 't256') > 0);
  } catch (err) {
    throw new NormalizeError('not_text', `TIFF 文件已损坏（${(err as Error).message}）`);
  }
}

function decodeTiffPage(bytes: Uint8Array, page: number): GreyPage {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = tiffPages(bytes);
  const ifd = ifds[page - 1];
  if (!ifd) throw new NormalizeError('empty', `TIFF 没有第 ${page} 页（共 ${ifds.length} 页）`);
  const width = tag(ifd, 't256');
  const height = tag(ifd, 't257');
  if (width * height > MAX_IMAGE_PIXELS) throw tooLarge(width, height);
  try {
    (UTIF.decodeImage as (b: ArrayBuffer, ifd: UTIF.IFD, all: UTIF.IFD[]) => void)(buf, ifd, ifds);
    return { width, height, grey: toGrey(UTIF.toRGBA8(ifd)) };
  } catch (err) {
    throw new NormalizeError('not_text', `TIFF 第 ${page} 页无法解码（${(err as Error).message}）`);
  }
}

/** A numeric TIFF tag's first value (0 when absent). */
const tag = (ifd: UTIF.IFD, name: string): number => Number((ifd[name] as ArrayLike<number> | undefined)?.[0] ?? 0);

/** Width and height from the header, without decoding (PNG IHDR, JPEG SOFn, BMP, WebP VP8/VP8L/VP8X). */
export function headerSize(b: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    if (format === 'png') return { width: dv.getUint32(16), height: dv.getUint32(20) };
    if (format === 'bmp') return { width: Math.abs(dv.getInt32(18, true)), height: Math.abs(dv.getInt32(22, true)) };
    if (format === 'jpeg') {
      for (let i = 2; i + 9 < b.length; ) {
        if (b[i] !== 0xff) return null;
        const marker = b[i + 1]!;
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: dv.getUint16(i + 7), height: dv.getUint16(i + 5) };
        i += 2 + dv.getUint16(i + 2);
      }
    }
  } catch {
    return null;
  }
  return null;
}

const tooLarge = (w: number, h: number): NormalizeError => new NormalizeError('too_large', `图片尺寸过大（${w}×${h} 像素），拒绝处理`);
