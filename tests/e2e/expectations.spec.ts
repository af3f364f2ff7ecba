/**
 * The expectations page: an expectation opened from a file runs in the page and prints the same
 * figures as `agora expectations --json` — verdict, effect, readings, switches and every other
 * setting of its robustness — the HTML report too; each compared arm opens in the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const FIXTURE = 'tests/fixtures/experiments/expectation-small.json';
const STATEMENT = /prices aggressively gains share/;
const words = (verdict: string) => verdict.replace(/-/g, ' ');

async function openFixture(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Expectations' }).click();
  await page.getByLabel('Open an expectation file').setInputFiles(FIXTURE);
  return page.getByRole('listitem', { name: STATEMENT });
}

test('an expectation runs in the page and gives the CLI’s figures, robustness included; the report exports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const item = await openFixture(page);
  await expect(item.getByLabel('Verdict')).toHaveText('not run yet');
  await page.getByLabel('Workers').fill('2');
  await page.getByLabel('Your prediction for expectation 9').selectOption('holds');
  await item.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(item.getByLabel('Verdict')).toHaveText(/running: \d+ of 32 runs|^(holds|does not hold|inconclusive)$/);
  await expect(item.getByLabel('Verdict')).toHaveText(/^(holds|does not hold|inconclusive)$/, { timeout: 150_000 });

  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'expectations', '--file', FIXTURE, '--workers', '2', '--json'],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const [json] = JSON.parse(cli.stdout);

  await expect(item.getByLabel('Verdict')).toHaveText(words(json.verdict));
  await expect(item.getByLabel('Effect and 95% interval')).toHaveText(`effect ${json.text}`);
  await expect(item.getByLabel('Runs', { exact: true })).toHaveText(`${json.runs} runs`);
  await expect(item.getByLabel('Robust?')).toHaveText(new RegExp(`^${json.robustness.label}: `));
  await expect(item.getByLabel('What n means')).toContainText(`n = ${json.n} pairs, ${json.experimentRuns} runs`);
  await expect(item.getByLabel('What the model shows')).toContainText(
    `In the runs “Cirrus waging a price war”, Share: Cirrus is `,
  );

  await item.getByText('Other settings', { exact: true }).click();
  const settings = item.getByRole('list', { name: 'Other settings' }).getByRole('listitem');
  await expect(settings).toHaveText(
    json.robustness.variations.map(
      (v: { variation: string; verdict: string; text: string }) =>
        `${v.variation}: ${words(v.verdict)}, effect ${v.text}`,
    ),
  );
  expect(json.robustness.variations).toHaveLength(6);
  await expect(
    item.getByText(`Each other setting runs the experiment’s own ${json.robustness.repetitions} repetitions`),
  ).toBeVisible();

  await item.getByText('Mechanisms switched off', { exact: true }).click();
  const [ablation] = json.ablations;
  await expect(item.getByRole('list', { name: 'Mechanisms switched off' })).toHaveText(
    `${ablation.label}: with it ${json.text.split(' [')[0]}, without it ${ablation.text} — ${words(ablation.verdict)}`,
  );
  await item.getByText('Other readings', { exact: true }).click();
  const [reading] = json.readings;
  await expect(item.getByRole('list', { name: 'Other readings' })).toHaveText(
    `${reading.label}: effect ${reading.text}`,
  );

  const agrees = json.verdict === 'holds';
  await expect(
    item.getByText(agrees ? 'The model agrees with your prediction.' : /The model disagrees with your prediction/),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export report (HTML)' }).click(),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain(`effect ${json.text}`);
  for (const v of json.robustness.variations)
    expect(html).toContain(`${v.variation}: ${words(v.verdict)}, effect ${v.text}`);
  expect(html).toMatch(/expectation-small\.json · [0-9a-f]{16}/);
  await page.screenshot({ path: 'test-results/expectations.png', fullPage: true });
});

test('an expectation opens each compared arm in the sandbox, and its experiment', async ({ page }) => {
  let item = await openFixture(page);
  await item.getByRole('button', { name: 'Open: Cirrus waging a price war' }).click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('200');
  await expect(page.getByLabel('Strategy of Cirrus', { exact: true })).toHaveValue('aggressive');
  await page.getByRole('button', { name: 'Expectations' }).click();
  item = page.getByRole('listitem', { name: STATEMENT });
  await item.getByRole('button', { name: 'Open: Cirrus pricing for profit' }).click();
  await expect(page.getByLabel('Strategy of Cirrus', { exact: true })).toHaveValue('profit');
  await page.getByRole('button', { name: 'Expectations' }).click();
  await page.getByRole('listitem', { name: STATEMENT }).getByRole('button', { name: 'Open its experiment' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('A small expectation: Cirrus at war');
});
