// The OCR pool: tesseract.js workers (worker threads) that never fetch anything — traineddata from
// the local tessdata folder, no cache writes, core and worker scripts from node_modules. One pool
// serves a whole import job; pages are its jobs; terminate() stops them at once.
import os from 'node:os';
import { createWorker, type PSM, type Worker as TessWorker } from 'tesseract.js';
import type { Word } from '../normalize/positioned-types';
import { OCR_SETTINGS, type OcrImage } from './settings';
import { OCR_LANG, tessdataDir } from './tessdata';
import { ocrWorkerPath } from './engine-paths';
import { wordsFromTsv } from './words';
import { figureAlternatives } from './choices';

export interface OcrResult {
  width: number;
  height: number;
  words: Word[];
  /** mean word confidence in [0, 1] */
  confidence: number;
  ms: number;
}

export interface OcrPool {
  readonly size: number;
  /** `figures`: the image holds a table's figure columns only (numbers: see correct.ts); `psm`: another page segmentation for this image */
  recognize(image: OcrImage, figures?: boolean, psm?: string): Promise<OcrResult>;
  /** Stop every worker now; queued and running pages reject with OcrCancelled. */
  terminate(): Promise<void>;
}

export class OcrCancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('文字识别已取消');
  }
}

/** Two workers on this 2-core class of machine; each is one core's worth of LSTM work. */
export const defaultPoolSize = (): number => Math.max(1, Math.min(4, os.availableParallelism()));

export const OCR_PARAMS = {
  // the npm models put spaces between Chinese characters unless told to keep the real ones
  preserve_interword_spaces: '1',
  tessedit_pageseg_mode: OCR_SETTINGS.psm as PSM,
  user_defined_dpi: String(OCR_SETTINGS.dpi),
  // no second pass over every doubtful line as white-on-black text (reports print none; a third
  // of the time on table pages)
  tessedit_do_invert: '0',
} as const;

interface Lane {
  worker: TessWorker;
  task: Task | null;
}

interface Task {
  image: OcrImage;
  figures: boolean;
  psm: string | undefined;
  resolve: (r: OcrResult) => void;
  reject: (e: unknown) => void;
}

export async function createOcrPool(size = defaultPoolSize()): Promise<OcrPool> {
  const langPath = tessdataDir();
  const workerPath = ocrWorkerPath();
  const queue: Task[] = [];
  const lanes: Lane[] = [];
  let closed = false;

  const startLane = async (): Promise<void> => {
    const worker = await createWorker(OCR_LANG, 1 /* LSTM only */, {
      langPath,
      workerPath,
      cacheMethod: 'none',
      gzip: true,
      // without a handler a rejected job rethrows inside the message listener and kills the process
      errorHandler: () => {},
    });
    lanes.push({ worker, task: null });
    await worker.setParameters(OCR_PARAMS);
  };

  const dispatch = (): void => {
    for (const lane of lanes) {
      if (lane.task || closed) continue;
      const task = queue.shift();
      if (!task) return;
      lane.task = task;
      const started = performance.now();
      const { spix } = task.image;
      // the buffer itself is passed on (tesseract.js copies a typed array first); posting it to the
      // worker copies it once (a memcpy: about 2 ms for a 300 dpi page)
      const whole = spix.byteOffset === 0 && spix.byteLength === spix.buffer.byteLength ? spix.buffer : spix.slice().buffer;
      // figures: the hOCR too, with the LSTM's other readings of each symbol (ocr/choices.ts; the TSV is the same)
      const params = { ...(task.psm ? { tessedit_pageseg_mode: task.psm } : {}), ...(task.figures ? { lstm_choice_mode: '2' } : {}) };
      lane.worker
        .recognize(whole as unknown as Buffer, params as object, { text: false, tsv: true, hocr: task.figures })
        .then(
          ({ data }) => {
            const words = wordsFromTsv(data.tsv ?? '', task.figures, task.figures ? figureAlternatives(data.hocr ?? '') : undefined);
            const confidence = words.length ? words.reduce((n, w) => n + (w.conf ?? 0), 0) / words.length : 0;
            task.resolve({ width: task.image.width, height: task.image.height, words, confidence, ms: Math.round(performance.now() - started) });
          },
          (err: unknown) => task.reject(closed ? new OcrCancelled() : new Error(`文字识别失败: ${String(err)}`)),
        )
        .finally(() => {
          lane.task = null;
          dispatch();
        });
    }
  };

  try {
    await Promise.all(Array.from({ length: size }, startLane));
  } catch (err) {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
    throw new Error(`文字识别引擎无法启动: ${String(err)}`, { cause: err });
  }

  return {
    size,
    recognize(image, figures = false, psm) {
      if (closed) return Promise.reject(new OcrCancelled());
      return new Promise((resolve, reject) => {
        queue.push({ image, figures, psm, resolve, reject });
        dispatch();
      });
    },
    async terminate() {
      if (closed) return;
      closed = true;
      for (const t of queue.splice(0)) t.reject(new OcrCancelled());
      // the threads end at once; recognitions in flight never answer, so reject them here
      await Promise.all(lanes.map((l) => l.worker.terminate()));
      for (const lane of lanes) lane.task?.reject(new OcrCancelled());
    },
  };
}
