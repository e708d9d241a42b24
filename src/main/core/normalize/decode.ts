// Bytes → text. Trust a BOM, then the page's declared charset, then strict UTF-8, then GB18030,
// and only then a detector (short GBK is misread as Big5 by detectors, GBK HTML as Latin-1).
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { NormalizeError, type NormalizedDoc } from './types';

export interface Decoded {
  text: string;
  encoding: string;
  by: NormalizedDoc['encodingBy'];
}

const CHINESE_ALIASES: Readonly<Record<string, string>> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', 'x-euc-cn': 'gb18030' };

export function decode(bytes: Uint8Array, declared: (ascii: string) => string | null): Decoded {
  const decoded = decodeBytes(bytes, declared);
  const repaired = mojibakeRepaired(decoded.text);
  return repaired === null ? decoded : { ...decoded, text: repaired };
}

/**
 * UTF-8 once read as Latin-1 or Windows-1252 and saved again (å¹³æ½­ for 平潭): the characters'
 * single-byte codes are the original UTF-8, which reads as Chinese. Only text with no Chinese of its
 * own and many such characters is repaired.
 */
export function mojibakeRepaired(text: string): string | null {
  const sample = text.slice(0, 20000);
  const accented = sample.match(/[\u00c0-\u00ff]/g)?.length ?? 0;
  if (accented < 20 || /[\u4e00-\u9fff]/u.test(sample)) return null;
  for (const enc of ['latin1', 'win1252'] as const) {
    if (!iconv.encodingExists(enc)) continue;
    const bytes = iconv.encode(text, enc);
    if (iconv.decode(bytes, enc) !== text || !isUtf8(bytes)) continue;
    const repaired = new TextDecoder('utf-8').decode(bytes);
    if (/[\u4e00-\u9fff]/u.test(repaired)) return repaired;
  }
  return null;
}

function decodeBytes(bytes: Uint8Array, declared: (ascii: string) => string | null): Decoded {
  const bom = fromBom(bytes);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16, by: 'detector' };
  if (looksBinary(bytes)) throw new NormalizeError('not_text', '不是 HTML/文本文件（内容是二进制数据）');
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = declared(head);
  if (meta) {
    const enc = CHINESE_ALIASES[meta.toLowerCase()] ?? meta.toLowerCase();
    // a page re-saved as UTF-8 keeps its old gb2312 tag: valid UTF-8 with Chinese in it is not GBK
    const resaved = enc === 'gb18030' && hasMultibyte(bytes) && isUtf8(bytes);
    if (iconv.encodingExists(enc) && !resaved && !(enc === 'utf-8' && !isUtf8(bytes))) return { text: iconv.decode(Buffer.from(bytes), enc), encoding: enc, by: 'meta' };
  }
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'utf8' };
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (mostlyChinese(gb)) return { text: gb, encoding: 'gb18030', by: 'gb18030' };
  const guess = jschardet.detect(Buffer.from(bytes.subarray(0, 65536)));
  if (guess.encoding && guess.confidence > 0.5 && iconv.encodingExists(guess.encoding)) {
    return { text: iconv.decode(Buffer.from(bytes), guess.encoding), encoding: guess.encoding.toLowerCase(), by: 'detector' };
  }
  throw new NormalizeError('encoding', '编码无法识别（不是 UTF-8、GBK/GB18030 或 UTF-16）');
}

function fromBom(b: Uint8Array): Decoded | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8', by: 'bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(Buffer.from(b.subarray(2)), 'utf-16le'), encoding: 'utf-16le', by: 'bom' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(Buffer.from(b.subarray(2)), 'utf-16be'), encoding: 'utf-16be', by: 'bom' };
  return null;
}

/** UTF-16 without a BOM: NUL bytes (from ASCII) and a decoding that reads as Chinese or ASCII. */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length < 8 || b.length % 2 !== 0 || !b.subarray(0, 4096).includes(0)) return null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    if (mostlyChinese(iconv.decode(Buffer.from(b.subarray(0, 8192)), enc))) return enc;
  }
  return null;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) bad++;
  }
  return bad > Math.max(8, n * 0.02);
}

const hasMultibyte = (b: Uint8Array): boolean => b.some((c) => c >= 0x80);

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function controlShare(s: string): number {
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const bad = s.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return bad / Math.max(1, s.length);
}

/** GB18030 decodes anything; accept it when the result reads as Chinese or ASCII. */
function mostlyChinese(s: string): boolean {
  const sample = s.slice(0, 20000);
  // eslint-disable-next-line no-control-regex -- tab and newlines are allowed characters here
  const ok = sample.match(/[\u0009\u000a\u000d\u0020-\u007e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2014-\u201d\u2460-\u24ff]/g)?.length ?? 0;
  return ok / Math.max(1, sample.length) > 0.95 && controlShare(sample) === 0;
}
