/**
 * How the agent view shows the model, chosen by the viewer: view choices only, which the model,
 * its runs and their fingerprints never see (like presenter mode, they are not in share links).
 */
import { create } from 'zustand';
import type { Arrangement } from '../core/model';
import type { Camera } from './view/viewTypes';

interface ViewOptions {
  /** Where agents are placed (see LayerPortrayal.grouping). */
  readonly arrangement: Arrangement;
  /** Size of the text the view draws on its canvas relative to normal; the legend follows it. */
  readonly textScale: number;
  /**
   * Where the viewer has panned and zoomed, and the world it frames: kept while the view is drawn
   * anew for the same world (a change of language, a Setup, a comparison), not for another one.
   */
  readonly camera: { readonly world: string; readonly camera: Camera } | null;
}

export const useViewOptions = create<ViewOptions>()(() => ({ arrangement: 'scatter', textScale: 1, camera: null }));

export const setArrangement = (arrangement: Arrangement) => useViewOptions.setState({ arrangement });
export const setViewTextScale = (textScale: number) => useViewOptions.setState({ textScale });

/** The camera kept for `world`; a view of another world starts at `home`, which is kept for it instead. */
export function cameraFor(world: string, home: Camera): Camera {
  const kept = useViewOptions.getState().camera;
  if (kept?.world === world) return kept.camera;
  keepCamera(world, home);
  return home;
}
export const keepCamera = (world: string, camera: Camera) => useViewOptions.setState({ camera: { world, camera } });
