/**
 * Each model in Simplified Chinese: its parameter labels, sections, tables, monitors, plot titles and
 * Info headings read in Chinese, and none of the model's English labels is left where they show.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { reportersFor, type Model } from '../../src/core/model';
import { defaultParams } from '../../src/core/params';
import { MODELS } from '../../src/models/registry';
import { findDot, view } from './viewPicture';

/** Where screenshots go, when asked for (AGORA_SHOTS), for a person to look at. */
const SHOTS = process.env.AGORA_SHOTS && `${process.env.AGORA_SHOTS}/zh-models`;
const HAN = /\p{Script=Han}/u;

/**
 * The English labels a model declares, by the part of the page that shows them: none may remain
 * there in Chinese. By part, since the interface's own words (e.g. a "Setup" badge) are not the model's.
 */
function englishLabels(model: Model): Record<string, string[]> {
  const params: string[] = [];
  for (const spec of Object.values(model.params)) {
    params.push(spec.label);
    if (spec.description) params.push(spec.description);
    if (spec.kind === 'table') for (const cell of Object.values(spec.columns)) params.push(cell.label);
  }
  params.push(...(model.paramSections ?? []).map((s) => s.title));
  const reporters = reportersFor(model, defaultParams(model.params)).map((r) => r.label);
  // The title names the original work too (the Info's credit may quote it): a name, not a label.
  const headings = [...model.info.matchAll(/^#+ (.+)$/gm)].map((h) => h[1]).filter((h) => h !== model.title);
  return {
    '.params, .panel.tables': params,
    '.monitors:not(.clock)': reporters,
    '.plots': [...reporters, ...model.plots.map((plot) => plot.title)],
    'article.info': headings,
  };
}

async function openInChinese(page: Page, model: Model): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await page.goto('/');
  await page.locator(`select:has(option[value="${model.id}"])`).selectOption(model.id);
  // The Info panel's Markdown headings start at h3 (`#` → h3).
  await expect(page.locator('article.info h3').first()).toHaveText(HAN);
}

/** The texts of `selector`, folded sections' included (they show once unfolded). */
async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim()).filter(Boolean);
}

/** The whole text of the parts `selector` picks, folded parts included. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).allTextContents()).join('\n');
}

/** Whether `text` holds `label` as whole words: "Agents" is not left in the name "Agents.jl". */
function holds(text: string, label: string): boolean {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z])${escaped}(?![A-Za-z]|\\.[A-Za-z])`).test(text);
}

for (const model of MODELS) {
  test(`${model.id} reads in Chinese: labels, monitors, plots and Info`, async ({ page }) => {
    await openInChinese(page, model);
    const shown = {
      params: await texts(page, '.params .param-label'),
      sections: await texts(page, '.params .param-section > summary'),
      tables: await texts(page, '.table-editor h3, .table-editor th'),
      monitors: await texts(page, '.monitors:not(.clock) .monitor:not(.full) .monitor-label'),
      plots: await page.locator('figure.plot').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label') ?? '')),
      morePlots: await texts(page, '.more-plot > summary'),
      info: await texts(page, 'article.info :is(h3, h4, h5, h6)'),
    };
    expect(shown.params.length).toBe(Object.values(model.params).filter((s) => s.kind !== 'table').length);
    expect(shown.plots.length).toBeGreaterThan(0);
    // The Info panel shows the guide (How to use it, Things to try) above the ODD.
    const headings = (markdown = '') => [...markdown.matchAll(/^#+ /gm)].length;
    expect(shown.info.length).toBe(headings(model.guide) + headings(model.info));
    if (model.monitors) expect(shown.monitors.length).toBeGreaterThan(0);
    for (const [where, list] of Object.entries(shown))
      for (const text of list) expect(text, `${where}: ${text}`).toMatch(HAN);

    // No English label of the model is left where its texts show (vendor names and units aside).
    const left: string[] = [];
    for (const [selector, labels] of Object.entries(englishLabels(model))) {
      const shownText = await textOf(page, selector);
      left.push(...labels.filter((label) => holds(shownText, label)));
    }
    expect(left).toEqual([]);

    if (model.id === 'cloud-market' && SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.locator('section.panel.controls').screenshot({ path: `${SHOTS}/cloud-market-controls.png` });
      await page.screenshot({ path: `${SHOTS}/cloud-market-page.png`, fullPage: true });
      // The whole ODD, unscrolled: the panel grows to its text for the picture.
      const info = page.locator('article.info');
      await info.evaluate((e) => Object.assign(e.style, { maxHeight: 'none', height: 'auto', overflow: 'visible' }));
      await info.screenshot({ path: `${SHOTS}/cloud-market-info.png` });
    }
  });
}

test('the inspector explains a customer of the cloud market in Chinese', async ({ page }) => {
  const model = MODELS.find((m) => m.id === 'cloud-market')!;
  await openInChinese(page, model);
  // The view draws its customers once set up.
  await expect
    .poll(() =>
      findDot(page).then(
        () => true,
        () => false,
      ),
    )
    .toBe(true);
  await view(page).click({ position: await findDot(page) });
  const inspector = page.locator('section.inspector');
  await expect(inspector.locator('h3')).toHaveText(/^客户 #\d+/);
  const why = inspector.locator('section.explanation');
  await expect(why.locator('h4')).toHaveText('为什么选这个卖方');
  // Column heads and notes in Chinese; rows are the vendors' own names and 直接采购.
  for (const text of await texts(page, 'section.explanation thead th, section.explanation > p'))
    expect(text).toMatch(HAN);
  // The fields a student reads: names and coded values (industry, seller's strategy words) in Chinese.
  for (const text of await texts(page, 'section.inspector > dl > dt')) expect(text).toMatch(HAN);
  await expect(inspector.locator('dl > dt').first()).toHaveText('行业');
  await expect(inspector.locator('dl > dd').first()).toHaveText(/^(金融|游戏|制造)$/);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await inspector.screenshot({ path: `${SHOTS}/cloud-market-inspector.png` });
  }
});
