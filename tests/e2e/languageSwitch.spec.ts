/**
 * A change of language says the banners already on screen again in the new language: a notice
 * and its button, an error from a refused link. Their buttons keep working.
 */
import { expect, test, type Page } from '@playwright/test';
import { setLocale, t, tModel } from '../../src/i18n';
import { problemText } from '../../src/ui/problemText';

/** What `say` says in Chinese, as the app says it. */
function inChinese(say: () => string): string {
  setLocale('zh-CN');
  try {
    return say();
  } finally {
    setLocale('en');
  }
}

const chooseChinese = (page: Page) => page.getByLabel('Language / 语言').selectOption('zh-CN');

test('a notice with Undo is said in Chinese after a change of language, and its Undo still works', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await page.getByLabel('Customers', { exact: true }).fill('5000');
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('3000');
  const english = page.getByRole('status').filter({ hasText: t('control.resetDone') });
  await expect(english.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();

  await chooseChinese(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const notice = page.getByRole('status').filter({ hasText: inChinese(() => t('control.resetDone')) });
  await expect(notice).toHaveCount(1);
  await expect(english).toHaveCount(0);
  await notice.getByRole('button', { name: inChinese(() => t('control.undo')), exact: true }).click();
  await expect(
    page.getByLabel(
      inChinese(() => tModel('cloud-market', 'param.customers.label', 'Customers')),
      { exact: true },
    ),
  ).toHaveValue('5000');
  await expect(notice).toHaveCount(0);
});

test('an error from a refused link is said in Chinese after a change of language, and is dismissed', async ({
  page,
}) => {
  await page.goto('/#s=1.eJzLSM3JyVcozy_KSQEAGgQEXQ.ffffffff');
  const text = page.getByRole('alert').locator('span');
  await expect(text).toHaveText(/^The link could not be opened: .+ Your current scenario is unchanged\.$/);
  const problem = /: (.+) Your current/.exec((await text.textContent())!)![1];

  await chooseChinese(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The whole message again, its source and the problem with it (problemText reads the English one back).
  const chinese = inChinese(() => t('scenario.refused', { source: t('scenario.link'), problem: problemText(problem) }));
  expect(chinese).not.toContain(problem);
  await expect(text).toHaveText(chinese);
  await page
    .getByRole('alert')
    .getByRole('button', { name: inChinese(() => t('error.dismiss')) })
    .click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
