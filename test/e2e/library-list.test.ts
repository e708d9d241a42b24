// End to end: the library list over a real imported library — sort, filter by status and by
// failed rule, saved views, multi-select with bulk verify (a note for the refused), re-extract and
// export, the trash (delete, restore, empty).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiMethod, ApiResult } from '../../src/shared/api';
import type { JobSummary } from '../../src/shared/model';
import { fixture } from '../support/tmp';
import { appPerTest, SCREENSHOTS, type Session } from './support';

const app = appPerTest();

/** The app with the generated corpus (or other files) imported through the core, the page loaded after it. */
async function withCorpus(paths = [fixture('reports'), fixture('seeds')], count = 55): Promise<Session> {
  const s = await app.open();
  const done = new Promise<JobSummary>((resolve) => s.harness.host.on('job:done', resolve));
  await s.harness.host.dispatch('import:start', { paths });
  expect(await done).toMatchObject({ imported: count, failed: 0 });
  await s.page.reload();
  await s.page.getByTestId('total').getByText(String(count)).waitFor();
  return s;
}

async function core<M extends ApiMethod>(s: Session, method: M, args: unknown): Promise<ApiResult<M>> {
  const r = await s.harness.host.dispatch(method, args);
  if (!r.ok) throw new Error(r.message);
  return r.value as ApiResult<M>;
}

const rows = (s: Session) => s.page.getByTestId('report-row');
const rowIds = async (s: Session) => (await rows(s).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))).filter(Boolean);
const total = async (s: Session) => Number((await s.page.getByTestId('total').innerText()).replace(/\D/g, ''));

