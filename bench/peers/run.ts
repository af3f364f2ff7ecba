/**
 * `npm run bench:peers`: Schelling and Flocking as the Agents.jl framework comparison declares
 * them, written with Agora's engine, AgentScript, Flocc and by hand (the reference), raced side
 * by side. First a correctness gate (10 seeds of the small configurations per implementation,
 * compared with the reference), then every row in a process of its own: warm-ups, 7 timed runs.
 * `-- --quick` runs only the 10,000-agent Schelling rows; `-- --cap SECONDS` sets the time cap of
 * one run (default 60), past which a row prints "skipped (cap)" and the ticks it finished; Agora
 * is then compared with it over those first ticks.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, Result, SoFar, SoFarLine, TimedRun } from './child';
import { GATE_CONFIG, ROWS, type Row } from './configs';
import type { ImplName, ModelName } from './types';

const IMPLS: readonly ImplName[] = ['agora', 'reference', 'agentscript', 'flocc'];
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const GATE_SEEDS = 10;
const RUNS = 7;
/** Time to start a child (Node, tsx, the libraries) on top of the cap before it is stopped. */
const START_SLACK_MS = 15_000;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const capIndex = args.indexOf('--cap');
const capMs = capIndex >= 0 ? Number(args[capIndex + 1]) * 1000 : 60_000;
if (
  !(capMs > 0) ||
  args.some((a, i) => a.startsWith('--') && !['--quick', '--cap'].includes(a) && args[i - 1] !== '--cap')
) {
  console.error('usage: npm run bench:peers [-- --quick] [-- --cap SECONDS]');
  process.exit(2);
}

/** A row that outlived the cap, and how far its run under way had got (setup time, tick times). */
type Capped = { readonly capped: true; readonly partial?: SoFar };

