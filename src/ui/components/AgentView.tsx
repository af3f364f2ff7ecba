/**
 * The agent view: draws every layer of the model's portrayal from the newest frame with Pixi.
 * Each layer is one ParticleContainer (one draw call, fast for 100k agents) whose particles
 * share a white texture of the layer's shape and are tinted per agent.
 */
import { useEffect, useRef } from 'react';
// IMPORTANT: without it pixi compiles shaders with `new Function`, which the app's
// Content-Security-Policy (no eval) forbids, and the canvas stays blank.
import 'pixi.js/unsafe-eval';
import { Application, Graphics, Particle, ParticleContainer, Texture } from 'pixi.js';
import { CATEGORY_PALETTE, type LayerPortrayal, type Portrayal } from '../../core/model';
import type { FrameMessage } from '../../worker/protocol';
import { latestFrame, subscribeFrames } from '../frameBus';

const PALETTE = CATEGORY_PALETTE.map((c) => parseInt(c.slice(1), 16));
const PADDING = 12;
/** Texture size of one shape; particles are scaled down from it. */
const SHAPE_PX = 32;

function colorNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}

function shapeTexture(app: Application, shape: LayerPortrayal['shape']): Texture {
  const g = new Graphics();
  const r = SHAPE_PX / 2;
  if (shape === 'circle') g.circle(r, r, r).fill(0xffffff);
  else if (shape === 'square') g.rect(0, 0, SHAPE_PX, SHAPE_PX).fill(0xffffff);
  else {
    // A cross with a thin dark outline so it reads on any background and over any point.
    const w = SHAPE_PX / 4;
    g.poly([0, w, w, 0, r, r - w, SHAPE_PX - w, 0, SHAPE_PX, w, r + w, r, SHAPE_PX, SHAPE_PX - w, SHAPE_PX - w, SHAPE_PX, r, r + w, w, SHAPE_PX, 0, SHAPE_PX - w, r - w, r])
      .fill(0xffffff)
      .stroke({ color: 0x222222, width: 2 });
  }
  const texture = app.renderer.generateTexture(g);
  g.destroy();
  return texture;
}

interface Layer {
  readonly spec: LayerPortrayal;
  readonly container: ParticleContainer<Particle>;
  readonly texture: Texture;
}

function draw(app: Application, layers: readonly Layer[], portrayal: Portrayal, frame: FrameMessage): void {
  const { minX, maxX, minY, maxY } = portrayal.bounds;
  const width = app.renderer.width / app.renderer.resolution;
  const height = app.renderer.height / app.renderer.resolution;
  const scale = Math.min((width - 2 * PADDING) / (maxX - minX), (height - 2 * PADDING) / (maxY - minY));
  const offsetX = (width - scale * (maxX - minX)) / 2;
  const offsetY = (height - scale * (maxY - minY)) / 2;
  for (const { spec, container, texture } of layers) {
    const set = frame.agents[spec.agents];
    const count = set?.count ?? 0;
    const particles = container.particleChildren;
    while (particles.length < count) particles.push(new Particle({ texture, anchorX: 0.5, anchorY: 0.5 }));
    particles.length = count;
    if (!set) continue;
    const xs = set.columns[spec.x];
    const ys = set.columns[spec.y];
    const rule = spec.color;
    const categories = rule.kind === 'category' ? set.columns[rule.column] : null;
    const palette = rule.kind === 'category' && rule.palette ? rule.palette.map(colorNumber) : PALETTE;
    const fixed = rule.kind === 'fixed' ? colorNumber(rule.color) : 0;
    const other = rule.kind === 'category' ? colorNumber(rule.otherColor) : 0;
    const size = (2 * spec.size) / SHAPE_PX;
    for (let i = 0; i < count; i++) {
      const p = particles[i];
      p.x = offsetX + (xs[i] - minX) * scale;
      // World y grows upwards, as in NetLogo.
      p.y = height - offsetY - (ys[i] - minY) * scale;
      p.scaleX = size;
      p.scaleY = size;
      let tint = fixed;
      if (categories) {
        const c = categories[i];
        tint = c >= 0 && c < palette.length ? palette[c] : other;
      } else if (rule.kind === 'index') tint = PALETTE[i % PALETTE.length];
      p.tint = tint;
    }
    container.update();
  }
}

export function AgentView({ portrayal, label }: { portrayal: Portrayal; label: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current!;
    const app = new Application();
    let disposed = false;
    let unsubscribe = () => {};
    // IMPORTANT: init is async; under StrictMode the cleanup may run first, so destroy only
    // after init settles.
    const ready = app
      .init({ resizeTo: element, background: portrayal.background, antialias: true, preference: 'webgl', autoDensity: true, resolution: window.devicePixelRatio || 1 })
      .then(() => {
        if (disposed) return;
        app.canvas.setAttribute('aria-hidden', 'true');
        element.appendChild(app.canvas);
        const layers: Layer[] = portrayal.layers.map((spec) => {
          const container = new ParticleContainer<Particle>({ dynamicProperties: { position: true, color: true, vertex: true } });
          app.stage.addChild(container);
          return { spec, container, texture: shapeTexture(app, spec.shape) };
        });
        let dirty = true;
        unsubscribe = subscribeFrames(() => (dirty = true));
        app.renderer.on('resize', () => (dirty = true));
        app.ticker.add(() => {
          const frame = latestFrame();
          if (!dirty || !frame) return;
          dirty = false;
          draw(app, layers, portrayal, frame);
        });
      });
    return () => {
      disposed = true;
      unsubscribe();
      void ready.then(() => app.destroy(true, { children: true, texture: true }));
    };
  }, [portrayal]);

  return <div ref={host} className="agent-view" role="img" aria-label={label} />;
}
