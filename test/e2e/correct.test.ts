// End to end: correct a figure with the keyboard and watch its rule fail, then fix it back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { dropFiles, appPerTest, SCREENSHOTS, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

describe('correcting a field', () => {
  it('re-runs the rules on Enter and marks the field corrected', async () => {
    s = await app.open();
    const name = fs.readdirSync(fixture('seeds')).find((f) => f.startsWith('003_'))!;
    await dropFiles(s.page, [{ name, bytes: fs.readFileSync(fixture('seeds', name)) }]);
    await s.page.getByTestId('report-row').first().click();
    const detail = s.page.getByTestId('detail');
    await detail.getByText('没有未通过的校验').waitFor();

    const field = detail.locator('[data-key="legacy.apply.in_person"]');
    await field.getByRole('button').click();
    const input = field.getByRole('textbox');
    await input.fill('2x');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('2');
    await input.press('Enter');
    await detail.getByText(/收到申请数 与 各渠道之和：0 ≠ 2（差 2）/).waitFor();
    await expect.poll(() => field.getAttribute('class')).toContain('corrected');
    // the library list counts the failing check too
    await expect.poll(() => s!.page.getByTestId('report-row').first().innerText()).toMatch(/\s1\s/);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'correction.png') });

    // the report cannot be verified while the rule fails, unless accepted with a note
    await detail.getByTestId('verify-report').click();
    await detail.getByTestId('verify-note').fill('原表如此');
    await detail.getByText('接受并确认').click();
    await detail.getByTestId('review-status').getByText('已核对').waitFor();

    await field.getByRole('button').click();
    await field.getByRole('textbox').fill('0');
    await field.getByRole('textbox').press('Enter');
    await detail.getByText('没有未通过的校验').waitFor();
    expect(s.problems).toEqual([]);
  });
});
