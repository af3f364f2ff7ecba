/**
 * The strategy report in the page and `agora report` on the page's exported results print the
 * same table, figure for figure; the share–profit frontier is drawn beside it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const UNCERTAIN = 'tests/fixtures/experiments/uncertain.json';

test('the page’s strategy report equals agora report on the page’s results', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page.locator('input[type=file][accept^=".json"]').last().setInputFiles(UNCERTAIN);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(JSON.parse(readFileSync(UNCERTAIN, 'utf8')).name);
  const uncertain = page.getByRole('list', { name: /^Uncertain inputs/ });
  await expect(uncertain).toContainText('growth: uniform 5 to 45');
  await expect(uncertain).toContainText('vendors#0.strategy: profit 50%, aggressive 50%');
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Run the experiment' })
      .getByRole('status')
      .filter({ hasText: /\d+ of \d+ runs/ }),
  ).toContainText('Done · 8 of 8 runs', { timeout: 60_000 });

  await page.getByLabel('Share at least (%)').fill('22');
  await page.getByLabel('Cumulative profit at least (M credits)').fill('0.5');
  const table = page.getByRole('table', { name: 'Strategies of Cirrus' });
  await expect(table.getByRole('columnheader').nth(2)).toHaveText('P(share ≥ 22%)');
  await expect(table.getByRole('columnheader').nth(3)).toHaveText('P(profit ≥ 500.0 k credits)');
  const shown = await table.evaluate((t: HTMLTableElement) => ({
    header: [...t.tHead!.rows[0].cells].map((c) => c.textContent),
    rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
  }));
  await expect(page.getByRole('figure', { name: 'Share–profit frontier of Cirrus' })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download results (CSV)' }).click(),
  ]);
  const cli = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'report',
      (await download.path())!,
      '--share',
      '22',
      '--profit',
      '500000',
      '--json',
    ],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const printed = JSON.parse(cli.stdout);
  expect(shown.header).toEqual(printed.header);
  expect(shown.rows).toEqual(printed.rows);
  expect(shown.rows).toHaveLength(2);
  expect(shown.rows.flat().join(' ')).toMatch(/\d+% \[\d+%–\d+%\]/);
  await page.screenshot({ path: 'test-results/strategy-report.png', fullPage: true });
  expect(errors).toEqual([]);
});
