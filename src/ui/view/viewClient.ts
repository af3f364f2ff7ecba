/**
 * The main thread's handle on the agent view's renderer. It owns the <canvas> and runs the
 * renderer in the render worker on an OffscreenCanvas, so that drawing and software WebGL's
 * readback of each picture leave the main thread. It hands over the newest frame whenever
 * the renderer drew the previous one, and falls back to the same renderer on the main thread
 * where the worker cannot start, or once it failed.
 */
import type { Arrangement, Portrayal } from '../../core/model';
import type { Column } from '../../core/world';
import type { FrameMessage } from '../../worker/protocol';
import { getLocale } from '../../i18n/locale';
import { latestFrame, subscribeFrames } from '../frameBus';
import type { FromRenderer, ToRenderer } from './renderProtocol';
import { createViewRenderer, type ViewRenderer } from './viewRenderer';
import type { Camera, LabelBox, ViewFrame, ViewSize } from './viewTypes';

export interface ViewClient {
  setCamera(camera: Camera): void;
  setArrangement(arrangement: Arrangement): void;
  resize(size: ViewSize): void;
  /** Ends the renderer (and its worker) and removes its canvas; the browser ends the worker with its page too. */
  dispose(): void;
}

/** One place the renderer runs: in the render worker or on the main thread. */
interface Backend {
  frame(frame: FrameMessage): void;
  camera(camera: Camera): void;
  arrangement(arrangement: Arrangement): void;
  resize(size: ViewSize): void;
  dispose(): void;
}

interface BackendEvents {
  drawn(): void;
  failed(reason: string): void;
}

interface Scene {
  readonly host: HTMLElement;
  readonly portrayal: Portrayal;
  readonly size: ViewSize;
  readonly camera: Camera;
  readonly arrangement: Arrangement;
  /** How the view writes numbers: the page's locale when the view starts (a change of language starts a new view). */
  readonly locale: string;
}

function addCanvas(host: HTMLElement, where: 'worker' | 'main'): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  // Tells tests and a curious developer where the view draws.
  canvas.dataset.renderer = where;
  host.append(canvas);
  return canvas;
}

/**
 * Keeps the texts the renderer drew, and where, on its canvas (`data-labels`, JSON): browser
 * tests read them there to check that no two overlap, which the picture's pixels cannot tell.
 */
function showLabels(canvas: HTMLCanvasElement, labels: readonly LabelBox[]): void {
  canvas.dataset.labels = JSON.stringify(labels);
}

/** The inspected agent's index in its set (−1: gone), which the renderer needs to place its ring. */
function inspectedOf(frame: FrameMessage): ViewFrame['inspected'] {
  const inspected = frame.inspected;
  if (!inspected) return null;
  const set = frame.agents[inspected.agents];
  const index = set && inspected.values ? set.ids.subarray(0, set.count).indexOf(inspected.id) : -1;
  return { agents: inspected.agents, index, values: inspected.values };
}

/**
 * The view's columns of `frame`, copied: the main thread keeps the frame for picking, and
 * the copies' buffers can be transferred.
 */
function copyForWorker(frame: FrameMessage): { frame: ViewFrame; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const agents: Record<string, ViewFrame['agents'][string]> = {};
  for (const [name, set] of Object.entries(frame.agents)) {
    const columns: Record<string, Column> = {};
    for (const [column, values] of Object.entries(set.columns)) {
      const copy = (values as Float64Array).slice(0, set.count);
      columns[column] = copy;
      transfer.push(copy.buffer);
    }
    agents[name] = { count: set.count, columns };
  }
  return { frame: { tick: frame.tick, agents, inspected: inspectedOf(frame) }, transfer };
}

function canRenderInWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/**
 * The page's render worker, started with the first view and kept for the next ones (see
 * renderProtocol): only a failed worker is ended, and the next view starts another.
 */
let renderWorker: Worker | null = null;
let scenes = 0;

