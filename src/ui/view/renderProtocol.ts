/**
 * Messages between the agent view and its render worker. The view sends a frame only after
 * the worker said it drew the previous one, so frames never queue up (latest state wins).
 * One worker serves the page's views one after another (each `init` starts a new scene), so
 * a view made after the network is gone needs no script from it.
 */
import type { Arrangement, Portrayal } from '../../core/model';
import type { Camera, LabelBox, ViewFrame, ViewSize } from './viewTypes';

export type ToRenderer =
  /**
   * A new scene: the canvas (transferred) and what to draw; the portrayal's texts are translated
   * already, and numbers are written the way of `locale` (the page's: the worker has no locale).
   */
  | {
      readonly type: 'init';
      readonly scene: number;
      readonly canvas: OffscreenCanvas;
      readonly portrayal: Portrayal;
      readonly size: ViewSize;
      readonly camera: Camera;
      readonly arrangement: Arrangement;
      readonly locale: string;
    }
  /** The newest frame; its buffers are transferred copies. */
  | { readonly type: 'frame'; readonly frame: ViewFrame }
  | { readonly type: 'camera'; readonly camera: Camera }
  | { readonly type: 'resize'; readonly size: ViewSize }
  | { readonly type: 'arrangement'; readonly arrangement: Arrangement }
  /** The scene's view is gone: its renderer ends, the worker waits for the next `init`. */
  | { readonly type: 'end' };

export type FromRenderer =
  /** The last frame sent to `scene` is on screen, with these texts: send the next. */
  | { readonly type: 'drawn'; readonly scene: number; readonly labels: readonly LabelBox[] }
  /** Pixi could not start here (e.g. no WebGL in workers): the view draws on the main thread. */
  | { readonly type: 'failed'; readonly scene: number; readonly message: string };
