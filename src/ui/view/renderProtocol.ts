/**
 * Messages between the agent view and its render worker. The view sends a frame only after
 * the worker said it drew the previous one, so frames never queue up (latest state wins).
 */
import type { Portrayal } from '../../core/model';
import type { Camera, ViewFrame, ViewSize } from './viewTypes';

export type ToRenderer =
  /** First message: the canvas (transferred) and what to draw; the portrayal's texts are translated already. */
  | {
      readonly type: 'init';
      readonly canvas: OffscreenCanvas;
      readonly portrayal: Portrayal;
      readonly size: ViewSize;
      readonly camera: Camera;
    }
  /** The newest frame; its buffers are transferred copies. */
  | { readonly type: 'frame'; readonly frame: ViewFrame }
  | { readonly type: 'camera'; readonly camera: Camera }
  | { readonly type: 'resize'; readonly size: ViewSize };

export type FromRenderer =
  /** The last frame sent is on screen: send the next. */
  | { readonly type: 'drawn' }
  /** Pixi could not start here (e.g. no WebGL in workers): the view draws on the main thread. */
  | { readonly type: 'failed'; readonly message: string };
