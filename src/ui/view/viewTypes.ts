/** What the agent view's renderer is given, wherever it runs (render worker or main thread). */
import type { Column } from '../../core/world';

/** The part of a frame the renderer draws: per agent set, the view's columns (see viewColumns). */
export interface ViewFrame {
  readonly tick: number;
  readonly agents: Readonly<
    Record<string, { readonly count: number; readonly columns: Readonly<Record<string, Column>> }>
  >;
  /** The agent open in the inspector, its index in its set (−1: gone) and all its attributes (null: gone). */
  readonly inspected?: {
    readonly agents: string;
    readonly index: number;
    readonly values: Readonly<Record<string, number>> | null;
  } | null;
}

/** Pan and zoom: screen = (unzoomed screen) × zoom + (x, y), in CSS pixels. */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The canvas's size in CSS pixels and its device pixels per CSS pixel. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
  readonly resolution: number;
  /** Size of the text drawn on the canvas relative to normal (larger in presenter mode); default 1. */
  readonly textScale?: number;
}

/** A text drawn on the canvas and its box, in CSS pixels of the canvas at zoom 1. */
export interface LabelBox {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Space between the world's bounds and the canvas's edges, in CSS pixels: shared by drawing and picking. */
export const VIEW_PADDING = 12;