function workerBackend(scene: Scene, events: BackendEvents): Backend {
  const canvas = addCanvas(scene.host, 'worker');
  let offscreen: OffscreenCanvas;
  try {
    offscreen = canvas.transferControlToOffscreen();
    // IMPORTANT: Vite only bundles a worker written literally in this form.
    renderWorker ??= new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module', name: 'render' });
  } catch (e) {
    canvas.remove();
    throw e;
  }
  const worker = renderWorker;
  const id = ++scenes;
  const post = (message: ToRenderer, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const failed = (reason: string) => {
    if (renderWorker === worker) renderWorker = null;
    worker.terminate();
    events.failed(reason);
  };
  // Messages of an earlier scene may still arrive: only this scene's count.
  worker.onmessage = ({ data }: MessageEvent<FromRenderer>) => {
    if (data.scene !== id) return;
    if (data.type === 'drawn') {
      showLabels(canvas, data.labels);
      events.drawn();
    } else failed(data.message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed(event.message || 'the render worker failed');
  };
  worker.onmessageerror = () => failed('a message from the render worker could not be read');
  const { portrayal, size, camera, arrangement, locale } = scene;
  post({ type: 'init', scene: id, canvas: offscreen, portrayal, size, camera, arrangement, locale }, [offscreen]);
  return {
    frame(frame) {
      const copy = copyForWorker(frame);
      post({ type: 'frame', frame: copy.frame }, copy.transfer);
    },
    camera: (camera) => post({ type: 'camera', camera }),
    arrangement: (arrangement) => post({ type: 'arrangement', arrangement }),
    resize: (size) => post({ type: 'resize', size }),
    dispose() {
      // The worker may already serve the next scene: only the current one ends its renderer.
      if (renderWorker === worker && scenes === id) post({ type: 'end' });
      canvas.remove();
    },
  };
}

function mainThreadBackend(scene: Scene, events: BackendEvents): Backend {
  const canvas = addCanvas(scene.host, 'main');
  let disposed = false;
  const { portrayal, size, camera, arrangement, locale } = scene;
  const ready = createViewRenderer(canvas, portrayal, size, camera, arrangement, locale, (labels) => {
    showLabels(canvas, labels);
    events.drawn();
  });
  ready.catch((e: unknown) => console.error('the agent view could not start:', e));
  // IMPORTANT: Pixi starts asynchronously and may finish after dispose (StrictMode runs
  // effects twice): calls wait for it, and a disposed renderer is destroyed once started.
  const later = (fn: (renderer: ViewRenderer) => void) =>
    void ready.then(
      (r) => !disposed && fn(r),
      () => {},
    );
  return {
    frame: (frame) => later((r) => r.setFrame({ ...frame, inspected: inspectedOf(frame) })),
    camera: (camera) => later((r) => r.setCamera(camera)),
    arrangement: (arrangement) => later((r) => r.setArrangement(arrangement)),
    resize: (size) => later((r) => r.resize(size)),
    dispose() {
      disposed = true;
      void ready.then(
        (r) => r.destroy(),
        () => {},
      );
      canvas.remove();
    },
  };
}

/** Where a view's frames come from: the run on display (frameBus) unless told otherwise. */
export interface FrameSource {
  latest(): FrameMessage | null;
  subscribe(listener: () => void): () => void;
}

const runOnDisplay: FrameSource = { latest: latestFrame, subscribe: subscribeFrames };

/** Starts the view of `portrayal` (texts already translated) in `host`, drawing the frames of `source`. */
export function createViewClient(
  host: HTMLElement,
  portrayal: Portrayal,
  size: ViewSize,
  camera: Camera,
  arrangement: Arrangement,
  source: FrameSource = runOnDisplay,
): ViewClient {
  let scene: Scene = { host, portrayal, size, camera, arrangement, locale: getLocale() };
  /** The frame last handed over, and whether the renderer is still drawing it. */
  let sent: FrameMessage | null = null;
  let busy = false;
  let disposed = false;

  // Latest state wins: frames that arrive while the renderer is busy are skipped.
  const offer = () => {
    const frame = source.latest();
    if (busy || disposed || !frame || frame === sent) return;
    busy = true;
    sent = frame;
    backend.frame(frame);
  };
  const events: BackendEvents = {
    drawn() {
      busy = false;
      offer();
    },
    failed(reason) {
      if (disposed) return;
      // A broken worker must not leave the view blank: go on drawing on the main thread.
      console.warn(`the agent view draws on the main thread: ${reason}`);
      backend.dispose();
      backend = mainThreadBackend(scene, events);
      busy = false;
      sent = null;
      offer();
    },
  };
  let backend: Backend;
  try {
    backend = canRenderInWorker() ? workerBackend(scene, events) : mainThreadBackend(scene, events);
  } catch {
    backend = mainThreadBackend(scene, events);
  }
  const unsubscribe = source.subscribe(offer);
  offer();

  return {
    setCamera(next) {
      scene = { ...scene, camera: next };
      backend.camera(next);
    },
    setArrangement(next) {
      scene = { ...scene, arrangement: next };
      backend.arrangement(next);
    },
    resize(next) {
      scene = { ...scene, size: next };
      backend.resize(next);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      backend.dispose();
    },
  };
}
