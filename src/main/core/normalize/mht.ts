// MHT/MHTML web archives (MIME multipart): the text/html part, transfer-decoded, with its charset.
import { NormalizeError } from './types';

export interface MhtPart {
  bytes: Uint8Array;
  charset: string | null;
}

export function htmlPartOfMht(raw: Uint8Array): MhtPart {
  const text = Buffer.from(raw).toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  const parts = boundary ? text.split(`--${boundary}`) : [text];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = /charset="?([\w-]+)"?/i.exec(headers)?.[1] ?? null;
    return { bytes: transferDecode(body, encoding), charset };
  }
  throw new NormalizeError('not_text', '不是 HTML/文本文件（MHT 中没有网页部分）');
}

function transferDecode(body: string, encoding: string | undefined): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const hex = joined[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(Number.parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(joined.charCodeAt(i) & 0xff);
    }
    return Uint8Array.from(bytes);
  }
  return Buffer.from(body, 'latin1');
}
