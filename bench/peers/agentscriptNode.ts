/**
 * AgentScript in Node. Its bundle builds a 1×1 canvas at load time (to parse CSS colours),
 * and Node has no canvas; this stub stands in for it. The benchmark never draws or parses a
 * colour, so nothing ever reads from the stub.
 */
class CanvasStub {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext(): object {
    return { clearRect() {}, fillRect() {}, getImageData: () => ({ data: new Uint8ClampedArray(4) }) };
  }
}
(globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas ??= CanvasStub;

// A dynamic import, so that the stub is in place before the bundle's top level runs.
export const AS = await import('agentscript/dist/agentscript2d.js');
