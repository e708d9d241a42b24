// Fixture files as the text-layer measurements read them: a report's text, and the PDFs of a tree.
// Node built-ins only, so scripts and benches run it with `node --experimental-strip-types`.
import fs from 'node:fs';
import path from 'node:path';

/** A fixture file decoded: UTF-8 or else GB18030. */
export function decodedFile(file: string): string {
  const bytes = fs.readFileSync(file);
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  return utf8.includes('\ufffd') ? new TextDecoder('gb18030').decode(bytes) : utf8;
}

/** A report's text: a web page without its markup. */
export function fixtureText(file: string): string {
  const s = decodedFile(file);
  return /\.html?$/.test(file) ? s.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n') : s;
}

/** The web pages and plain texts of `dirs` (folders of test/fixtures), sorted. */
export function reportFiles(fixtures: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((d) => fs.readdirSync(path.join(fixtures, d)).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => path.join(fixtures, d, f))).sort();
}

/** Every file under `dir` whose bytes say PDF, whatever its name. */
export function pdfFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return pdfFiles(file);
    const head = Buffer.alloc(5);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
    return head.toString('latin1') === '%PDF-' ? [file] : [];
  });
}
