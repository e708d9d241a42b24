// A child process for the offline OCR test: `ours` recognizes a page with the app's OCR pool,
// `cdn` starts a tesseract.js worker the careless way (no langPath: it fetches the model).
// Prints one JSON line.
import fs from 'node:fs';
const [mode, file] = process.argv.slice(2);
if (mode === 'ours') {
  const { createOcrPool, pageImage } = await import('../../out/node/ocr.js');
  const bytes = fs.readFileSync(file);
  const image = await pageImage({ bytes, sha256: 'x', kind: 'pdf', page: 1 });
  const pool = await createOcrPool(1);
  const r = await pool.recognize(image);
  await pool.terminate();
  console.log(JSON.stringify({ words: r.words.length, text: r.words.map((w) => w.text).join('') }));
} else {
  const { createWorker } = await import('tesseract.js');
  const worker = await createWorker('chi_sim', 1, { errorHandler: () => {} }).catch((err) => ({ err }));
  console.log(JSON.stringify({ started: !worker.err }));
  await worker.terminate?.();
}
