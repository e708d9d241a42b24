/* global document, requestAnimationFrame -- these run inside the page (page.evaluate) */
// The library list in Chromium (Debian's, via playwright-core) over the browser harness: first
// rows, a status filter, a sort, jumps through the scrollbar and continuous scrolling. Times are
// taken inside the page, from the action to the rows on screen showing the new answer (API call
// over HTTP, the core's query and React's render included).
import path from 'node:path';
import { chromium } from 'playwright-core';

const REPO = path.resolve(import.meta.dirname, '..');

/**
 * In the page: do `act` (click a test id, or scroll the list to a fraction), then wait frame by
 * frame until no row is loading and `until` holds (the total shown, the first row's id, or rows
 * on screen); milliseconds.
 */
function timed(page, act, until) {
  return page.evaluate(
    async ({ act, until }) => {
      const grid = document.querySelector('[data-testid="library"]');
      const ready = () => {
        if (grid.querySelectorAll('.lib-row.loading').length) return false;
        if (until.total !== undefined) return document.querySelector('[data-testid="total"]').textContent.replace(/\D/g, '') === String(until.total);
        if (until.firstId !== undefined) return grid.querySelector('[data-testid="report-row"]')?.getAttribute('data-id') === String(until.firstId);
        return grid.querySelectorAll('[data-testid="report-row"]').length > 5;
      };
      const t0 = performance.now();
      if (act.click) document.querySelector(`[data-testid="${act.click}"]`).click();
      else grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * act.scroll;
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (ready()) return performance.now() - t0;
        if (performance.now() - t0 > 30_000) throw new Error(`timed out waiting for ${JSON.stringify(until)}`);
      }
    },
    { act, until },
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (label, value) => console.log(`  ${label.padEnd(52)}${value}`);

export async function browserBench(home, n) {
  const { startHarness } = await import('../out/node/harness.js');
  const harness = await startHarness({ home, rendererDir: path.join(REPO, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const core = async (method, args) => {
      const r = await harness.host.dispatch(method, args);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    console.log(`\nChromium, 1366×768, ${n.toLocaleString('en')} reports`);
    const t0 = performance.now();
    await page.goto(harness.url);
    await page.getByTestId('report-row').first().waitFor();
    line('page load to first rows', `${(performance.now() - t0).toFixed(0).padStart(7)} ms`);

    // the expected answers come from the core first; a change to the library then drops its cached
    // orders, so the clicks below are timed without them
    const forget = () => core('view:save', { name: 'bench', query: { search: String(Math.random()) } });
    const unreviewed = (await core('library:list', { query: { filters: { statuses: ['unreviewed'] } }, limit: 1 })).total;
    const first = (await core('library:ids', { query: { filters: { statuses: ['unreviewed'] }, sort: { key: 'agency', desc: false } }, limit: 1 }))[0];
    await forget();
    const filter = await timed(page, { click: 'status-unreviewed' }, { total: unreviewed });
    line(`click 未核对 (status filter) to rows shown`, `${filter.toFixed(0).padStart(7)} ms  (${unreviewed} rows)`);
    await forget();
    const sort = await timed(page, { click: 'sort-agency' }, { firstId: first });
    line('click 发布机关 (sort, Chinese order) to rows shown', `${sort.toFixed(0).padStart(7)} ms`);

    // jumps through the scrollbar: to 10 %, 20 %, … of the list
    const jumps = [];
    for (let k = 1; k <= 9; k++) {
      jumps.push(await timed(page, { scroll: k / 10 }, {}));
    }
    line('scrollbar jump to rows shown (median / worst of 9)', `${median(jumps).toFixed(0).padStart(7)} ms / ${Math.max(...jumps).toFixed(0)} ms`);

    // continuous scrolling, 3 rows a frame for 3 s: frame times, frames with rows still loading
    const smooth = await page.evaluate(async () => {
      const grid = document.querySelector('[data-testid="library"]');
      grid.scrollTop = 0;
      const frames = [];
      let blank = 0;
      let last = performance.now();
      const end = last + 3000;
      while (performance.now() < end) {
        grid.scrollTop += 108;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (grid.querySelectorAll('.lib-row.loading').length) blank++;
      }
      frames.sort((a, b) => a - b);
      return { frames: frames.length, p50: frames[Math.floor(frames.length / 2)], p95: frames[Math.floor(frames.length * 0.95)], blank, rows: Math.round(grid.scrollTop / 36) };
    });
    line(
      'continuous scroll, 3 s (frame time p50 / p95)',
      `${smooth.p50.toFixed(1).padStart(7)} ms / ${smooth.p95.toFixed(1)} ms, ${smooth.frames} frames, ${smooth.rows} rows passed, ${smooth.blank} frames with rows still loading`,
    );
  } finally {
    await browser.close();
    await harness.close();
  }
}
