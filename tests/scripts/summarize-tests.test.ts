import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { summarize } from '../../scripts/summarize-tests.mjs';

function reports(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'agora-reports-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const vitestOk = { numPassedTests: 10, numFailedTests: 0, testResults: [{ status: 'passed', assertionResults: [] }] };
const playwrightOk = { stats: { expected: 4, unexpected: 0, flaky: 0 }, errors: [] };

describe('summarize-tests', () => {
  it('adds up both runners', () => {
    expect(summarize(reports({ 'vitest.json': vitestOk, 'playwright.json': playwrightOk }))).toMatchObject({
      passed: 14,
      failed: 0,
    });
  });

  it('counts failed tests, a test file that failed to load, and failed steps', () => {
    const vitest = {
      numPassedTests: 3,
      numFailedTests: 1,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'failed' }] },
        { status: 'failed', assertionResults: [] },
      ],
    };
    const playwright = { stats: { expected: 2, unexpected: 1, flaky: 1 }, errors: [] };
    const dir = reports({ 'vitest.json': vitest, 'playwright.json': playwright, 'failed-steps': 'lint\nbuild\n' });
    expect(summarize(dir)).toMatchObject({ passed: 6, failed: 5 });
  });

  it('counts a missing or unreadable report as a failure', () => {
    expect(summarize(reports({ 'vitest.json': vitestOk }))).toMatchObject({ passed: 10, failed: 1 });
    expect(summarize(reports({ 'vitest.json': '{', 'playwright.json': playwrightOk }))).toMatchObject({
      passed: 4,
      failed: 1,
    });
  });
});
