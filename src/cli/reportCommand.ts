/**
 * `agora report <results>`: the strategy report of a finished experiment, read from its results
 * file — the same analysis and the same table text as the Experiments page.
 */
import { readFileSync } from 'node:fs';
import type { TableValue } from '../core/params';
import { reportableVendors, strategyReport } from '../models/cloudMarket/analyses';
import { pathNote, strategyTable, type StrategyTable } from '../models/cloudMarket/strategyTable';
import { UsageError, type ReportArgs } from './args';
import { readResults } from './resultsFile';
import type { Output } from './runCommand';

/** The table as aligned columns of text. */
function aligned({ header, rows }: StrategyTable): string {
  const widths = header.map((h, c) => rows.reduce((w, r) => Math.max(w, r[c].length), h.length));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function reportCommand(args: ReportArgs, out: Output): void {
  let text: string;
  try {
    text = readFileSync(args.results, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${args.results}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { prepared, outcomes } = readResults(args.results, text);
  const rows = (prepared.plan.baseParams.vendors as TableValue | undefined)?.rows ?? [];
  const vendors = reportableVendors(prepared.plan).map((id) => ({
    id,
    name: String(rows.find((r) => r.id === id)?.name ?? `#${id}`),
  }));
  if (vendors.length === 0)
    throw new UsageError(`${args.results}: its experiment does not vary a vendor's strategy, so there is no report`);
  const vendor = args.vendor === undefined ? vendors[0] : vendors.find((v) => v.name === args.vendor);
  if (!vendor)
    throw new UsageError(
      `--vendor ${JSON.stringify(args.vendor)}: the experiment varies the strategy of ${vendors.map((v) => v.name).join(', ')}`,
    );
  const report = strategyReport(prepared.plan, prepared.settings, outcomes, vendor.id, args.share / 100, args.profit);
  if (!report.ok) throw new UsageError(`${args.results}: ${report.message}`);
  const table = strategyTable(report.value);
  const note = pathNote(report.value);
  if (args.json) {
    const document = { vendor: vendor.name, minShare: args.share / 100, minProfit: args.profit, ...table, note };
    out.stdout(JSON.stringify(document, null, 1));
    return;
  }
  out.stdout(`Strategies of ${vendor.name} (${outcomes.length} runs of "${prepared.plan.experiment.name}")\n`);
  out.stdout(aligned(table));
  out.stdout(`\nProbabilities with 95% Wilson intervals. ${note}`);
}
