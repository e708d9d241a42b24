// Where the traineddata lives: resources/tessdata, copied from @tesseract.js-data at build time
// (scripts/build-node.mjs) and shipped by electron-builder as an extra resource. Never fetched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The recognition language for reports (eng is shipped too; the variant is chosen in docs/ocr.md). */
export const OCR_LANG = 'chi_sim';

/**
 * The folder holding `<lang>.traineddata.gz`, or an error naming where it was looked for.
 * `resourcesPath`: the packaged app's resources folder (Electron's process.resourcesPath).
 */
export function tessdataDir(resourcesPath = (process as { resourcesPath?: string }).resourcesPath): string {
  const candidates = [
    process.env.NIANBAO_TESSDATA,
    // packaged Electron app: <resources>/resources/tessdata
    resourcesPath && path.join(resourcesPath, 'resources', 'tessdata'),
    // source tree, out/node, out/main: the repository's resources/tessdata
    ...ancestors(path.dirname(fileURLToPath(import.meta.url))).map((dir) => path.join(dir, 'resources', 'tessdata')),
  ].filter((d): d is string => typeof d === 'string' && d.length > 0);
  const found = candidates.find((d) => fs.existsSync(path.join(d, `${OCR_LANG}.traineddata.gz`)));
  if (!found) throw new Error(`OCR 语言数据缺失（已查找 ${candidates.join('、')}）：请先运行 npm run build:node`);
  return found;
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; out.length < 6; d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) break;
  }
  return out;
}
