// Page pictures drawn ahead of time, in idle time: when a library opens and after each import or
// re-extraction, the pages the review screen is likely to open each report on are drawn into the
// disk cache, so a report opened from the list shows its page at once. Low priority and bounded:
// one page at a time on a thread of its own (closed when done), only while no job runs and nobody
// has asked for a page for a while; a job or a page asked for stops the page being drawn (it is
// drawn again later); warming fills at most a share of the cache's budget; close() cancels it.
import { passes, quietTime } from '../quiet-time';
import type { Library } from '../store/library';
import { openingPages, warmReports } from '../store/warm-pages';
import { reportFile } from '../store/pages';
import type { PagePictures } from './page-pictures';
import type { PageViews } from './page-view';

export interface WarmerOptions {
  /** a job (import, OCR, re-extraction) is running: wait */
  busy: () => boolean;
  /** idle means this long without a page asked for, a job or a poke (default 2 s) */
  quietMs?: number;
  /** share of the disk cache's budget warming may fill (default one half) */
  share?: number;
  /** pages drawn per report (default 3) */
  pagesPerReport?: number;
}

export interface PageWarmer {
  /** something was stored or opened: look for pages to draw, once idle */
  poke(): void;
  /** something more important started (a page asked for, a job): stop drawing, wait for idle again */
  interrupt(): void;
  /** the running warming (tests, benchmarks): resolves with the pages it drew */
  settled(): Promise<number>;
  close(): Promise<void>;
}

export function pageWarmer(lib: Library, views: PageViews, pictures: PagePictures, opts: WarmerOptions): PageWarmer {
  const quietMs = opts.quietMs ?? 2000;
  const limit = views.disk.budget * (opts.share ?? 0.5);
  const perReport = opts.pagesPerReport ?? 3;
  let drawing = false;
  /** nothing runs and nobody asked for a page lately */
  const quiet = quietTime(opts.busy, quietMs, 200);
  const calm = quiet.calm;
  const idle = quiet.wait;

  const pass = async (): Promise<number> => {
    let drawn = 0;
    for (const report of warmReports(lib.db)) {
      // the report may have gone (merged, deleted) since the list was made
      if (!reportFile(lib.db, report.reportId, report.sha256)) continue;
      for (const page of openingPages(lib.db, report, perReport)) {
        for (;;) {
          if (!(await idle()) || (await views.disk.usage()) >= limit) return drawn;
          drawing = true;
          try {
            // checked again just before drawing: something may have started since
            if (await views.warm(report.sha256, report.kind, page, pictures, () => !calm())) drawn++;
          } catch {
            // not drawable (or stopped): the screen draws it when asked, with the reason
          } finally {
            drawing = false;
          }
          // stopped, or held back by something that started meanwhile: this page again, once calm
          if (calm()) break;
        }
      }
    }
    return drawn;
  };

  // the thread goes with its memory until the next warming
  const runs = passes(quiet, pass, () => pictures.close());

  return {
    poke: runs.poke,
    interrupt() {
      quiet.touch();
      if (drawing) void pictures.close();
    },
    settled: async () => (await runs.settled()).reduce((a, b) => a + b, 0),
    async close() {
      quiet.close();
      await pictures.close();
      await runs.settled().catch(() => undefined);
    },
  };
}
