/** Which plots presenter mode shows: the teacher's pick, else the model's first two. */
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
