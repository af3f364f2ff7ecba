/** The expectations page: verdicts from real runs, the same numbers as the CLI, the HTML report. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('an expectation runs in the page, gives the CLI’s numbers, and the report exports', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Expectations' }).click();
  const eighth = page.getByRole('listitem', { name: /negotiates lower costs/ });
  await expect(eighth.getByLabel('Verdict')).toHaveText('not run yet');
  await page.getByLabel('Workers').fill('2');
  await page.getByLabel('Your prediction for expectation 8').selectOption('does-not-hold');
  await eighth.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(eighth.getByLabel('Verdict')).toHaveText(/^(holds|does not hold|inconclusive)$/, { timeout: 100_000 });
  const effect = await eighth.getByLabel('Effect and 95% interval').textContent();
  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'expectations', '--only', '8', '--workers', '2'],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toContain(
    `${await eighth.getByLabel('Verdict').textContent()}: ${effect}`.replace('does not hold', 'does-not-hold'),
  );
  await expect(eighth.getByLabel('Mechanism')).toHaveText(/by construction|emergent|not carried|no effect/);
  const agrees = (await eighth.getByLabel('Verdict').textContent()) === 'does not hold';
  await expect(
    eighth.getByText(agrees ? 'The model agrees with your prediction.' : /The model disagrees with your prediction/),
  ).toBeVisible();
  await expect(eighth.getByRole('button', { name: 'Rerun' })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export report (HTML)' }).click(),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('negotiates lower costs');
  expect(html).toContain(effect!);
  expect(html).toMatch(/expectation-8-negotiation\.json · [0-9a-f]{16}/);
  await page.screenshot({ path: 'test-results/expectations.png', fullPage: true });
});

test('an expectation opens its scenario in the sandbox and its experiment on the experiments page', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Expectations' }).click();
  const second = page.getByRole('listitem', { name: /late entrant/ });
  await second.getByRole('button', { name: 'Open its experiment' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(
    'Expectation 2: a late entrant wins only a limited share',
  );
  await page.getByRole('button', { name: 'Expectations' }).click();
  await page
    .getByRole('listitem', { name: /late entrant/ })
    .getByRole('button', { name: 'Open its scenario' })
    .click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('1500');
  await expect(page.getByLabel('Entry day of Eos')).toHaveValue('365');
});
