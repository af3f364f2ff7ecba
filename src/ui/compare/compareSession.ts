/**
 * Opening and closing comparisons: Fork from the day shown, a comparison document (file, link,
 * ready what-if) opened as a base run at its fork day and a fork beside it, and the document
 * of the comparison on display for Share and Export.
 */
import { parseComparison, type ResolvedComparison } from '../../core/comparison';
import { encodeComparisonLink } from '../../core/comparisonLink';
import { mergeChanges } from '../../core/fork';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { download } from '../download';
import { latestFrame } from '../frameBus';
import { notify } from '../notices';
import { followLinkOf, followNow, loadScenario, scenarioOnDisplay } from '../scenarioSession';
import { onSetup, stepRun } from '../session';
import { useApp, type Wording } from '../store';
import { closedComparison, useCompare } from './compareStore';
import { clearForkFrames } from './forkFrames';
import { endFork, sendFork } from './forkRun';
import { startLockStep } from './lockStep';
import { problemSentence } from '../problemText';

let endLockStep: (() => void) | null = null;
let unwatchBase: (() => void) | null = null;
let unwatchFork: (() => void) | null = null;

/** Both runs are on show and move together until a new Setup of the base closes the comparison. */
function begin(): void {
  endLockStep = startLockStep();
  unwatchBase = onSetup(closeComparison);
  // The address bar holds the comparison's link, with every change made to the fork.
  followLinkOf(() => encodeComparisonLink(comparisonDocument()));
  unwatchFork = useCompare.subscribe((s, prev) => {
    if (s.changes !== prev.changes) void followNow();
  });
  void followNow();
}

/** Back to one run: the fork's worker ends. */
export function closeComparison(): void {
  endLockStep?.();
  unwatchBase?.();
  unwatchFork?.();
  endLockStep = unwatchBase = unwatchFork = null;
  followLinkOf(null);
  endFork();
  clearForkFrames();
  useCompare.setState(closedComparison);
}

/**
 * Fork here: a second run from the state of the day shown, in a worker of its own. It restores
 * the base's snapshot of that day when the last frame brought one, else replays the base's
 * Setup and timed changes to the day (the same state: runs are exact).
 */
export function forkHere(): void {
  const s = useApp.getState();
  const frame = latestFrame();
  if (!frame || s.status === 'running' || s.status === 'starting') return;
  closeComparison();
  const day = frame.tick;
  useCompare.setState({ ...closedComparison, active: true, forkDay: day, forkParams: s.appliedParams, tick: day });
  if (frame.snapshot && frame.snapshot.tick === day) {
    sendFork({ type: 'restore', snapshot: frame.snapshot });
  } else {
    sendFork({
      type: 'setup',
      modelId: s.modelId,
      params: { ...s.appliedParams },
      seed: s.appliedSeed,
      changes: s.changes,
    });
    if (day > 0) sendFork({ type: 'step', count: day });
  }
  begin();
}

/** Whether a decoded document is meant as a comparison (it may still be an invalid one). */
export function isComparisonDocument(document: unknown): boolean {
  return (document as { format?: unknown } | null)?.format === 'agora-comparison';
}

/**
 * Opens a comparison document (untrusted): the base scenario is set up and run to the fork day,
 * and the fork is set up beside it with the base's changes and its own, run to the same day.
 * Returns false, with an alert, when the document is not a valid comparison; nothing changes then.
 * A base refused or declined as too big opens nothing.
 */
export function openComparison(document: unknown, source: Wording): boolean {
  const parsed = parseComparison(document, findModel);
  if (!parsed.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: source(), problem: problemSentence(parsed.errors[0].message) }),
    });
    return false;
  }
  closeComparison();
  const doc = document as { base: unknown; fork: { params?: Record<string, unknown> } };
  // A big base is estimated (and perhaps asked about) before its Setup: the comparison opens after it.
  return loadScenario(doc.base, source, () => showComparison(parsed.value, doc.fork.params ?? {}));
}

/**
 * The base was just set up: it steps to the fork day after its Setup (the worker takes commands
 * in order), and the fork is set up beside it and run to the same day.
 */
function showComparison(c: ResolvedComparison, setupChanges: Record<string, unknown>): void {
  if (c.forkDay > 0) stepRun(c.forkDay);
  useCompare.setState({
    ...closedComparison,
    active: true,
    question: c.question ?? null,
    forkDay: c.forkDay,
    forkParams: c.forked.params,
    setupChanges,
    changes: c.forkChanges,
    tick: c.forkDay,
  });
  const { model, seed, forked } = c;
  sendFork({ type: 'setup', modelId: model.id, params: { ...forked.params }, seed, changes: forked.changes });
  if (c.forkDay > 0) sendFork({ type: 'step', count: c.forkDay });
  begin();
}

/** The comparison on display as an `agora-comparison` document. */
function comparisonDocument(): unknown {
  const c = useCompare.getState();
  return {
    format: 'agora-comparison',
    version: 1,
    ...(c.question ? { question: c.question } : {}),
    base: scenarioOnDisplay(true),
    fork: {
      day: c.forkDay,
      ...(Object.keys(c.setupChanges).length ? { params: c.setupChanges } : {}),
      changes: c.changes,
    },
  };
}

/** The fork's timed changes as one run from Setup replays them: the base's with the fork's. */
export function forkRunChanges(): ReturnType<typeof mergeChanges> {
  return mergeChanges(useApp.getState().changes, useCompare.getState().changes);
}

/** Share: the address bar (and the clipboard, where allowed) gets the comparison's `#c=` link. */
export async function shareComparison(): Promise<void> {
  const fragment = await encodeComparisonLink(comparisonDocument());
  await followNow();
  const url = `${location.origin}${location.pathname}${fragment}`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard: the address bar holds the link anyway.
  }
  notify({
    kind: 'notice',
    say: () => (copied ? t('compare.copied', { length: url.length }) : t('scenario.inAddressBar')),
  });
}

/** Export file: the comparison as an `agora-comparison` JSON file. */
export function exportComparison(): void {
  const text = JSON.stringify(comparisonDocument(), null, 2) + '\n';
  const s = useApp.getState();
  download(
    new Blob([text], { type: 'application/json' }),
    `agora-comparison-${s.modelId}-day-${useCompare.getState().forkDay}.json`,
  );
}
