/**
 * The ready lessons (lessons/*.json) as a class meets them: each model's gallery lists its own,
 * a lesson link opens one at its step on a fresh load, a run to the step's day shows the run's
 * outcome beside the prediction (in a what-if, the fork's or both runs'), and in Chinese the
 * lesson reads in Chinese.
 */
import { expect, test, type Page } from '@playwright/test';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

async function openApp(page: Page, path = '/', fingerprint = 'Fingerprint'): Promise<void> {
  await page.goto(path);
  await expect(page.getByLabel(fingerprint, { exact: true })).toHaveText(FINGERPRINT);
}

/** Each model's ready lessons, in the teaching order the gallery lists them in. */
const READY: Record<string, string[]> = {
  'cloud-market': [
    'How does a customer choose?',
    'Who pays for a price war?',
    'Can a late entrant win?',
    'What does a supply shock do to large and small vendors?',
  ],
  flocking: ['Flocks without a leader'],
  'k-means': ['How does k-means find clusters?'],
  segregation: ['Mild preferences, a divided city'],
};

test('each model’s Lessons gallery lists its ready lessons in teaching order', async ({ page }) => {
  await openApp(page);
  for (const [model, titles] of Object.entries(READY)) {
    await page.getByLabel('Model', { exact: true }).selectOption(model);
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    await page.getByRole('button', { name: 'Lessons' }).click();
    const gallery = page.getByRole('region', { name: /^Lessons for / });
    await expect(gallery.getByRole('heading', { level: 3 })).toHaveText(titles, { useInnerText: true });
    for (const title of titles)
      await expect(gallery.getByRole('button', { name: `Start lesson: ${title}` })).toBeVisible();
    await gallery.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(gallery).toHaveCount(0);
  }
});

test('a ready lesson’s link opens it at its step on a fresh load', async ({ page }) => {
  await openApp(page, '/#lesson=who-pays-for-a-price-war&step=2');
  const lesson = page.getByRole('region', { name: 'Lesson: Who pays for a price war?' });
  await expect(lesson.getByText('Step 2 of 6')).toBeVisible();
  await expect(lesson.getByRole('heading', { name: 'Where do the customers come from?' })).toBeVisible();
  // Reached with step 1's preset, at its start.
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('1');
  await expect(tick(page)).toHaveText('0');
  await expect(lesson.getByRole('button', { name: 'Run to day 1825' })).toBeDisabled();
});

test('walking a ready lesson: a prediction, Run to day N, the run’s outcome beside it', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await page.getByLabel('Speed').fill('9'); // as fast as possible
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Start lesson: Who pays for a price war?' }).click();
  const lesson = page.getByRole('region', { name: 'Lesson: Who pays for a price war?' });
  await expect(lesson.getByText('Step 1 of 6')).toBeVisible();
  await expect(lesson.getByRole('heading', { name: 'Cirrus opens fire' })).toBeVisible();
  await expect(page.locator('.lever-row-name[data-row="Cirrus"]')).toHaveCSS('outline-style', 'solid');
  const run = lesson.getByRole('button', { name: 'Run to day 730' });
  await expect(run).toBeDisabled();
  await lesson.getByRole('radio', { name: 'A loss' }).check();
  await lesson.getByRole('button', { name: 'Record prediction' }).click();
  await expect(lesson.getByText('You predicted: A loss')).toBeVisible();
  await run.click();
  await expect(tick(page)).toHaveText('730', { timeout: 60_000 });
  // The value the run's own monitor of Cirrus's cumulative profit reads: a loss, in credits.
  const outcome = lesson.locator('.lesson-outcome');
  await expect(outcome).toHaveText(/^The run gave: Cirrus's cumulative profit on day 730: [-−]\S+/);
  await expect(lesson.getByRole('heading', { name: 'What happened' })).toBeVisible();

  // Next: the run goes on from day 730 to the end of year 5, with a number.
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByText('Step 2 of 6')).toBeVisible();
  await lesson.getByLabel('Your prediction').fill('15');
  await lesson.getByRole('button', { name: 'Record prediction' }).click();
  await lesson.getByRole('button', { name: 'Run to day 1825' }).click();
  await expect(lesson.getByText(/^The run gave: Direct channel's share on day 1825: \d+(\.\d)?%$/)).toBeVisible({
    timeout: 90_000,
  });
});

test('a what-if step shows the run it asks about: the fork’s value, named', async ({ page }) => {
  // Step 5 opens the shock a year earlier: by day 450 only the fork has had its shock.
  await openApp(page, '/#lesson=supply-shock-large-and-small&step=5');
  const lesson = page.getByRole('region', { name: /^Lesson: What does a supply shock do/ });
  await expect(lesson.getByText('Step 5 of 5')).toBeVisible();
  await expect(tick(page)).toHaveText('0');
  await lesson.getByRole('button', { name: 'Skip' }).click();
  await lesson.getByRole('button', { name: 'Run to day 450' }).click();
  await expect(lesson.locator('.lesson-outcome')).toHaveText(
    /^The fork run gave: Draco's delivery rate since the shock day on day 450: \d+(\.\d)?%$/,
    { timeout: 60_000 },
  );
});

test('a what-if step without a run named shows both runs', async ({ page }) => {
  // Step 4 is reached with step 3's what-if (Cirrus stops on day 365) and asks to compare.
  await openApp(page, '/#lesson=who-pays-for-a-price-war&step=4');
  const lesson = page.getByRole('region', { name: 'Lesson: Who pays for a price war?' });
  await expect(lesson.getByText('Step 4 of 6')).toBeVisible();
  await expect(tick(page)).toHaveText('365', { timeout: 30_000 });
  await lesson.getByRole('radio', { name: 'Much higher' }).check();
  await lesson.getByRole('button', { name: 'Record prediction' }).click();
  await lesson.getByRole('button', { name: 'Run to day 1825' }).click();
  await expect(lesson.locator('.lesson-outcome')).toHaveText(
    /^The runs gave: Cirrus's cumulative profit on day 1825: base \S+, fork \S+$/,
    { timeout: 120_000 },
  );
});

test('a ready lesson in Chinese: its title, steps and player in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await openApp(page, '/', '指纹');
  await page.getByLabel('模型', { exact: true }).selectOption('cloud-market');
  await page.getByRole('button', { name: '课程' }).click();
  await page.getByRole('button', { name: '开始课程：价格战由谁买单？' }).click();
  const lesson = page.getByRole('region', { name: '课程：价格战由谁买单？' });
  await expect(lesson.getByText('第 1 步，共 6 步')).toBeVisible();
  await expect(lesson.getByRole('heading', { name: 'Cirrus 率先开火' })).toBeVisible();
  await expect(lesson.getByText('采用「激进」策略，集团方针是「扩张」')).toBeVisible();
  await expect(lesson.getByText('到第 2 年年末，Cirrus 的累计利润会是多少？')).toBeVisible();
  await expect(lesson.getByRole('radio', { name: '亏损' })).toBeVisible();
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test('each option of a choice is a finger-sized target', async ({ page }) => {
    await openApp(page, '/#lesson=who-pays-for-a-price-war&step=1');
    const lesson = page.getByRole('region', { name: 'Lesson: Who pays for a price war?' });
    const options = lesson.locator('.lesson-prediction fieldset label');
    await expect(options).toHaveCount(3);
    for (const option of await options.all()) {
      const box = (await option.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    // A tap on an option's words chooses it.
    await lesson.getByText('About zero', { exact: true }).tap();
    await expect(lesson.getByRole('radio', { name: 'About zero' })).toBeChecked();
  });
});
