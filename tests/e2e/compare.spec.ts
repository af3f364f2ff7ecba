/**
 * What if? (issue 16, the browser half): Fork here from the day shown, the fork changed with its
 * own levers, both runs in lock-step, the side-by-side plots and monitors, Share and Export of
 * the comparison (checked against `agora compare`), and the ready what-ifs in the gallery.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { decodeComparisonLink, encodeComparisonLink } from '../../src/core/comparisonLink';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { createScenario } from '../../src/core/scenario';
import { findModel } from '../../src/models/registry';

test.setTimeout(180_000);

const day = (page: Page, run: 'base' | 'fork') => page.getByTestId(`${run}-day`);
const print = (page: Page, run: 'base' | 'fork') => page.getByTestId(`${run}-fingerprint`);
const panel = (page: Page) => page.getByRole('region', { name: /^What if\? Forked at day/ });
const CIRRUS_PROFIT = { param: 'vendors#2.strategy', value: 'profit' };

/** The fingerprint of the default market at `tick`, with `changes`, run straight in Node. */
function marketAt(seed: number, tick: number, changes: { tick: number; param: string; value: unknown }[] = []): string {
  const model = findModel('cloud-market')!;
  const run = Run.create(model, defaultParams(model.params), seed, changes);
  run.runUntil(tick);
  return run.fingerprint();
}

/** `agora compare` of a comparison (file or link) to `ticks`: both runs' fingerprints. */
function cliCompare(scenario: string, ticks: number): { base: string; fork: string } {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'compare', '--scenario', scenario, '--ticks', String(ticks)];
  const r = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  return { base: out.base.fingerprint, fork: out.fork.fingerprint };
}

/** The default market run a year, forked there, with Cirrus's price war ended in the fork only. */
async function forkAtYearOne(page: Page): Promise<number> {
  await page.goto('/');
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 1');
  const seed = Number(await page.getByLabel('Seed', { exact: true }).inputValue());
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await page.getByRole('button', { name: 'Fork here' }).click();
  await expect(day(page, 'fork')).toHaveText('365');
  // A fork without a change is the base's state exactly.
  await expect(print(page, 'fork')).toHaveText(marketAt(seed, 365));
  await expect(print(page, 'base')).toHaveText(marketAt(seed, 365));
  await page.getByLabel('Fork: Strategy of Cirrus', { exact: true }).selectOption('profit');
  await expect(page.getByLabel('Fork: Strategy of Cirrus', { exact: true })).toHaveValue('profit');
  return seed;
}

test('Fork here: the fork takes its own change, and Step and Go move both runs in lock-step', async ({ page }) => {
  const seed = await forkAtYearOne(page);
  // The base's lever is untouched: the change went to the fork alone.
  await expect(page.getByLabel('Strategy of Cirrus', { exact: true })).toHaveValue('aggressive');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(day(page, 'base')).toHaveText('366');
  await expect(day(page, 'fork')).toHaveText('366');
  await expect(print(page, 'base')).toHaveText(marketAt(seed, 366));
  await expect(print(page, 'fork')).toHaveText(marketAt(seed, 366, [{ tick: 365, ...CIRRUS_PROFIT }]));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  // A comparison of normal size runs at once, without a question.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect
    .poll(async () => Number(await day(page, 'base').textContent()), { timeout: 30_000 })
    .toBeGreaterThan(380);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Go', exact: true })).toBeVisible();
  // Both stop on the same day, each with the fingerprint Node gives that day.
  await expect(print(page, 'fork')).not.toHaveText('…');
  const stopped = Number(await day(page, 'base').textContent());
  await expect(day(page, 'fork')).toHaveText(String(stopped));
  await expect(print(page, 'base')).toHaveText(marketAt(seed, stopped));
  await expect(print(page, 'fork')).toHaveText(marketAt(seed, stopped, [{ tick: 365, ...CIRRUS_PROFIT }]));
});

test('Fork here from a day shown again by the time slider: the fork starts from that day exactly', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  const seed = Number(await page.getByLabel('Seed', { exact: true }).inputValue());
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  // A day shown again comes without a snapshot: the fork replays the base's Setup to it.
  await page.getByLabel('Day shown', { exact: true }).fill('100');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('100');
  await page.getByRole('button', { name: 'Fork here' }).click();
  await expect(panel(page)).toHaveAccessibleName('What if? Forked at day 100');
  await expect(day(page, 'fork')).toHaveText('100');
  await expect(print(page, 'fork')).toHaveText(marketAt(seed, 100));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(print(page, 'fork')).toHaveText(marketAt(seed, 101));
  await expect(print(page, 'base')).toHaveText(marketAt(seed, 101));
  // A new Setup closes the comparison.
  await page.getByRole('button', { name: 'Setup', exact: true }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Fork here' })).toBeVisible();
});

