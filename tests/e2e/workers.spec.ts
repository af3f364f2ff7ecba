/**
 * The workers under stress: a simulation worker that hangs or closes is noticed within its
 * deadline and resumes at the day it was at (or from the last Setup, when it hung setting up),
 * and experiments run after the network is gone.
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
  test(`a simulation worker that ${what} is noticed, the user told, and the run resumes at its day`, async ({
    page,
  }) => {
    await openApp(page);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    await step.click();
    await expect(tick(page)).toHaveText('2');
    const dayTwo = (await fingerprint(page).textContent())!;
    const broken = await workerNamed(page, 'simulation');
    const since = Date.now();
    await broken.evaluate(breakIt);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      /The simulation stopped unexpectedly: no answer for \d s\. It was restarted from day 2, where it was/,
      { timeout: 8000 },
    );
    // Detected within the deadline (4 s of silence after a ping, pinged each second), with slack for a slow machine.
    expect(Date.now() - since).toBeLessThan(7500);
    // The new worker resumed the day on display from its snapshot, not from the Setup.
    await expect(tick(page)).toHaveText('2');
    await expect(fingerprint(page)).toHaveText(dayTwo);
    await step.click();
    await expect(tick(page)).toHaveText('3');
    const resumed = (await fingerprint(page).textContent())!;
    // An uninterrupted run of the same scenario is at the same state on day 3.
    await page.getByRole('button', { name: 'Setup' }).click();
    await expect(tick(page)).toHaveText('0');
    for (let i = 1; i <= 3; i++) {
      await step.click();
      await expect(tick(page)).toHaveText(String(i));
    }
    await expect(fingerprint(page)).toHaveText(resumed);
  });
}

test('a Setup of normal size that loops is noticed within seconds, and set up again', async ({ page }) => {
  const setUp = await openApp(page);
  const broken = await workerNamed(page, 'simulation');
  // The worker announces the Setup (as short: a normal size), then loops in it.
  await broken.evaluate(() => {
    // The worker's scope (typed here as a window's).
    const scope = self as unknown as { postMessage(message: { type: string }, transfer: Transferable[]): void };
    const post = scope.postMessage.bind(scope);
    scope.postMessage = (message, transfer) => {
      post(message, transfer);
      if (message.type === 'busy') for (;;);
    };
  });
  const since = Date.now();
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /The simulation stopped unexpectedly: no answer for \d s\. It was restarted from the last Setup/,
    { timeout: 10_000 },
  );
  // 4 s after a ping, and 3 × 500 ms for the Setup: not the 30 minutes a big one would be allowed.
  expect(Date.now() - since).toBeLessThan(9000);
  await expect(tick(page)).toHaveText('0');
  await expect(fingerprint(page)).toHaveText(setUp);
});

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
