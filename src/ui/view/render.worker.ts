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

/** Pixi would fall back to a slow 2D canvas here; the main thread's WebGL is the better fallback. */
function hasWebGL(): boolean {
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return gl !== null;
}

scope.onmessage = ({ data }) => {
  if (data.type === 'init') {
    if (!hasWebGL()) return scope.postMessage({ type: 'failed', message: 'no WebGL in workers' });
    renderer = createViewRenderer(data.canvas, data.portrayal, data.size, data.camera, () => scope.postMessage({ type: 'drawn' }));
    renderer.catch((e: unknown) => scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
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
