// Word 97–2003 (.doc, and .wps files that are really .doc) → blocks. word-extractor gives the body
// with table cells ended by tabs; cells become " | "-separated, as the table reader expects.
import WordExtractor from 'word-extractor';
import { cleanInline, CELL_SEPARATOR, type Block } from '../normalize/blocks';
import { NormalizeError } from '../normalize/types';

export async function readDoc(bytes: Uint8Array, name: string): Promise<Block[]> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch (err) {
    const wps = /\.wps$/i.test(name);
    throw new NormalizeError(
      wps ? 'unsupported' : 'not_text',
      wps ? 'WPS 文件无法读取，请在 WPS 中另存为 DOCX 后再导入' : `Word 文件已损坏或不是 Word 97–2003 格式（${(err as Error).message}）`,
    );
  }
  return body
    .split(/\r?\n/)
    .map((line) => cleanInline(line.replace(/\t/g, CELL_SEPARATOR)))
    .filter(Boolean)
    .map((text) => ({ text }));
}