test('Side by side: overlaid and difference plots with the fork day, a difference view, and presenter mode', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await forkAtYearOne(page);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(day(page, 'fork')).toHaveText('730');
  for (const plot of ['compare-shares', 'compare-delta-share', 'compare-delta-profit']) {
    const figure = page.locator(`[data-plot="${plot}"]`);
    await expect(figure).toBeVisible();
    // The fork day is marked on every plot.
    await expect(figure.locator('.recharts-reference-line-line').first()).toBeAttached();
    await expect(figure.getByText('fork', { exact: true })).toBeVisible();
    // Redrawn with the second year (each chart on its own turn): the fork day is now mid-axis, not at its end.
    const grid = figure.locator('.recharts-cartesian-grid');
    await expect
      .poll(async () => {
        const mark = (await figure.locator('.recharts-reference-line-line').first().boundingBox())!;
        const box = (await grid.boundingBox())!;
        return Math.round((100 * (mark.x - box.x)) / box.width);
      })
      .toBeGreaterThan(40);
    const mark = (await figure.locator('.recharts-reference-line-line').first().boundingBox())!;
    const box = (await grid.boundingBox())!;
    expect((mark.x - box.x) / box.width).toBeLessThan(0.6);
  }
  // Both runs overlaid: each vendor's base line and its dashed fork line.
  const shares = page.locator('[data-plot="compare-shares"] .recharts-line path');
  await expect.poll(() => shares.count()).toBeGreaterThanOrEqual(8);
  await expect(
    page.locator('[data-plot="compare-shares"] .recharts-line path[stroke-dasharray="5 3"]'),
  ).not.toHaveCount(0);
  // Each series in the model's own colour: the same strokes as its share plot (direct purchase black).
  const strokes = (figure: Locator) =>
    figure
      .locator('.recharts-line path')
      .evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('stroke')))].sort());
  const modelShares = page.getByRole('figure', { name: 'Market share (units in use)', exact: true });
  const modelStrokes = await strokes(modelShares);
  expect(modelStrokes).toContain('#000000');
  expect(await strokes(page.locator('[data-plot="compare-shares"]'))).toEqual(modelStrokes);
  expect(await strokes(page.locator('[data-plot="compare-delta-share"]'))).toEqual(modelStrokes);
  const differences = panel(page).getByRole('button', { name: 'Differences' });
  await differences.click();
  await expect(differences).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('customers with the same seller in both runs are grey')).toBeVisible();
  // No sideways scrolling at 1280×720.
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(panel(page)).toBeVisible();
  await expect(page.locator('[data-plot="compare-delta-share"]')).toBeVisible();
  await expect(print(page, 'fork')).toBeVisible();
});

test('Share and Export: the link and the file hold the comparison, open it again, and agree with agora compare', async ({
  page,
  browser,
}) => {
  await forkAtYearOne(page);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(day(page, 'fork')).toHaveText('730');
  await expect(print(page, 'fork')).not.toHaveText('…');
  const browserPrints = {
    base: await print(page, 'base').textContent(),
    fork: await print(page, 'fork').textContent(),
  };
  await panel(page).getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.url()).toContain('#c=');
  const link = page.url();
  const decoded = await decodeComparisonLink(link);
  expect(decoded.ok).toBe(true);
  const document = (decoded as { document: { fork: unknown } }).document;
  expect(document.fork).toEqual({ day: 365, changes: [{ tick: 365, ...CIRRUS_PROFIT }] });
  expect(cliCompare(link, 730)).toEqual(browserPrints);

  const download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export file' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'agora-comparison', fork: document.fork });

  // The link in a fresh browser: the same comparison at the fork day, and a year on the same fingerprints.
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(day(other, 'base')).toHaveText('365');
  await expect(day(other, 'fork')).toHaveText('365');
  await expect(other.getByLabel('Fork: Strategy of Cirrus', { exact: true })).toHaveValue('profit');
  await other.getByRole('button', { name: 'Step a year' }).click();
  await expect(day(other, 'fork')).toHaveText('730');
  await expect(print(other, 'base')).toHaveText(browserPrints.base!);
  await expect(print(other, 'fork')).toHaveText(browserPrints.fork!);

  // Open file on the exported comparison shows it too.
  const third = await (await browser.newContext()).newPage();
  await third.goto('/');
  await third.getByLabel('Open file', { exact: true }).setInputFiles(file);
  await expect(day(third, 'fork')).toHaveText('365');
  await expect(print(third, 'base')).toHaveText(marketAt(1, 365));
});

