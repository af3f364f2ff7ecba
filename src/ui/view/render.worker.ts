/** The render worker: a thin adapter between postMessage and the view renderer on an OffscreenCanvas. */
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import type { FromRenderer, ToRenderer } from './renderProtocol';
import { createViewRenderer, type ViewRenderer } from './viewRenderer';

// Typed locally: the app's tsconfig carries DOM types, not the WebWorker ones.
const scope = self as unknown as {
  postMessage(message: FromRenderer): void;
  onmessage: ((event: MessageEvent<ToRenderer>) => void) | null;
};

// Pixi creates its own canvases (text, textures) as OffscreenCanvas here: no document.
DOMAdapter.set(WebWorkerAdapter);

let renderer: Promise<ViewRenderer> | null = null;

async function start(init: Extract<ToRenderer, { type: 'init' }>): Promise<ViewRenderer> {
  const r = await createViewRenderer(init.canvas, init.portrayal, init.size, init.camera, () =>
    scope.postMessage({ type: 'drawn' }),
  );
  // Pixi falls back to a slow 2D canvas without WebGL; the main thread's WebGL is the better fallback.
  if (r.kind !== 'webgl') {
    r.destroy();
    throw new Error('no WebGL in workers');
  }
  return r;
}

scope.onmessage = ({ data }) => {
  if (data.type === 'init') {
    renderer = start(data);
    renderer.catch((e: unknown) =>
      scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  // Messages that arrive while Pixi starts wait for it, in order; after a failure, none matter.
  void renderer?.then(
    (r) => {
      if (data.type === 'frame') r.setFrame(data.frame);
      else if (data.type === 'camera') r.setCamera(data.camera);
      else r.resize(data.size);
    },
    () => {},
  );
};