describe('library list', () => {
  it('sorts, filters by status and by failed rule, saves a view and applies it again', async () => {
    const s = await withCorpus();
    // sort by agency: Chinese order, as the core's collation says
    await s.page.getByTestId('sort-agency').click();
    await expect.poll(async () => (await rowIds(s))[0]).toBe((await core(s, 'library:ids', { query: { sort: { key: 'agency', desc: false } } }))[0]);
    const agencies = await rows(s).evaluateAll((els) => els.map((e) => e.querySelector('.agency')?.firstChild?.textContent ?? ''));
    const named = agencies.filter((a) => a !== '—');
    expect(named.length).toBeGreaterThan(5);
    expect(named).toEqual([...named].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));

    // by failed rule, from the filter panel
    await s.page.getByTestId('filters').click();
    const rule = 't3.column_total';
    await s.page.getByTestId(`filter-rule-${rule}`).check();
    const failing = await core(s, 'library:ids', { query: { filters: { failedRules: [rule] } } });
    expect(failing.length).toBeGreaterThan(1);
    await expect.poll(() => total(s)).toBe(failing.length);
    expect((await rowIds(s)).sort()).toEqual([...failing].sort());
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'filter-panel.png') });
    await s.page.getByTestId('close-filters').click();
    await s.page.getByTestId('filter-chip').getByText('表三').waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'library-filters.png') });

    // and by status: verify two of them, then only the verified
    const clean = (await core(s, 'library:ids', { query: { filters: { failedMax: 0 } } })).slice(0, 2);
    await core(s, 'library:verify', { ids: clean });
    await s.page.getByTestId('filter-chip').click();
    await s.page.getByTestId('status-verified').click();
    await expect.poll(async () => (await rowIds(s)).sort((a, b) => a - b)).toEqual(clean);
    await s.page.getByTestId('status-verified').click();
    await expect.poll(() => total(s)).toBe(55);

    // a saved view: status + rule + sort, applied again after clearing
    await s.page.getByTestId('status-unreviewed').click();
    await s.page.getByTestId('filters').click();
    await s.page.getByTestId(`filter-rule-${rule}`).check();
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('filter-panel').waitFor({ state: 'detached' });
    await s.page.getByTestId('sort-year').click();
    await expect.poll(() => total(s)).toBe(failing.length);
    // the rows in the new order, once they have come (the count comes first)
    const viewed = await core(s, 'library:ids', { query: { filters: { statuses: ['unreviewed'], failedRules: [rule] }, sort: { key: 'year', desc: false } } });
    expect([...viewed].sort()).toEqual([...failing].sort());
    await expect.poll(() => rowIds(s)).toEqual(viewed);
    // a press outside a menu closes it
    await s.page.getByTestId('views').click();
    await s.page.getByTestId('total').click();
    await s.page.getByTestId('views-panel').waitFor({ state: 'detached' });
    await s.page.getByTestId('views').click();
    await s.page.getByTestId('view-name').fill('表三待核对');
    await s.page.getByTestId('view-save').click();
    await s.page.getByTestId('bulk-message').getByText('已保存视图“表三待核对”').waitFor();
    await s.page.getByTestId('filter-chip').click();
    await s.page.getByTestId('status-all').click();
    await expect.poll(() => total(s)).toBe(55);
    await s.page.getByTestId('views').click();
    await s.page.getByTestId('views-panel').screenshot({ path: path.join(SCREENSHOTS, 'views.png') });
    await s.page.getByTestId('view-apply').filter({ hasText: '表三待核对' }).click();
    await expect.poll(() => rowIds(s)).toEqual(viewed);
    expect(await s.page.getByTestId('views').innerText()).toContain('表三待核对');
    expect(await s.page.getByTestId('status-unreviewed').getAttribute('aria-pressed')).toBe('true');

    // rename and delete it
    await s.page.getByTestId('views').click();
    await s.page.getByTestId('view-rename').click();
    await s.page.getByTestId('view-rename-input').fill('表三');
    await s.page.getByTestId('view-rename-input').press('Enter');
    await expect.poll(async () => (await core(s, 'view:list', {})).map((v) => v.name)).toEqual(['表三']);
    await s.page.getByTestId('view-delete').click();
    await expect.poll(async () => (await core(s, 'view:list', {})).length).toBe(0);
    expect(s.problems).toEqual([]);
  });

  it('selects with Shift, Ctrl and the keyboard, verifies in bulk (a note for the refused), deletes to the trash and restores', async () => {
    const s = await withCorpus();
    // six rows in a row with reports failing error-level rules and others among them (workers finish in any order)
    const listed = (await core(s, 'library:list', { query: {}, limit: 25 })).rows;
    const hasError = new Map<number, boolean>();
    for (const r of listed) hasError.set(r.id, (await core(s, 'report:get', { id: r.id })).checks.some((c) => !c.ok && c.severity === 'error'));
    const at = listed.findIndex((_, i) => {
      const five = listed.slice(i, i + 6).filter((_, k) => k !== 2);
      return i <= 19 && five.some((r) => hasError.get(r.id)) && five.some((r) => !hasError.get(r.id));
    });
    expect(at).toBeGreaterThanOrEqual(0);
    const row = (i: number) => s.page.locator(`[data-testid="report-row"][data-id="${listed[at + i]!.id}"]`);
    // click, Shift+click a range, Ctrl+click one out of it
    await row(0).click();
    await row(5).click({ modifiers: ['Shift'] });
    await s.page.getByTestId('selected-count').getByText('已选 6 份').waitFor();
    await row(2).click({ modifiers: ['Control'] });
    await s.page.getByTestId('selected-count').getByText('已选 5 份').waitFor();
    const picked = [0, 1, 3, 4, 5].map((i) => listed[at + i]!);
    expect(await rows(s).evaluateAll((els) => els.filter((e) => e.getAttribute('aria-selected') === 'true').map((e) => Number(e.getAttribute('data-id'))))).toEqual(picked.map((r) => r.id));

    // bulk verify as one report is verified: errors refuse (their rules said), warnings do not
    const clean = picked.filter((r) => !hasError.get(r.id)).map((r) => r.id);
    const refused = picked.filter((r) => hasError.get(r.id)).map((r) => r.id);
    await s.page.getByTestId('bulk-verify').click();
    const message = s.page.getByTestId('bulk-message');
    await message.getByText(`已将 ${clean.length} 份报告标为已核对`).waitFor();
    expect(await message.innerText()).toContain(`${refused.length} 份未确认`);
    // as a job of the job panel (progress, cancel), its result there too
    const job = s.page.getByTestId('job');
    await job.getByText('核验完成').waitFor();
    expect(await job.getByTestId('job-progress').innerText()).toContain(`${picked.length} / ${picked.length}`);
    expect(await job.getByTestId('summary').innerText()).toContain(`已将 ${clean.length} 份报告标为已核对`);
    await job.getByText('关闭').waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-verify.png') });
    expect(await core(s, 'library:ids', { query: { filters: { statuses: ['verified'] } } })).toEqual(clean);
    await message.getByTestId('bulk-select-refused').click();
    await s.page.getByTestId('selected-count').getByText(`已选 ${refused.length} 份`).waitFor();
    // the refused accepted with a note, kept in their history
    await message.getByTestId('bulk-accept-note').click();
    await s.page.getByTestId('note-input').fill('与原件核对，原件如此');
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-note.png') });
    await s.page.getByTestId('note-accept-run').click();
    await message.getByText(`已将 ${refused.length} 份报告标为已核对`).waitFor();
    expect(await message.innerText()).toContain(`其中 ${refused.length} 份附说明确认`);
    expect(await core(s, 'library:ids', { query: { filters: { statuses: ['verified'] } } })).toEqual(picked.map((r) => r.id));
    expect((await core(s, 'report:history', { id: refused[0]! }))[0]).toMatchObject({ key: '*', reason: '与原件核对，原件如此' });

    // keyboard: Ctrl+A within the filter, Esc, arrows with Shift
    await s.page.getByTestId('status-unreviewed').click();
    await expect.poll(() => total(s)).toBe(55 - picked.length);
    const grid = s.page.getByTestId('library');
    await grid.focus();
    await s.page.keyboard.press('Control+a');
    await s.page.getByTestId('selected-count').getByText(`已选 ${55 - picked.length} 份`).waitFor();
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('bulk').waitFor({ state: 'detached' });
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Shift+ArrowDown');
    await s.page.keyboard.press('Shift+ArrowDown');
    await s.page.getByTestId('selected-count').getByText('已选 3 份').waitFor();
    const trashed = (await core(s, 'library:ids', { query: { filters: { statuses: ['unreviewed'] } }, offset: 0, limit: 3 })) as number[];

    // Delete moves them to the trash: out of the list and the search, into the trash view
    await s.page.keyboard.press('Delete');
    await message.getByText('已将 3 份移到回收站').waitFor();
    await expect.poll(() => total(s)).toBe(55 - picked.length - 3);
    expect(await core(s, 'library:info', {})).toMatchObject({ reports: 52 });
    await s.page.getByTestId('open-trash').click();
    await expect.poll(() => rowIds(s)).toEqual(trashed);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'trash.png') });

    // restore two, empty the trash of the last
    await rows(s).nth(0).click();
    await rows(s).nth(1).click({ modifiers: ['Shift'] });
    await s.page.getByTestId('bulk-restore').click();
    await message.getByText('已恢复 2 份').waitFor();
    await expect.poll(() => rowIds(s)).toEqual([trashed[2]]);
    await s.page.getByTestId('empty-trash').click();
    await s.page.getByTestId('confirm-empty-yes').click();
    await message.getByText('已永久删除 1 份报告和 1 个原始文件').waitFor();
    await s.page.getByTestId('trash-empty').waitFor();
    await s.page.getByTestId('leave-trash').click();
    await expect.poll(() => total(s)).toBe(54 - picked.length);
    expect(await core(s, 'library:info', {})).toMatchObject({ reports: 54 });
    expect(s.problems).toEqual([]);
  });

  it('re-extracts the selection in the job panel keeping corrections, and exports it through the export dialog', async () => {
    const s = await withCorpus([fixture('seeds')], 5);
    const ids = await rowIds(s);
    // a correction the re-extraction must keep, on a selected report with a figure (rows come in
    // the order the import workers finished)
    const figures = await Promise.all(
      ids.slice(0, 3).map(async (id) => ({ id, figure: (await core(s, 'report:get', { id })).fields.find((f) => typeof f.value === 'number' && !f.key.startsWith('meta.')) })),
    );
    const { id: corrected, figure } = figures.find((x) => x.figure)! as { id: number; figure: NonNullable<(typeof figures)[number]['figure']> };
    await core(s, 'field:update', { reportId: corrected, key: figure.key, value: (figure.value as number) + 1, status: 'corrected' });
    await rows(s).nth(0).click();
    await rows(s).nth(2).click({ modifiers: ['Shift'] });
    await s.page.getByTestId('selected-count').getByText('已选 3 份').waitFor();

    await s.page.getByTestId('bulk-reextract').click();
    expect(await s.page.getByTestId('reextract-keep-manual').isChecked()).toBe(true);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-reextract.png') });
    await s.page.getByTestId('reextract-start').click();
    const job = s.page.getByTestId('job');
    await job.getByText('重新提取完成').waitFor();
    expect(await job.getByTestId('summary').innerText()).toBe('已重新提取 3 份：0 项数值变化，保留人工修改 1 项；失败 0 份');
    expect(await job.getByTestId('job-progress').innerText()).toContain('3 / 3');
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-reextract-done.png') });
    const kept = (await core(s, 'report:get', { id: corrected })).fields.find((f) => f.key === figure.key)!;
    expect(kept).toMatchObject({ value: (figure.value as number) + 1, status: 'corrected' });
    expect((await core(s, 'report:history', { id: ids[2]! })).some((h) => h.action === 'reextract')).toBe(true);

    // export: the export dialog, with the selection chosen
    await s.page.getByTestId('bulk-export').click();
    const dialog = s.page.getByTestId('export-dialog');
    expect(await dialog.getByTestId('export-selected').isChecked()).toBe(true);
    await dialog.getByTestId('export-format-json').check();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-export.png') });
    await dialog.getByTestId('export-run').click();
    const message = s.page.getByTestId('bulk-message');
    await message.getByText('已导出 3 份报告').waitFor();
    const file = /：(\S+\.json)/.exec(await message.innerText())![1]!;
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { reports: { id: number }[] };
    expect(exported.reports.map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(s.problems).toEqual([]);
  });
});