/** Runs a job in its own Node process; when it outlives the cap it is stopped, and says how far it got. */
function runChild(job: Job): Promise<Result | Capped> {
  return new Promise((resolve, reject) => {
    // NOTE: no forced collections between runs (--expose-gc + gc()): measured, they slowed the
    // next run of some implementations by up to 2×, an artefact no real run would see.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let last = '';
    let partial: SoFar | undefined;
    let err = '';
    let capped = false;
    let timer: NodeJS.Timeout | undefined;
    // The watchdog: every simulation must end within the cap (the first one also gets the time
    // to start Node, tsx and the libraries); the child says when one has ended.
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        capped = true;
        child.kill('SIGKILL');
      }, ms);
    };
    arm(START_SLACK_MS + job.capMs);
    child.stdout.on('data', (d: Buffer) => {
      const lines = (pending + d.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines.filter((l) => l.trim())) {
        last = line;
        const message = JSON.parse(line) as SoFarLine | { progress: true } | Result;
        if ('partial' in message) partial = message.partial;
        else if ('progress' in message) {
          partial = undefined;
          arm(job.capMs + 1000);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (capped) resolve({ capped: true, partial });
      else if (code !== 0) reject(new Error(`${job.model}/${job.impl} (${job.mode}) failed:\n${err}`));
      else {
        const result = JSON.parse(last) as Result;
        resolve('skipped' in result ? { capped: true, partial: result.partial } : result);
      }
    });
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function meanAndError(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, c) => (c < 3 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const fmt = (v: number, digits = 0) =>
  v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (v: number) => (v >= 100 ? fmt(v) : v >= 10 ? fmt(v, 1) : fmt(v, 2)) + '×';

/** Gate: which implementations agree with the reference on each model. */
async function gate(models: readonly ModelName[]): Promise<Map<string, boolean>> {
  const valid = new Map<string, boolean>();
  const rows: string[][] = [];
  for (const model of models) {
    const stats = new Map<ImplName, { mean: number; se: number }>();
    for (const impl of IMPLS) {
      const result = await runChild({
        mode: 'gate',
        model,
        impl,
        config: GATE_CONFIG[model],
        seeds: GATE_SEEDS,
        warmups: 0,
        runs: 0,
        capMs,
      });
      if (!('capped' in result) && result.mode === 'gate') stats.set(impl, meanAndError(result.statistics));
    }
    const ref = stats.get('reference')!;
    for (const impl of IMPLS) {
      const s = stats.get(impl);
      const combined = s ? Math.sqrt(s.se * s.se + ref.se * ref.se) : 0;
      const z = s ? Math.abs(s.mean - ref.mean) / (combined || Number.MIN_VALUE) : Infinity;
      const ok = s !== undefined && (z <= 3 || s.mean === ref.mean);
      valid.set(`${model}/${impl}`, ok);
      const what = model === 'schelling' ? 'happy fraction after 20 steps' : 'mean neighbours after 100 steps';
      rows.push([
        model,
        impl,
        what,
        s ? `${s.mean.toFixed(4)} ± ${s.se.toFixed(4)}` : 'skipped (cap)',
        s ? z.toFixed(2) : '–',
        ok ? 'valid' : 'INVALID',
      ]);
    }
  }
  console.log(
    `\nCorrectness gate: ${GATE_SEEDS} seeds of the small configuration; valid when |mean − reference mean| ≤ 3 combined standard errors\n`,
  );
  table(['model', 'implementation', 'statistic', 'mean ± SE', '|Δ| / SE', 'gate'], rows);
  return valid;
}

interface Figures {
  updatesPerCpuS: number;
  msPerTick10k: number;
  setupMs: number;
  peakMiB: number;
}

/** A row's outcome: measured in full, or stopped by the cap after the ticks it did. */
type Outcome =
  | { readonly kind: 'measured'; readonly figures: Figures; readonly tickWallMs: number[] }
  | { readonly kind: 'capped'; readonly setupMs?: number; readonly tickWallMs: number[] };

function figures(row: Row, runs: TimedRun[], peakMiB: number): Figures {
  const steps = row.config.steps;
  return {
    updatesPerCpuS: (row.agents * steps) / (median(runs.map((r) => r.stepCpuMs)) / 1000),
    msPerTick10k: (median(runs.map((r) => r.stepWallMs)) / steps) * (10_000 / row.agents),
    setupMs: median(runs.map((r) => r.setupMs)),
    peakMiB,
  };
}

/** The median over runs of the cumulative wall time at the end of each tick. */
function medianTicks(runs: TimedRun[]): number[] {
  return runs[0].tickWallMs.map((_, t) => median(runs.map((r) => r.tickWallMs[t])));
}

/** Agora against one peer on a row of 10,000 agents or more, with the target's verdict. */
function target(row: Row, impl: ImplName, agora: Outcome | undefined, peer: Outcome | undefined): string {
  const need = impl === 'reference' ? 0.5 : 20;
  const what = `${row.model} ${row.label}: Agora / ${impl}`;
  const goal = `target ≥ ${need}×${impl === 'reference' ? ' (within 2×)' : ''}`;
  if (agora?.kind === 'measured' && peer?.kind === 'measured') {
    const r = agora.figures.updatesPerCpuS / peer.figures.updatesPerCpuS;
    return `${what} = ${ratio(r)} — ${goal}: ${r >= need ? 'met' : 'NOT met'}`;
  }
  // One side outlived the cap: compare the ticks both did, by wall time (CPU ≈ wall when idle).
  const ticks = Math.min(agora?.tickWallMs.length ?? 0, peer?.tickWallMs.length ?? 0);
  if (ticks > 0) {
    const r = peer!.tickWallMs[ticks - 1] / agora!.tickWallMs[ticks - 1];
    const stopped = [agora?.kind === 'capped' ? 'Agora' : '', peer?.kind === 'capped' ? impl : '']
      .filter(Boolean)
      .join(' and ');
    return `${what} = ${ratio(r)} over the first ${ticks} of ${row.config.steps} ticks (${stopped} stopped by the cap) — ${goal}: ${r >= need ? 'met' : 'NOT met'} on those ticks`;
  }
  if (agora?.kind === 'measured' && peer?.kind === 'capped' && peer.setupMs !== undefined && peer.setupMs < capMs) {
    // Set up, but not one tick within the rest of the cap: fewer than `agents` updates in that time.
    const bound = agora.figures.updatesPerCpuS / (row.agents / ((capMs - peer.setupMs) / 1000));
    return `${what} > ${ratio(bound)} (a bound: ${impl} set up in ${fmt(peer.setupMs / 1000, 1)} s, then did not finish its first tick within the cap) — ${goal}: ${bound >= need ? 'met' : 'not measured'}`;
  }
  if (peer?.kind === 'capped') return `${what}: not measured (${impl} did not finish its setup within the cap)`;
  return `${what}: not measured (Agora did not finish a tick within the cap)`;
}

async function main(): Promise<void> {
  const rows = quick ? ROWS.filter((r) => r.model === 'schelling' && r.label === '10k') : ROWS;
  const load = os.loadavg();
  console.log(
    `Agora vs AgentScript vs Flocc vs hand-written reference — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  );
  console.log(
    `Load average before: ${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min); time cap ${capMs / 1000} s per run${quick ? '; --quick: 10,000-agent Schelling only' : ''}`,
  );
  const valid = await gate([...new Set(rows.map((r) => r.model))]);

  console.log(
    `\nSpeed: ${RUNS} timed runs after warm-ups, medians; each row in its own process. Ratios: Agora's agent-updates per CPU-second ÷ the row's.\n`,
  );
  const out: string[][] = [];
  const targets: string[] = [];
  for (const row of rows) {
    const outcomes = new Map<ImplName, Outcome>();
    for (const impl of row.impls) {
      const job: Job = {
        mode: 'time',
        model: row.model,
        impl,
        config: row.config,
        seeds: 0,
        warmups: row.agents >= 100_000 ? 1 : 2,
        runs: RUNS,
        capMs,
      };
      process.stderr.write(`  timing ${row.model} ${row.label} ${impl}…\n`);
      const result = await runChild(job);
      const size = `${row.label} (${fmt(row.agents)} on ${row.config.side}²)`;
      const gateMark = valid.get(`${row.model}/${impl}`) ? '' : ' INVALID';
      if ('capped' in result || result.mode !== 'time' || !('runs' in result)) {
        const partial = 'capped' in result ? result.partial : undefined;
        const tickWallMs = partial?.tickWallMs ?? [];
        outcomes.set(impl, { kind: 'capped', setupMs: partial?.setupMs, tickWallMs });
        const ticks = tickWallMs.length;
        const soFar =
          ticks > 0 ? `; first ${ticks} ticks: ${fmt((row.agents * ticks) / (tickWallMs[ticks - 1] / 1000))}/s` : '';
        out.push([row.model, size, impl + gateMark, `skipped (cap)${soFar}`, '', '', '', '']);
        continue;
      }
      const f = figures(row, result.runs, result.peakMiB);
      outcomes.set(impl, { kind: 'measured', figures: f, tickWallMs: medianTicks(result.runs) });
      const agora = outcomes.get('agora');
      out.push([
        row.model,
        size,
        impl + gateMark,
        fmt(f.updatesPerCpuS),
        fmt(f.msPerTick10k, 3),
        fmt(f.setupMs, 1),
        fmt(f.peakMiB),
        impl === 'agora' || agora?.kind !== 'measured' ? '' : ratio(agora.figures.updatesPerCpuS / f.updatesPerCpuS),
      ]);
    }
    const agora = outcomes.get('agora');
    if (row.agents >= 10_000) {
      for (const impl of ['agentscript', 'flocc', 'reference'] as const) {
        if (row.impls.includes(impl)) targets.push(target(row, impl, agora, outcomes.get(impl)));
      }
    }
    if (row.model === 'schelling' && row.label === '1M' && agora?.kind === 'measured') {
      const setup = agora.figures.setupMs;
      targets.push(
        `schelling 1M: Agora setup ${fmt(setup)} ms — target < 1,000 ms: ${setup < 1000 ? 'met' : 'NOT met'}`,
      );
    }
  }
  table(
    ['model', 'size', 'implementation', 'updates / CPU-s', 'ms / tick / 10k', 'setup ms', 'peak MiB', 'Agora ÷'],
    out,
  );
  console.log('\nTargets (10,000 agents and above)');
  for (const t of targets) console.log(`- ${t}`);
  console.log(
    `\nLoad average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
}

await main();
