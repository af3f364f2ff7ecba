/**
 * Experiments in the browser: the worker pool's results equal the CLI's bytes, a reload
 * mid-way resumes from storage, a crashed worker is replaced, the strategy report renders.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SMALL = 'tests/fixtures/experiments/small.json';
const RESUME = 'tests/fixtures/experiments/resume.json';

/** The CLI's results for an experiment file: what the browser must reproduce byte for byte. */
function cliResults(file: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'agora-e2e-')), 'results.csv');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', file, '--out', out], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(out, 'utf8');
}

async function openExperimentFile(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page.locator('input[type=file][accept^=".json"]').last().setInputFiles(file);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(JSON.parse(readFileSync(file, 'utf8')).name);
}

async function downloadedCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download results (CSV)' }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

/** The progress line (notices of the page are live regions of their own). */
const status = (page: Page) =>
  page
    .getByRole('region', { name: 'Run the experiment' })
    .getByRole('status')
    .filter({ hasText: /\d+ of \d+ runs/ });

test('an experiment runs on the worker pool and its CSV equals the CLI’s, byte for byte', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openExperimentFile(page, SMALL);
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(status(page)).toContainText('Done · 12 of 12 runs', { timeout: 60_000 });
  expect(await downloadedCsv(page)).toBe(cliResults(SMALL));
  // The strategy report, from these runs: three strategies, four runs each, probabilities with intervals.
  const report = page.getByRole('table', { name: 'Strategies of Cirrus' });
  await expect(report.getByRole('row')).toHaveCount(4);
  await expect(report.getByRole('row', { name: /^aggressive/ })).toContainText(/^aggressive4\d+%\s*\[\d+%–\d+%\]/);
  await page.getByLabel('Share at least (%)').fill('0');
  await expect(report.getByRole('row', { name: /^profit/ })).toContainText('100% [51%–100%]');
  await expect(
    page.getByRole('table', { name: /Distribution of Share: Cirrus per setting/ }).getByRole('row'),
  ).toHaveCount(7);
  await expect(page.getByRole('table', { name: /Mean of Share: Cirrus over/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/experiments.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a reload mid-way resumes the experiment and gives the same CSV as an uninterrupted run', async ({ page }) => {
  await openExperimentFile(page, RESUME);
  await page.getByLabel('Workers').fill('1');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(status(page)).toContainText(/Running · ([5-9]|\d\d) of 60 runs/, { timeout: 60_000 });
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'was interrupted' });
  await expect(banner).toContainText(/with \d+ of 60 runs done/);
  // The reload opened the address's link of the very work kept: it replaced nothing, and says nothing.
  await expect(page.getByText('The link replaced the work you had open.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Resume the experiment' }).click();
  await expect(page.getByText(/runs finished earlier were kept and are not run again/)).toBeVisible();
  await expect(status(page)).toContainText('Done · 60 of 60 runs', { timeout: 120_000 });
  expect(await downloadedCsv(page)).toBe(cliResults(RESUME));
});

test('a worker that crashes mid-run is replaced and the experiment completes', async ({ page }) => {
  await openExperimentFile(page, RESUME);
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  // Experiment workers start from a Blob URL: they are told apart by name. A worker found may
  // end before it is reached (the pool replaces and closes workers), so the failure is injected
  // into the first experiment worker still there to take it.
  await expect
    .poll(async () => {
      for (const w of page.workers()) {
        if ((await w.evaluate(() => self.name).catch(() => '')) !== 'experiment') continue;
        const injected = await w
          .evaluate(() => {
            setTimeout(() => {
              throw new Error('injected failure');
            });
            return true;
          })
          .catch(() => false);
        if (injected) return true;
      }
      return false;
    })
    .toBe(true);
  await expect(page.getByText(/A worker failed .*injected failure/)).toBeVisible();
  await expect(status(page)).toContainText('Done · 60 of 60 runs', { timeout: 120_000 });
  await expect(status(page)).not.toContainText('failed');
});

test('a file that is not a valid experiment is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Experiments' }).click();
  const bad = join(mkdtempSync(join(tmpdir(), 'agora-e2e-')), 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(SMALL, 'utf8')), repetitions: 0 }));
  await page.locator('input[type=file][accept^=".json"]').last().setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('repetitions: must be an integer from 1');
});

test('an experiment link opens the experiment and its scenario; Share makes such a link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { encodeScenarioLink } = await import('../../src/core/scenarioLink');
  const experiment = JSON.parse(readFileSync(SMALL, 'utf8'));
  await page.goto(`/${await encodeScenarioLink(experiment)}`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Small test sweep');
  await expect(page.getByLabel('Values of Choice noise')).toHaveValue('0.3, 0.6');
  await page.getByLabel('Name', { exact: true }).fill('Renamed sweep');
  await page.getByRole('button', { name: 'Share experiment link' }).click();
  await expect(page.getByText(/Experiment link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Renamed sweep');
  await page.getByRole('button', { name: 'Back to the sandbox' }).click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('300');
});
