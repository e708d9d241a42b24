// Tesseract's other readings of a figure, from its hOCR with lstm_choice_mode 2 (the LSTM's best
// characters per symbol, each with a confidence; the TSV and JSON outputs hold only the best, and
// the reading itself is the same). A figure word's alternatives are its text with one digit
// replaced by a digit tesseract also gave that symbol: what the consistency rules may pick from
// (validate/ocr-choices.ts).

/** Alternatives below this confidence (0–100) are not offered: most digits carry a few at 0. */
const MIN_CONFIDENCE = 10;

const PIECE = /<span class='ocrx_word' id='[^']*' title='bbox (\d+) (\d+) \d+ \d+;[^']*'>|<span class='ocrx_cinfo' id='lstm_choices_|<span class='ocrx_cinfo' id='choice_[^']*' title='x_confs ([\d.]+)'>([^<]*)<\/span>/gu;

interface Symbol {
  best: string;
  others: { text: string; conf: number }[];
}

/** Per word (keyed by its box's top left, `x,y`, as in the TSV): the texts of one digit read otherwise, likelier first. */
export function figureAlternatives(hocr: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let key = '';
  let symbols: Symbol[] = [];
  const flush = (): void => {
    const alts = alternativesOf(symbols);
    if (key && alts.length) out.set(key, alts);
  };
  for (const m of hocr.matchAll(PIECE)) {
    if (m[1] !== undefined) {
      flush();
      key = `${m[1]},${m[2]}`;
      symbols = [];
    } else if (m[3] === undefined) symbols.push({ best: '', others: [] });
    else {
      const s = symbols.at(-1);
      if (!s) continue;
      if (s.best === '') s.best = m[4]!;
      else s.others.push({ text: m[4]!, conf: Number(m[3]) });
    }
  }
  flush();
  return out;
}

function alternativesOf(symbols: readonly Symbol[]): string[] {
  // spaces between the symbols are the LSTM's gaps, not characters of the word
  const read = symbols.filter((s) => s.best.trim());
  if (!read.some((s) => /\d/u.test(s.best))) return [];
  const texts = read.map((s) => s.best);
  const alts = read.flatMap((s, i) =>
    s.others.filter((o) => /^\d$/u.test(o.text) && o.conf >= MIN_CONFIDENCE && /^\d$/u.test(s.best)).map((o) => ({ text: texts.with(i, o.text).join(''), conf: o.conf })),
  );
  return [...new Set(alts.sort((a, b) => b.conf - a.conf).map((a) => a.text))];
}
