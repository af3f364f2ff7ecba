/**
 * `npm run bench:peers`: Schelling and Flocking as the Agents.jl framework comparison declares
 * them, written with Agora's engine, AgentScript, Flocc and by hand (the reference), raced side
 * by side. First a correctness gate (10 seeds of the small configurations per implementation,
 * compared with the reference), then every row in a process of its own: warm-ups, 7 timed runs.
 * `-- --quick` runs only the 10,000-agent Schelling rows; `-- --cap SECONDS` sets the time cap of
 * one run (default 60), past which a row prints "skipped (cap)".
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, Result, TimedRun } from './child';
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
if (!(capMs > 0) || args.some((a, i) => a.startsWith('--') && !['--quick', '--cap'].includes(a) && args[i - 1] !== '--cap')) {
  console.error('usage: npm run bench:peers [-- --quick] [-- --cap SECONDS]');
  process.exit(2);
}

/** Runs a job in its own Node process; null when it outlived the cap (it is then stopped). */
function runChild(job: Job): Promise<Result | null> {
  return new Promise((resolve, reject) => {
    // NOTE: no forced collections between runs (--expose-gc + gc()): measured, they slowed the
    // next run of some implementations by up to 2×, an artefact no real run would see.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
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
      out += d;
      arm(job.capMs + 1000);
    });
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (capped) resolve(null);
      else if (code !== 0) reject(new Error(`${job.model}/${job.impl} (${job.mode}) failed:\n${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as Result);
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
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, c) => (c < 3 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const fmt = (v: number, digits = 0) => v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (v: number) => (v >= 100 ? fmt(v) : v >= 10 ? fmt(v, 1) : fmt(v, 2)) + '×';

/** Gate: which implementations agree with the reference on each model. */
async function gate(models: readonly ModelName[]): Promise<Map<string, boolean>> {
  const valid = new Map<string, boolean>();
  const rows: string[][] = [];
  for (const model of models) {
    const stats = new Map<ImplName, { mean: number; se: number }>();
    for (const impl of IMPLS) {
      const result = await runChild({ mode: 'gate', model, impl, config: GATE_CONFIG[model], seeds: GATE_SEEDS, warmups: 0, runs: 0, capMs });
      if (result?.mode === 'gate') stats.set(impl, meanAndError(result.statistics));
    }
    const ref = stats.get('reference')!;
    for (const impl of IMPLS) {
      const s = stats.get(impl);
      const combined = s ? Math.sqrt(s.se * s.se + ref.se * ref.se) : 0;
      const z = s ? Math.abs(s.mean - ref.mean) / (combined || Number.MIN_VALUE) : Infinity;
      const ok = s !== undefined && (z <= 3 || s.mean === ref.mean);
      valid.set(`${model}/${impl}`, ok);
      const what = model === 'schelling' ? 'happy fraction after 20 steps' : 'mean neighbours after 100 steps';
      rows.push([model, impl, what, s ? `${s.mean.toFixed(4)} ± ${s.se.toFixed(4)}` : 'skipped (cap)', s ? z.toFixed(2) : '–', ok ? 'valid' : 'INVALID']);
    }
  }
  console.log(`\nCorrectness gate: ${GATE_SEEDS} seeds of the small configuration; valid when |mean − reference mean| ≤ 3 combined standard errors\n`);
  table(['model', 'implementation', 'statistic', 'mean ± SE', '|Δ| / SE', 'gate'], rows);
  return valid;
}

interface Figures {
  updatesPerCpuS: number;
  msPerTick10k: number;
  setupMs: number;
  peakMiB: number;
}

function figures(row: Row, runs: TimedRun[], peakMiB: number): Figures {
  const steps = row.config.steps;
  return {
    updatesPerCpuS: (row.agents * steps) / (median(runs.map((r) => r.stepCpuMs)) / 1000),
    msPerTick10k: (median(runs.map((r) => r.stepWallMs)) / steps) * (10_000 / row.agents),
    setupMs: median(runs.map((r) => r.setupMs)),
    peakMiB,
  };
}

async function main(): Promise<void> {
  const rows = quick ? ROWS.filter((r) => r.model === 'schelling' && r.label === '10k') : ROWS;
  const load = os.loadavg();
  console.log(`Agora vs AgentScript vs Flocc vs hand-written reference — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
  console.log(`Load average before: ${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min); time cap ${capMs / 1000} s per run${quick ? '; --quick: 10,000-agent Schelling only' : ''}`);
  const valid = await gate([...new Set(rows.map((r) => r.model))]);

  console.log(`\nSpeed: ${RUNS} timed runs after warm-ups, medians; each row in its own process. Ratios: Agora's agent-updates per CPU-second ÷ the row's.\n`);
  const out: string[][] = [];
  const targets: string[] = [];
  for (const row of rows) {
    const measured = new Map<ImplName, Figures>();
    for (const impl of row.impls) {
      const job: Job = { mode: 'time', model: row.model, impl, config: row.config, seeds: 0, warmups: row.agents >= 100_000 ? 1 : 2, runs: RUNS, capMs };
      process.stderr.write(`  timing ${row.model} ${row.label} ${impl}…\n`);
      const result = await runChild(job);
      const size = `${row.label} (${fmt(row.agents)} on ${row.config.side}²)`;
      const gateMark = valid.get(`${row.model}/${impl}`) ? '' : ' INVALID';
      if (!result || result.mode !== 'time' || !('runs' in result)) {
        out.push([row.model, size, impl + gateMark, 'skipped (cap)', '', '', '', '']);
        continue;
      }
      const f = figures(row, result.runs, result.peakMiB);
      measured.set(impl, f);
      const agora = measured.get('agora');
      out.push([
        row.model,
        size,
        impl + gateMark,
        fmt(f.updatesPerCpuS),
        fmt(f.msPerTick10k, 3),
        fmt(f.setupMs, 1),
        fmt(f.peakMiB),
        impl === 'agora' || !agora ? '' : ratio(agora.updatesPerCpuS / f.updatesPerCpuS),
      ]);
    }
    const agora = measured.get('agora');
    if (row.agents >= 10_000 && agora) {
      for (const impl of ['agentscript', 'flocc', 'reference'] as const) {
        if (!row.impls.includes(impl)) continue;
        const peer = measured.get(impl);
        const need = impl === 'reference' ? 0.5 : 20;
        const what = `${row.model} ${row.label}: Agora / ${impl}`;
        if (!peer) {
          // One run of `steps` ticks did not finish within the cap: fewer than agents × steps
          // updates in cap seconds, a bound on the peer's rate (CPU ≈ wall time on an idle machine).
          const bound = agora.updatesPerCpuS / ((row.agents * row.config.steps) / (capMs / 1000));
          targets.push(`${what} > ${ratio(bound)} (a bound: ${impl} did not finish one run within the cap) — target ≥ ${need}×: ${bound >= need ? 'met' : 'not measured'}`);
        }
        else {
          const r = agora.updatesPerCpuS / peer.updatesPerCpuS;
          targets.push(`${what} = ${ratio(r)} — target ≥ ${need}×${impl === 'reference' ? ' (within 2×)' : ''}: ${r >= need ? 'met' : 'NOT met'}`);
        }
      }
    }
    if (row.model === 'schelling' && row.label === '1M' && agora) {
      targets.push(`schelling 1M: Agora setup ${fmt(agora.setupMs)} ms — target < 1,000 ms: ${agora.setupMs < 1000 ? 'met' : 'NOT met'}`);
    }
  }
  table(['model', 'size', 'implementation', 'updates / CPU-s', 'ms / tick / 10k', 'setup ms', 'peak MiB', 'Agora ÷'], out);
  console.log('\nTargets (10,000 agents and above)');
  for (const t of targets) console.log(`- ${t}`);
  console.log(`\nLoad average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
}

await main();
