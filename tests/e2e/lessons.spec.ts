/**
 * The lesson player (issue 17): a lesson opens from a file (the fixture) or a link, steps
 * forward and back, keeps the prediction recorded before the run and shows the run's outcome
 * beside it, then the reveal; a lesson link opens at its step, a bad one says so; the keyboard
 * alone walks it; presenter mode shows it.
 */
import { expect, test, type Page } from '@playwright/test';

const FIXTURE = 'tests/fixtures/lessons/first-look-at-the-market.json';
const FINGERPRINT = /^[0-9a-f]{16}$/;

const player = (page: Page) => page.getByRole('region', { name: 'Lesson: A first look at the market' });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

/** Opens the app; `fingerprint` is the monitor's label in the page's language. */
async function openApp(page: Page, path = '/', fingerprint = 'Fingerprint'): Promise<void> {
  await page.goto(path);
  await expect(page.getByLabel(fingerprint, { exact: true })).toHaveText(FINGERPRINT);
}

/** Opens the fixture lesson through the Lessons gallery's Open lesson file. */
async function openFixture(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByLabel('Open lesson file', { exact: true }).setInputFiles(FIXTURE);
  await expect(player(page)).toBeVisible();
}

test('a lesson from a file: steps, a prediction before the run, the outcome beside it, the reveal', async ({
  page,
}) => {
  await openApp(page);
  await openFixture(page);
  const lesson = player(page);
  await expect(lesson.getByText('Step 1 of 4')).toBeVisible();
  await expect(lesson.getByRole('progressbar')).toHaveAttribute('value', '1');
  await expect(lesson.getByRole('heading', { name: 'Meet the market' })).toBeVisible();
  // Markdown: the list and the bold vendor names.
  await expect(lesson.locator('li strong', { hasText: 'Cirrus' })).toBeVisible();
  // Step 1 opened its preset and emphasises Cirrus in the vendor panel and the legend.
  await expect(page.locator('.lever-row-name[data-row="Cirrus"]')).toHaveCSS('outline-style', 'solid');
  await expect(page.locator('.view-legend li[data-item="Cirrus"]')).toHaveCSS('outline-style', 'solid');
  await expect(page.locator('.lever-row-name[data-row="Atlas"]')).toHaveCSS('outline-style', 'none');
  await expect(lesson.getByRole('button', { name: 'Back' })).toBeDisabled();

  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByText('Step 2 of 4')).toBeVisible();
  await expect(page.locator('figure.plot[data-plot="share"]')).toHaveCSS('outline-style', 'solid');
  const run = lesson.getByRole('button', { name: 'Run to day 30' });
  await expect(run).toBeDisabled();
  await lesson.getByRole('radio', { name: 'Atlas' }).check();
  await lesson.getByRole('button', { name: 'Record prediction' }).click();
  await expect(lesson.getByText('You predicted: Atlas')).toBeVisible();
  await expect(run).toBeEnabled();
  await run.click();
  await expect(tick(page)).toHaveText('30', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Go', exact: true })).toBeVisible();
  await expect(lesson.getByText(/The run gave: Atlas's share on day 30: \d+(\.\d)?%/)).toBeVisible();
  await expect(lesson.getByText('Atlas starts large and keeps its lead for now.')).toBeVisible();

  // A number, kept across a reload with the step.
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByText('Step 3 of 4')).toBeVisible();
  await lesson.getByLabel('Your prediction').fill('120');
  await expect(lesson.getByRole('button', { name: 'Record prediction' })).toBeDisabled();
  await lesson.getByLabel('Your prediction').fill('25');
  await lesson.getByRole('button', { name: 'Record prediction' }).click();
  await expect(lesson.getByText('You predicted: 25 %')).toBeVisible();
  await page.reload();
  await expect(player(page).getByText('Step 3 of 4')).toBeVisible();
  await expect(player(page).getByText('You predicted: 25 %')).toBeVisible();
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);

  // Back to step 2: its prediction and outcome are still there.
  await player(page).getByRole('button', { name: 'Back' }).click();
  await expect(player(page).getByText('You predicted: Atlas')).toBeVisible();
  await expect(player(page).getByText(/The run gave: Atlas's share on day 30/)).toBeVisible();

  // Step 4 opens a customer in the inspector; closing the lesson leaves the sandbox as it is.
  await player(page).getByRole('button', { name: 'Next' }).click();
  await player(page).getByRole('button', { name: 'Next' }).click();
  await expect(player(page).getByText('Step 4 of 4')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  const day = await tick(page).textContent();
  await player(page).getByRole('button', { name: 'Close lesson' }).click();
  await expect(page.getByRole('region', { name: /^Lesson: / })).toHaveCount(0);
  await expect(tick(page)).toHaveText(day!);
  await expect(page.locator('.lever-row-name[data-row="Cirrus"]')).toHaveCSS('outline-style', 'none');
});

test('a lesson link opens at its step; a bad link says so and leaves the sandbox as it was', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await openFixture(page);
  await player(page).getByRole('button', { name: 'Next' }).click();
  await player(page).getByRole('button', { name: 'Next' }).click();
  await player(page).getByRole('button', { name: 'Share this step' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#lesson=first-look-at-the-market&step=3$/);

  // The link opens the lesson (kept in this tab: it came from a file) at step 3.
  await player(page).getByRole('button', { name: 'Back' }).click();
  await page.goto(link);
  await expect(player(page).getByText('Step 3 of 4')).toBeVisible();
  await expect(player(page).getByRole('heading', { name: "Cirrus's share" })).toBeVisible();

  // A step the lesson does not have: a notice, the lesson and the run as they were.
  const fingerprint = await page.getByLabel('Fingerprint', { exact: true }).textContent();
  await page.goto('/#lesson=first-look-at-the-market&step=9');
  await expect(page.getByRole('alert')).toContainText('asks for a step');
  await expect(player(page).getByText('Step 3 of 4')).toBeVisible();
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(fingerprint!);

  // On a fresh load too: the link opens step 2, reached with step 1's preset.
  await page.goto('/#lesson=first-look-at-the-market&step=2');
  await page.reload();
  await expect(player(page).getByText('Step 2 of 4')).toBeVisible();
  await expect(player(page).getByRole('heading', { name: 'Who leads after a month?' })).toBeVisible();
  await expect(tick(page)).toHaveText('0');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);

  // No such lesson, on a fresh load: a notice, the sandbox as it was.
  await page.goto('/#lesson=no-such-lesson&step=2');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('names no ready lesson (“no-such-lesson”)');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
});

test('steps open a ready what-if and a scenario through the sandbox’s own ways in', async ({ page }) => {
  await openApp(page);
  const lesson = {
    format: 'agora-lesson',
    version: 1,
    id: 'two-ways-in',
    model: 'cloud-market',
    title: { en: 'Two ways in' },
    steps: [
      {
        title: { en: 'A what-if' },
        text: { en: 'Two runs side by side.' },
        open: { whatIf: 'cirrus-ends-price-war' },
      },
      {
        title: { en: 'A scenario' },
        text: { en: 'Seed 77, one run.' },
        open: { scenario: { format: 'agora-scenario', version: 2, model: 'cloud-market', modelVersion: 2, seed: 77 } },
      },
    ],
  };
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByLabel('Open lesson file', { exact: true })
    .setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  const lessonPlayer = page.getByRole('region', { name: 'Lesson: Two ways in' });
  await expect(lessonPlayer.getByText('Step 1 of 2')).toBeVisible();
  // The what-if opens as a comparison at its fork day, as from the presets gallery.
  await expect(page.getByText('What if Cirrus ends its price war in year 2?').first()).toBeVisible();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365', { timeout: 20_000 });
  await lessonPlayer.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('77');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  // A broken lesson file is refused with the field named, and the lesson open stays.
  await page.getByRole('button', { name: 'Lessons' }).click();
  const broken = { ...lesson, steps: [{ ...lesson.steps[0], prediction: { kind: 'text' } }] };
  await page
    .getByLabel('Open lesson file', { exact: true })
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert')).toContainText('steps[0].prediction: needs a question');
  await expect(lessonPlayer.getByText('Step 2 of 2')).toBeVisible();
});

test('the keyboard alone opens a lesson, records a prediction and steps through it', async ({ page }) => {
  await openApp(page);
  await openFixture(page);
  const lesson = player(page);
  // The opened lesson takes the focus; Tab reaches Next, Enter presses it.
  await expect(lesson.getByRole('heading', { name: /^Lesson: / })).toBeFocused();
  const next = lesson.getByRole('button', { name: 'Next' });
  for (let i = 0; i < 30 && !(await next.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lesson.getByText('Step 2 of 4')).toBeVisible();

  // Shift+Tab back to the prediction (a radio group is one stop, at its last option): arrows choose.
  const cirrus = lesson.getByRole('radio', { name: 'Cirrus' });
  for (let i = 0; i < 30 && !(await cirrus.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  const atlas = lesson.getByRole('radio', { name: 'Atlas' });
  await expect(atlas).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(lesson.getByRole('button', { name: 'Record prediction' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lesson.getByText('You predicted: Atlas')).toBeVisible();
  // The focus moved on to the run button.
  await expect(lesson.getByRole('button', { name: 'Run to day 30' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lesson.getByText(/The run gave: Atlas's share on day 30/)).toBeVisible({ timeout: 20_000 });

  // Next to the last step and Back to the first: the focus stays on the other button, never lost.
  for (let i = 0; i < 30 && !(await next.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(lesson.getByText('Step 4 of 4')).toBeVisible();
  const back = lesson.getByRole('button', { name: 'Back' });
  await expect(back).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect(lesson.getByText('Step 1 of 4')).toBeVisible();
  await expect(next).toBeFocused();
});

test('the player in presenter mode: large type, every part on screen', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await openFixture(page);
  const lesson = player(page);
  await expect(lesson.getByRole('heading', { name: 'Meet the market' })).toHaveCSS('font-size', '22px');
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByText('Step 2 of 4')).toBeVisible();
  await lesson.getByRole('button', { name: 'Skip' }).click();
  await expect(lesson.getByText('You skipped the prediction.')).toBeVisible();
  await lesson.getByRole('button', { name: 'Run to day 30' }).click();
  await expect(lesson.getByText(/The run gave: Atlas's share on day 30/)).toBeVisible({ timeout: 20_000 });
  for (const part of [lesson.getByRole('button', { name: 'Back' }), lesson.getByText('What happened')])
    await expect(part).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
});

test('on a projector in presenter mode the player and the whole view share the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  const view = page.locator('.agent-view[role="img"]');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await openFixture(page);
  // The view is below the player, whole (it shrinks once the player's place is measured), not a thumbnail.
  const bottom = async () => {
    const box = (await view.boundingBox())!;
    return box.y + box.height;
  };
  await expect.poll(bottom).toBeLessThanOrEqual(1080);
  const box = (await view.boundingBox())!;
  expect(box.y).toBeGreaterThan((await player(page).boundingBox())!.y);
  expect(box.height).toBeGreaterThanOrEqual(320);
  // Closing the lesson gives the view its presenter height back.
  await player(page).getByRole('button', { name: 'Close lesson' }).click();
  await expect.poll(async () => (await view.boundingBox())!.height).toBeGreaterThan(box.height);
});

test('in Chinese the player and the lesson read in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await openApp(page, '/', '指纹');
  await page.getByRole('button', { name: '课程' }).click();
  await page.getByLabel('打开课程文件', { exact: true }).setInputFiles(FIXTURE);
  const lesson = page.getByRole('region', { name: '课程：初识市场' });
  await expect(lesson.getByText('第 1 步，共 4 步')).toBeVisible();
  await expect(lesson.getByRole('heading', { name: '认识市场' })).toBeVisible();
  await expect(lesson.getByRole('button', { name: '下一步' })).toBeVisible();
});
