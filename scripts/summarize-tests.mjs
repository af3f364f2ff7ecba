// Reads the test runners' JSON reports and prints one last line: `N passed, N failed`.
// A failed step (typecheck, lint, build…) or a missing report counts as one failure, so a
// crash can never look green. Exit code: 0 only when nothing failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Counts of one runner's report, or null when the report is missing or unreadable. */
function countVitest(report) {
  if (!report || typeof report.numPassedTests !== 'number') return null;
  // A test file that fails before any test runs (e.g. an import error) has no failed test to
  // count: count the file itself.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}

function countPlaywright(report) {
  if (!report || !report.stats || typeof report.stats.expected !== 'number') return null;
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected + (flaky ?? 0), failed: unexpected + (report.errors?.length ?? 0) };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

export function summarize(dir) {
  let passed = 0;
  let failed = 0;
  const notes = [];
  for (const [name, file, count] of [
    ['vitest', 'vitest.json', countVitest],
    ['playwright', 'playwright.json', countPlaywright],
  ]) {
    const counts = count(readJson(join(dir, file)));
    if (counts === null) {
      failed += 1;
      notes.push(`${name}: no readable report (${file})`);
    } else {
      passed += counts.passed;
      failed += counts.failed;
    }
  }
  const stepsFile = join(dir, 'failed-steps');
  if (existsSync(stepsFile)) {
    const steps = readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean);
    failed += steps.length;
    for (const s of steps) notes.push(`step failed: ${s}`);
  }
  return { passed, failed, notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed, notes } = summarize(process.argv[2] ?? '.reports');
  for (const n of notes) console.log(n);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
