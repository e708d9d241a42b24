// Image files → upright greyscale pages: JPEG/PNG/BMP/WebP through @napi-rs/canvas, TIFF (also
// multi-page, CCITT G4 faxes) through utif2; EXIF orientation applied (by skia); bombs refused by the size in
// the header before the pixels are decoded.
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { NormalizeError } from '../normalize/types';
import { canvasGrey, toGrey } from '../pdf/render';
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
  const up = await uprightImage(bytes, page);
  if (!up) return decodeTiffPage(bytes, page);
  const { img, width: w, height: h } = up;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  return { width: w, height: h, grey: canvasGrey(ctx, w, h) };
}

/**
 * A JPEG/PNG/BMP/WebP decoded upright, with the frame decodeImagePage gives its pixels in (a
 * picture of it can be drawn at any size without those pixels); null for a TIFF.
 */
export async function uprightImage(bytes: Uint8Array, page: number): Promise<{ img: Image; width: number; height: number } | null> {
  const format = imageFormatOf(bytes);
  if (format === 'tiff') return null;
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
  // skia (in @napi-rs/canvas) applies the EXIF orientation while decoding: img is upright already
  const fit = Math.min(1, Math.sqrt(MAX_OCR_PIXELS / (img.width * img.height)));
  return { img, width: Math.round(img.width * fit), height: Math.round(img.height * fit) };
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