test('the time slider while comparing moves both runs, the fork never before its fork day, as agora compare says', async ({
  page,
}) => {
  const seed = await forkAtYearOne(page);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(day(page, 'fork')).toHaveText('730');
  await panel(page).getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.url()).toContain('#c=');
  const link = page.url();
  const slider = page.getByLabel('Day shown', { exact: true });
  for (const shown of [500, 400, 700]) {
    await slider.fill(String(shown));
    await expect(day(page, 'base')).toHaveText(String(shown));
    await expect(day(page, 'fork')).toHaveText(String(shown));
    const cli = cliCompare(link, shown);
    await expect(print(page, 'base')).toHaveText(cli.base);
    await expect(print(page, 'fork')).toHaveText(cli.fork);
  }
  // Before the fork day the base goes back; the fork stays at its fork day.
  await slider.fill('100');
  await expect(day(page, 'base')).toHaveText('100');
  await expect(print(page, 'base')).toHaveText(marketAt(seed, 100));
  await expect(day(page, 'fork')).toHaveText('365');
  await expect(print(page, 'fork')).toHaveText(cliCompare(link, 365).fork);
});

test('a comparison whose base is beyond the sliders opens after the base is estimated and set up', async ({ page }) => {
  const model = findModel('cloud-market')!;
  const params = { ...defaultParams(model.params), customers: 25_000 };
  const base = createScenario(model, 4, params, { onlyChanged: true });
  const fork = { day: 20, changes: [{ tick: 20, ...CIRRUS_PROFIT }] };
  const link = await encodeComparisonLink({ format: 'agora-comparison', version: 1, base, fork });
  await page.goto(`/${link}`);
  await expect(panel(page)).toBeVisible({ timeout: 60_000 });
  await expect(day(page, 'base')).toHaveText('20', { timeout: 60_000 });
  await expect(day(page, 'fork')).toHaveText('20');
  await expect(page.getByLabel('Fork: Strategy of Cirrus', { exact: true })).toHaveValue('profit');
  const cli = cliCompare(link, 20);
  await expect(print(page, 'base')).toHaveText(cli.base);
  await expect(print(page, 'fork')).toHaveText(cli.fork);
});

test('the ready what-ifs are in the preset gallery with their questions, and each opens as a comparison', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await page.getByRole('button', { name: 'Presets' }).click();
  const questions = [
    'What if Cirrus ends its price war in year 2?',
    'What if Eos enters as a learning vendor instead of a dynamic one?',
    'What if the supply shock hits a year earlier?',
  ];
  for (const question of questions) await expect(page.getByRole('button', { name: `Open: ${question}` })).toBeVisible();
  await page.getByRole('button', { name: `Open: ${questions[0]}` }).click();
  await expect(panel(page)).toContainText(questions[0]);
  await expect(day(page, 'base')).toHaveText('365');
  await expect(day(page, 'fork')).toHaveText('365');
  const expected = cliCompare('whatifs/cirrus-ends-price-war.json', 365);
  await expect(print(page, 'base')).toHaveText(expected.base);
  await expect(print(page, 'fork')).toHaveText(expected.fork);
});

test.describe('on a 1024×768 touch tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('the monitors of both runs scroll sideways inside their box, by keyboard too', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
    await page.getByRole('button', { name: 'Presets' }).click();
    await page.getByRole('button', { name: 'Open: What if Cirrus ends its price war in year 2?' }).click();
    await expect(day(page, 'fork')).toHaveText('365');
    const monitors = page.getByRole('region', { name: 'Both runs side by side' });
    const widths = await monitors.evaluate((box) => ({ shown: box.clientWidth, whole: box.scrollWidth }));
    expect(widths.whole).toBeGreaterThan(widths.shown);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await monitors.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => monitors.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    // The arrow scrolled the box; it did not step the runs (→ is Step elsewhere).
    await expect(day(page, 'base')).toHaveText('365');
  });
});
