/**
 * How the agent view shows the model, chosen by the viewer: view choices only, which the model,
 * its runs and their fingerprints never see (like presenter mode, they are not in share links).
 */
import { create } from 'zustand';
import type { Arrangement } from '../core/model';

interface ViewOptions {
  /** Where agents are placed (see LayerPortrayal.grouping). */
  readonly arrangement: Arrangement;
  /** Size of the text the view draws on its canvas relative to normal; the legend follows it. */
  readonly textScale: number;
}

export const useViewOptions = create<ViewOptions>()(() => ({ arrangement: 'scatter', textScale: 1 }));

export const setArrangement = (arrangement: Arrangement) => useViewOptions.setState({ arrangement });
export const setViewTextScale = (textScale: number) => useViewOptions.setState({ textScale });
