/**
 * The workers under stress: a simulation worker that hangs or closes is noticed within its
 * deadline and replaced from the last Setup, and experiments run after the network is gone.
 */
import { expect, test, type Page, type Worker } from '@playwright/test';

const SMALL = 'tests/fixtures/experiments/small.json';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

/** The worker started with `name` (workers from Blob URLs are told apart by name only). */
async function workerNamed(page: Page, name: string): Promise<Worker> {
  let found: Worker | undefined;
  await expect
    .poll(async () => {
      for (const w of page.workers()) if ((await w.evaluate(() => self.name).catch(() => '')) === name) found = w;
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

async function openApp(page: Page): Promise<string> {
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  return (await fingerprint(page).textContent())!;
}

for (const [what, breakIt] of [
  [
    'loops forever',
    () =>
      setTimeout(() => {
        for (;;);
      }),
  ],
  ['closes itself', () => setTimeout(() => self.close())],
] as const) {
  test(`a simulation worker that ${what} is noticed, the user told, and Step works after the restart`, async ({
    page,
  }) => {
    const setUp = await openApp(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(tick(page)).toHaveText('1');
    const broken = await workerNamed(page, 'simulation');
    const since = Date.now();
    await broken.evaluate(breakIt);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/The simulation stopped unexpectedly: no answer for \d s\. It was restarted/, {
      timeout: 8000,
    });
    // Detected within the deadline (4 s of silence after a ping, pinged each second), with slack for a slow machine.
    expect(Date.now() - since).toBeLessThan(7500);
    // The scenario is kept: the new worker set up the same run again.
    await expect(tick(page)).toHaveText('0');
    await expect(fingerprint(page)).toHaveText(setUp);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(tick(page)).toHaveText('1');
  });
}

test('after the network is gone, experiments still run and the view still draws in its worker', async ({
  page,
  context,
}) => {
  await openApp(page);
  // No experiment ran yet: the experiment worker's script was fetched at start-up to be kept.
  await expect
    .poll(() =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('experiment.worker'))),
    )
    .toBe(true);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByRole('img', { name: /Model view/ }).locator('canvas')).toHaveAttribute(
    'data-renderer',
    'worker',
  );
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page.locator('input[type=file][accept^=".json"]').last().setInputFiles(SMALL);
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.getByRole('region', { name: 'Run the experiment' }).getByRole('status')).toContainText(
    'Done · 12 of 12 runs',
    { timeout: 60_000 },
  );
  await expect(page.getByText(/failed/)).toHaveCount(0);
});
