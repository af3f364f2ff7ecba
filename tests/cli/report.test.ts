/** `agora report`: the strategy report of a results file, CSV or JSON, as the page computes it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type ReportArgs, type SweepArgs } from '../../src/cli/args';
import { reportCommand } from '../../src/cli/reportCommand';
import { sweepCommand } from '../../src/cli/sweepCommand';
import { executeRun, runTask } from '../../src/core/experiment/execute';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import { strategyReport } from '../../src/models/cloudMarket/analyses';
import { strategyTable } from '../../src/models/cloudMarket/strategyTable';
import { findModel } from '../../src/models/registry';

const EXPERIMENT = 'tests/fixtures/experiments/uncertain.json';
const dir = mkdtempSync(join(tmpdir(), 'agora-report-'));
const file = (name: string) => join(dir, name);
const quiet = { stdout: () => {}, stderr: () => {} };

function report(...argv: string[]): string {
  const lines: string[] = [];
  reportCommand(parseArgs(['report', ...argv]) as ReportArgs, { stdout: (t) => lines.push(t), stderr: () => {} });
  return lines.join('\n');
}

describe('agora report', () => {
  it('prints the table the analysis gives for the runs, the same from the CSV and the JSON', async () => {
    for (const out of ['r.csv', 'r.json'])
      await sweepCommand(parseArgs(['sweep', EXPERIMENT, '--workers', '1', '--out', file(out)]) as SweepArgs, quiet);
    const fromCsv = JSON.parse(report(file('r.csv'), '--share', '20', '--profit', '-1e5', '--json'));
    const fromJson = JSON.parse(report(file('r.json'), '--share', '20', '--profit', '-1e5', '--json'));
    expect(fromJson).toEqual(fromCsv);

    const prepared = prepareExperiment(JSON.parse(readFileSync(EXPERIMENT, 'utf8')), findModel);
    if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
    const { plan, settings } = prepared.value;
    const outcomes = selectedRuns(plan, WHOLE).map((i) => executeRun(plan.model, settings, runTask(plan, i)));
    const direct = strategyReport(plan, settings, outcomes, 2, 0.2, -1e5);
    if (!direct.ok) throw new Error(direct.message);
    expect(fromCsv).toMatchObject({ vendor: 'Cirrus', minShare: 0.2, minProfit: -1e5, ...strategyTable(direct.value) });
    expect(fromCsv.header[3]).toBe('P(profit ≥ −100.0 k credits)');

    const text = report(file('r.csv'));
    expect(text).toMatch(/^Strategies of Cirrus \(8 runs of "Small sweep with uncertain inputs"\)/);
    expect(text).toMatch(/\nStrategy {2,}Runs {2,}P\(share ≥ 15%\)/);
    expect(text).toMatch(/\naggressive {2,}4 {2,}\d+%/);
  });

  it('answers a wrong vendor, threshold or file with one clear message', () => {
    expect(() => report(file('r.csv'), '--vendor', 'Atlas')).toThrow(
      /--vendor "Atlas": the experiment varies the strategy of Cirrus/,
    );
    expect(() => parseArgs(['report', 'x.csv', '--share', '150'])).toThrow(/--share must be a number from 0 to 100/);
    expect(() => parseArgs(['report', 'x.csv', '--profit', 'lots'])).toThrow(/--profit must be a number/);
    expect(() => parseArgs(['report'])).toThrow(/report needs exactly one results file/);
    expect(() => report(file('missing.csv'))).toThrow(/cannot read .*missing.csv: ENOENT/);
    writeFileSync(file('bad.csv'), 'run,seed\n1,2\n');
    expect(() => report(file('bad.csv'))).toThrow(/not an Agora results file/);
    const cut = readFileSync(file('r.csv'), 'utf8').replace('# end\n', '');
    writeFileSync(file('cut.csv'), cut);
    expect(() => report(file('cut.csv'))).toThrow(/cut short/);
  });
});
