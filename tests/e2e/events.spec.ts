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
