// Image files: types by their bytes, upright pages (EXIF), TIFF pages, bombs refused from the header.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../support/tmp';
import { decodeImagePage, headerSize, imagePageCount, MAX_IMAGE_PIXELS } from '../../../src/main/core/image/decode';
import { sniffKind } from '../../../src/main/core/image/sniff';
import { layerProblem } from '../../../src/main/core/pdf/text-layer';

const read = (...p: string[]) => new Uint8Array(fs.readFileSync(fixture(...p)));

describe('image files', () => {
  it('tells the type by the bytes, whatever the name', () => {
    expect(sniffKind(read('images', 'jpeg-named.png'))).toBe('image');
    expect(sniffKind(read('pdf', 'pdf-named.txt'))).toBe('pdf');
    expect(sniffKind(read('images', 'scan-multipage.tif'))).toBe('image');
    expect(sniffKind(new TextEncoder().encode('<html><body>年度报告</body></html>'))).toBeNull();
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    const photo = read('images', 'photo-exif-rotated.jpg');
    expect(headerSize(photo, 'jpeg')).toEqual({ width: 3508, height: 2481 }); // stored sideways
    const page = await decodeImagePage(photo, 1);
    expect([page.width, page.height]).toEqual([2481, 3508]);
    expect(page.grey.length).toBe(2481 * 3508);
  });

  it('reads every page of a multi-page TIFF', async () => {
    const tiff = read('images', 'scan-multipage.tif');
    expect(imagePageCount(tiff)).toBe(3);
    const p3 = await decodeImagePage(tiff, 3);
    expect(p3.width * p3.height).toBeGreaterThan(8e6);
    expect(p3.grey.some((v) => v < 128)).toBe(true);
    await expect(decodeImagePage(tiff, 4)).rejects.toMatchObject({ code: 'empty' });
  });

  it('refuses an image bomb from its header, before decoding', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 0, 0, 0, 1, 0, 0, 8, 0, 0, 0, 0]);
    expect(65536 * 65536).toBeGreaterThan(MAX_IMAGE_PIXELS);
    await expect(decodeImagePage(png, 1)).rejects.toMatchObject({ code: 'too_large' });
  });
});

describe('text layer quality', () => {
  const words = (text: string) => [{ text, x: 0, y: 0, w: 10, h: 10 }];
  it('tells absent, garbage and incomplete layers from good ones', () => {
    expect(layerProblem([])).toBe('absent');
    expect(layerProblem(words('本报告根据《中华人民共和国政府信息公开条例》编制'))).toBeNull();
    // over half unreadable: garbage (OCR replaces it); some of it: partly garbage (OCR completes it)
    expect(layerProblem(words('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a本报告根据条例编制'))).toBe('garbage');
    expect(layerProblem(words('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008本报告根据《中华人民共和国政府信息公开条例》编制'))).toBe('partly_garbage');
    expect(layerProblem(words('30 5 1 0 0 1 37 3 0 0 0 0 0 3'))).toBe('incomplete');
  });
});
