/**
 * Which plots presenter mode shows: the teacher's pick, else the model's first two. The pick
 * travels with the scenario's link, so a shared link shows the class the same plots.
 */
import { create } from 'zustand';
import type { Model } from '../core/model';

/** Plots shown in presenter mode, by model id; a model not here shows its first two plots. */
const usePicks = create<Record<string, readonly string[]>>()(() => ({}));

export function usePresenterPlots(model: Model): readonly string[] {
  const picked = usePicks((s) => s[model.id]);
  return picked ?? model.plots.slice(0, 2).map((p) => p.id);
}

/** Shows or hides a plot in presenter mode, keeping the model's order. */
export function pickPresenterPlot(model: Model, shown: readonly string[], plotId: string, show: boolean): void {
  const next = model.plots.map((p) => p.id).filter((id) => (id === plotId ? show : shown.includes(id)));
  usePicks.setState({ [model.id]: next });
}

/** The teacher's pick for a model, or undefined when there is none (the model's choice holds). */
export const presenterPick = (modelId: string): readonly string[] | undefined => usePicks.getState()[modelId];

/** Takes a pick that came with a scenario. */
export function setPresenterPick(modelId: string, plots: readonly string[]): void {
  usePicks.setState({ [modelId]: [...plots] });
}

/** Calls `listener` whenever a pick changes. */
export const onPresenterPick = (listener: () => void) => usePicks.subscribe(listener);
