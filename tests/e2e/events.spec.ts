/** Events name what they concern in words, timed changes show on the timelines and plots, presenter picks travel in links. */
import { expect, test, type Page } from '@playwright/test';
import { decodeScenarioLink } from '../../src/core/scenarioLink';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });

async function openMarket(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  if (url === '/') await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 1');
}

/** The scenario document in the address bar once `done` holds of it (the bar follows after a quiet time). */
async function documentInAddressBar(page: Page, done: (document: Record<string, unknown>) => boolean) {
  let document: Record<string, unknown> = {};
  await expect
    .poll(async () => {
      const decoded = await decodeScenarioLink(page.url());
      document = decoded.ok ? (decoded.document as Record<string, unknown>) : {};
      return done(document);
    })
    .toBe(true);
  return document;
}

test('an event chooses its vendor by name and its policy in words; the stored numbers stay', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Add row to Events' }).click();
  await page.getByLabel('Kind of #1').selectOption({ label: 'Vendor entry' });
  const subject = page.getByLabel('Subject of #1');
  await expect(subject.locator('option')).toHaveText(['Atlas', 'Borealis', 'Cirrus', 'Draco', 'Eos', '(none chosen)']);
  await subject.selectOption({ label: 'Eos' });
  // A vendor renamed is offered under its new name.
  await page.getByLabel('Name of Eos', { exact: true }).fill('Zephyr');
  await expect(subject.locator('option:checked')).toHaveText('Zephyr');
  // A policy change names its vendor and the new group policy in words.
  await page.getByLabel('Kind of #0').selectOption({ label: 'Policy change' });
  await page.getByLabel('Subject of #0').selectOption({ label: 'Cirrus' });
  await expect(page.getByLabel('Magnitude of #0').locator('option')).toContainText(['Expand', 'Profit first']);
  await page.getByLabel('Magnitude of #0').selectOption({ label: 'Profit first' });
  // A supply shock concerns suppliers: all of them, or one by name.
  await page.getByLabel('Kind of #1').selectOption({ label: 'Supply shock' });
  await expect(page.getByLabel('Subject of #1').locator('option')).toHaveText([
    'All suppliers',
    'Foundry',
    'Direct OEM',
    '#4 (no such row)',
  ]);
  await page.getByLabel('Kind of #1').selectOption({ label: 'Vendor entry' });
  await page.getByRole('button', { name: 'Setup', exact: true }).click();
  const document = await documentInAddressBar(page, (d) => {
    const rows = (d.params as { events?: { rows: { subject: number }[] } } | undefined)?.events?.rows;
    return rows?.length === 2 && rows[1].subject === 4;
  });
  expect((document.params as { events: unknown }).events).toMatchObject({
    rows: [
      { id: 0, kind: 'policy-change', subject: 2, magnitude: 2 },
      { id: 1, kind: 'vendor-entry', subject: 4 },
    ],
  });
});

test('a timed change shows in words on the event timeline and as a marked line on the plots', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await page.getByLabel('Strategy of Cirrus', { exact: true }).selectOption('profit');
  const words = 'Day 365: Cirrus: strategy → Profit';
  // On the event timeline, beside the scheduled supply shock.
  const events = page.getByRole('group', { name: 'Timeline of Events' });
  await expect(events.getByRole('button', { name: 'Supply shock on day 730: All suppliers (#0)' })).toBeVisible();
  await expect(events.getByRole('button', { name: words })).toBeVisible();
  // Not on the plots until the run reaches its day... then a labelled line, and a button with the details.
  const share = page.getByRole('figure', { name: /Market share/ });
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('730');
  await expect(share.locator('.recharts-reference-line')).toHaveCount(1);
  await expect(share.locator('.recharts-reference-line text')).toHaveText(/^Cirrus: strategy/);
  const mark = share.getByRole('group', { name: /Timed changes on Market share/ }).getByRole('button', { name: words });
  // Reached by keyboard: a few Tabs from the chart's PNG button (past the chart itself), and its details show.
  await share.getByRole('button', { name: /Export Market share .* as PNG/ }).focus();
  for (let tabs = 0; tabs < 3 && !(await mark.evaluate((e) => e === document.activeElement)); tabs++)
    await page.keyboard.press('Tab');
  await expect(mark).toBeFocused();
  await expect(share.getByText(words)).toBeVisible();
  // Pressing it leads to the change in the list of timed changes.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /Timed changes/ }).getByRole('listitem')).toBeFocused();
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('1095');
  // The line is where day 365 is on the axis: between its left end (day 0) and its middle.
  const line = await share.locator('.recharts-reference-line line').boundingBox();
  const grid = await share.locator('.recharts-cartesian-grid').boundingBox();
  expect(line!.x - grid!.x).toBeGreaterThan(grid!.width * 0.25);
  expect(line!.x - grid!.x).toBeLessThan(grid!.width * 0.42);
});

test("the teacher's presenter plots travel in the share link; a link without them keeps the usual two", async ({
  page,
  browser,
}) => {
  await openMarket(page);
  const oldLink = page.url();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.getByText('Plots shown').click();
  await page.getByRole('checkbox', { name: 'Price' }).check();
  await page.getByRole('checkbox', { name: /Profit per day/ }).uncheck();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const document = await documentInAddressBar(page, (d) => Array.isArray(d.presenterPlots));
  expect(document.presenterPlots).toEqual(['share', 'price']);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openMarket(other, link);
  await other.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(other.getByRole('figure', { name: /Market share/ })).toBeVisible();
  await expect(other.getByRole('figure', { name: 'Price' })).toBeVisible();
  await expect(other.getByRole('figure', { name: /Profit per day/ })).toHaveCount(0);
  await fresh.close();

  // A link made before the pick existed still opens, with the model's own two plots.
  expect(oldLink).toContain('#s=');
  const older = await browser.newContext();
  const third = await older.newPage();
  await openMarket(third, oldLink);
  await third.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(third.getByRole('figure', { name: /Profit per day/ })).toBeVisible();
  await expect(third.getByRole('figure', { name: 'Price' })).toHaveCount(0);
  await older.close();
});
