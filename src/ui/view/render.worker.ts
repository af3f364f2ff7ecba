/** The render worker: a thin adapter between postMessage and the view renderer on an OffscreenCanvas. */
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import type { FromRenderer, ToRenderer } from './renderProtocol';
import { createViewRenderer, type ViewRenderer } from './viewRenderer';

/** Posts to the page, typed: the worker's own postMessage takes any message. */
const post = (message: FromRenderer) => self.postMessage(message);

// Pixi creates its own canvases (text, textures) as OffscreenCanvas here: no document.
DOMAdapter.set(WebWorkerAdapter);

let renderer: Promise<ViewRenderer> | null = null;

async function start(init: Extract<ToRenderer, { type: 'init' }>): Promise<ViewRenderer> {
  const { canvas, portrayal, size, camera, arrangement, locale } = init;
  const r = await createViewRenderer(canvas, portrayal, size, camera, arrangement, locale, (labels) =>
    post({ type: 'drawn', scene: init.scene, labels }),
  );
  // Pixi falls back to a slow 2D canvas without WebGL; the main thread's WebGL is the better fallback.
  if (r.kind !== 'webgl') {
    r.destroy();
    throw new Error('no WebGL in workers');
  }
  return r;
}

/** Ends the current scene's renderer once it has started. */
function end(): void {
  void renderer?.then(
    (r) => r.destroy(),
    () => {},
  );
  renderer = null;
}

self.onmessage = ({ data }: MessageEvent<ToRenderer>) => {
  if (data.type === 'init') {
    end();
    const { scene } = data;
    renderer = start(data);
    renderer.catch((e: unknown) =>
      post({ type: 'failed', scene, message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  if (data.type === 'end') return end();
  // Messages that arrive while Pixi starts wait for it, in order; after a failure, none matter.
  void renderer?.then(
    (r) => {
      if (data.type === 'frame') r.setFrame(data.frame);
      else if (data.type === 'camera') r.setCamera(data.camera);
      else if (data.type === 'arrangement') r.setArrangement(data.arrangement);
      else r.resize(data.size);
    },
    () => {},
  );
};
