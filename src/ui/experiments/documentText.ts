/**
 * The texts of the ready experiments (experiments/*.json: names, claims, arm labels, readings,
 * subjects) in the reader's language. The documents are data written in English; a translation
 * is keyed `experiment.<file id>.<field path>` and used only while the text is still the ready
 * document's own, so an edited or foreign document keeps the words its author wrote.
 */
import type { Experiment } from '../../core/experiment/schema';
import { tDocument } from '../../i18n';
import { READY_EXPERIMENTS } from './readyExperiments';

/** The value at a path (`['hypothesis', 'arms', '0.8']`) of a document. */
function at(document: unknown, path: readonly string[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The ready document `experiment` is (or a copy of, by its name), with its file id. */
function readyOf(experiment: Experiment): { id: string; experiment: Experiment } | undefined {
  const ready = READY_EXPERIMENTS.find((r) => r.experiment === experiment || r.experiment.name === experiment.name);
  return ready && { id: ready.file.replace(/\.json$/, ''), experiment: ready.experiment };
}

/** `english`, the text at `path` of `experiment`, in the current locale when it is a ready document's unchanged text. */
export function documentText(experiment: Experiment, path: readonly string[], english: string): string {
  const ready = readyOf(experiment);
  if (!ready || at(ready.experiment, path) !== english) return english;
  return tDocument('experiment', ready.id, path.join('.'), english);
}

/** A reading's label (results carry the label alone: it is found among the hypothesis's readings). */
export function readingLabel(experiment: Experiment, label: string): string {
  const i = experiment.hypothesis?.readings?.findIndex((r) => r.label === label) ?? -1;
  return i < 0 ? label : documentText(experiment, ['hypothesis', 'readings', String(i), 'label'], label);
}

/** A robustness subject's label, found among the hypothesis's subjects. */
export function subjectLabel(experiment: Experiment, label: string): string {
  const i = experiment.hypothesis?.robustness?.subjects?.findIndex((s) => s.label === label) ?? -1;
  return i < 0 ? label : documentText(experiment, ['hypothesis', 'robustness', 'subjects', String(i), 'label'], label);
}
