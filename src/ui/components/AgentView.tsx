/**
 * The agent view: draws every layer of the model's portrayal from the newest frame with Pixi.
 * Each layer is one ParticleContainer (one draw call, fast for 100k agents) whose particles
 * share a white texture of the layer's shape and are tinted per agent.
 */
import { useEffect, useRef, useState } from 'react';
// IMPORTANT: without it pixi compiles shaders with `new Function`, which the app's
// Content-Security-Policy (no eval) forbids, and the canvas stays blank.
import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics, Particle, ParticleContainer, Text, Texture } from 'pixi.js';
import { CATEGORY_PALETTE, type LayerPortrayal, type Portrayal } from '../../core/model';
import type { FrameMessage } from '../../worker/protocol';
import { t } from '../../i18n';
import { latestFrame, subscribeFrames } from '../frameBus';
import { inspect } from '../session';
import { agentAt, screenMapping, type Hit } from '../viewGeometry';
import { AGGREGATE_ABOVE, binAgents, paletteOf } from '../aggregate';

const PALETTE = CATEGORY_PALETTE.map((c) => parseInt(c.slice(1), 16));
const PADDING = 12;
/** Texture size of one shape; particles are scaled down from it. */
const SHAPE_PX = 32;

function colorNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}

function shapeTexture(app: Application, shape: LayerPortrayal['shape'] | 'ring'): Texture {
  const g = new Graphics();
  const r = SHAPE_PX / 2;
  if (shape === 'circle') g.circle(r, r, r).fill(0xffffff);
  else if (shape === 'ring') g.circle(r, r, r - 2).stroke({ color: 0xffffff, width: 4 });
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
  /** Rings around agents with a recent event (see LayerPortrayal.highlight). */
  readonly rings: ParticleContainer<Particle>;
  readonly ringTexture: Texture;
  /** Text labels per agent (agentLabels). */
  readonly labels: Container;
  /** Cells of an aggregated layer are squares. */
  readonly squareTexture: Texture;
}

const LABEL_STYLE = { fontFamily: 'system-ui, sans-serif', fontSize: 12, fill: 0x1d232b } as const;

function labelText(spec: LayerPortrayal, i: number, set: FrameMessage['agents'][string]): string {
  const labels = spec.agentLabels!;
  const base = labels.texts[i] ?? '';
  if (!labels.valueColumn) return base;
  const v = set.columns[labels.valueColumn]?.[i] ?? 0;
  return `${base} ${labels.format === 'percent' ? `${(100 * v).toFixed(1)}%` : Math.round(v).toLocaleString('en')}`;
}

function draw(app: Application, layers: readonly Layer[], portrayal: Portrayal, frame: FrameMessage): void {
  const { minX, minY } = portrayal.bounds;
  const width = app.renderer.width / app.renderer.resolution;
  const height = app.renderer.height / app.renderer.resolution;
  const { scale, offsetX, offsetY } = screenMapping(portrayal, width, height, PADDING);
  for (const layer of layers) {
    const { spec, container, texture, rings, ringTexture, labels } = layer;
    const set = frame.agents[spec.agents];
    if (set && set.count > AGGREGATE_ABOVE) {
      drawAggregated(layer, set, { minX, minY, scale, offsetX, offsetY, width, height });
      continue;
    }
    const count = set?.count ?? 0;
    const particles = container.particleChildren;
    // Back from an aggregated frame: drop the cell squares.
    if (particles.length > 0 && particles[0].texture !== texture) particles.length = 0;
    while (particles.length < count) particles.push(new Particle({ texture, anchorX: 0.5, anchorY: 0.5 }));
    particles.length = count;
    rings.particleChildren.length = 0;
    if (!set) continue;
    const sizeColumn = spec.sizeBy ? set.columns[spec.sizeBy.column] : null;
    const alphas = spec.alphaColumn ? set.columns[spec.alphaColumn] : null;
    const highlight = spec.highlight;
    const eventKinds = highlight ? set.columns[highlight.kindColumn] : null;
    const eventTicks = highlight ? set.columns[highlight.tickColumn] : null;
    const ringColors = highlight ? highlight.colors.map((c) => (c ? colorNumber(c) : 0)) : [];
    const xs = set.columns[spec.x];
    const ys = set.columns[spec.y];
    const rule = spec.color;
    const categories = rule.kind === 'category' ? set.columns[rule.column] : null;
    const palette = rule.kind === 'category' && rule.palette ? rule.palette.map(colorNumber) : PALETTE;
    const fixed = rule.kind === 'fixed' ? colorNumber(rule.color) : 0;
    const other = rule.kind === 'category' ? colorNumber(rule.otherColor) : 0;
    const baseSize = (2 * spec.size) / SHAPE_PX;
    for (let i = 0; i < count; i++) {
      const p = particles[i];
      p.x = offsetX + (xs[i] - minX) * scale;
      // World y grows upwards, as in NetLogo.
      p.y = height - offsetY - (ys[i] - minY) * scale;
      const size = sizeColumn ? baseSize * (1 + spec.sizeBy!.growth * sizeColumn[i]) : baseSize;
      p.scaleX = size;
      p.scaleY = size;
      p.alpha = alphas ? 0.15 + 0.85 * alphas[i] : 1;
      if (eventKinds && eventKinds[i] > 0 && frame.tick - eventTicks![i] <= highlight!.withinTicks) {
        const ring = new Particle({ texture: ringTexture, anchorX: 0.5, anchorY: 0.5, x: p.x, y: p.y, scaleX: size * 2, scaleY: size * 2 });
        ring.tint = ringColors[eventKinds[i]] ?? 0;
        rings.particleChildren.push(ring);
      }
      let tint = fixed;
      if (categories) {
        const c = categories[i];
        tint = c >= 0 && c < palette.length ? palette[c] : other;
      } else if (rule.kind === 'index') tint = PALETTE[i % PALETTE.length];
      p.tint = tint;
    }
    container.update();
    rings.update();
    if (spec.agentLabels) {
      while (labels.children.length < count) labels.addChild(new Text({ text: '', style: LABEL_STYLE, anchor: { x: 0.5, y: 0 } }));
      while (labels.children.length > count) labels.removeChildAt(labels.children.length - 1).destroy();
      for (let i = 0; i < count; i++) {
        const text = labels.children[i] as Text;
        text.text = labelText(spec, i, set);
        text.x = particles[i].x;
        // Alternate rows so that neighbours' labels do not overlap.
        text.y = particles[i].y + 12 + spec.size + (i % 2) * 14;
      }
    }
  }
}

/** Draws a crowded layer as cells coloured by the majority category (see aggregate.ts). */
function drawAggregated(
  { spec, container, squareTexture, rings, labels }: Layer,
  set: FrameMessage['agents'][string],
  m: { minX: number; minY: number; scale: number; offsetX: number; offsetY: number; width: number; height: number },
): void {
  const xs = set.columns[spec.x];
  const ys = set.columns[spec.y];
  const rule = spec.color;
  const palette = paletteOf(rule, PALETTE);
  const categories = rule.kind === 'category' ? set.columns[rule.column] : null;
  const cellPx = 4;
  const cells = binAgents(
    set.count,
    (i) => m.offsetX + (xs[i] - m.minX) * m.scale,
    (i) => m.height - m.offsetY - (ys[i] - m.minY) * m.scale,
    categories,
    palette.length,
    m.width,
    m.height,
    cellPx,
  );
  const other = rule.kind === 'category' ? colorNumber(rule.otherColor) : rule.kind === 'fixed' ? colorNumber(rule.color) : PALETTE[0];
  const particles = container.particleChildren;
  particles.length = 0;
  const size = cellPx / SHAPE_PX;
  for (const cell of cells) {
    const p = new Particle({ texture: squareTexture, anchorX: 0.5, anchorY: 0.5, x: cell.x, y: cell.y, scaleX: size, scaleY: size });
    p.tint = cell.category >= 0 ? palette[cell.category] : other;
    particles.push(p);
  }
  container.update();
  rings.particleChildren.length = 0;
  rings.update();
  labels.removeChildren().forEach((c) => c.destroy());
}

function drawAnnotations(app: Application, target: Container, portrayal: Portrayal): void {
  target.removeChildren().forEach((c) => c.destroy());
  const { minX, minY } = portrayal.bounds;
  const width = app.renderer.width / app.renderer.resolution;
  const height = app.renderer.height / app.renderer.resolution;
  const { scale, offsetX, offsetY } = screenMapping(portrayal, width, height, PADDING);
  for (const a of portrayal.annotations ?? []) {
    const text = new Text({ text: a.text, style: { ...LABEL_STYLE, fontSize: 14, fontWeight: '600', fill: 0x5b6470 }, anchor: { x: 0.5, y: 1 } });
    text.x = offsetX + (a.x - minX) * scale;
    text.y = height - offsetY - (a.y - minY) * scale;
    target.addChild(text);
  }
}

/** Redraws per second at most: enough to follow a run, light enough for software WebGL. */
const RENDER_FPS = 20;

/** Zoom limits of the view. */
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 40;

export function AgentView({ portrayal, label }: { portrayal: Portrayal; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const camera = useRef<Container | null>(null);
  /** Set when the picture is out of date (new frame, camera moved); the render loop clears it. */
  const needsRender = useRef(true);
  const [hover, setHover] = useState<(Hit & { x: number; y: number }) | null>(null);

  useEffect(() => {
    const element = host.current!;
    const app = new Application();
    let disposed = false;
    let unsubscribe = () => {};
    let animation = 0;
    // IMPORTANT: init is async; under StrictMode the cleanup may run first, so destroy only
    // after init settles.
    const ready = app
      .init({ resizeTo: element, background: portrayal.background, antialias: false, autoStart: false, preference: 'webgl', autoDensity: true, resolution: window.devicePixelRatio || 1 })
      .then(() => {
        if (disposed) return;
        app.canvas.setAttribute('aria-hidden', 'true');
        element.appendChild(app.canvas);
        // Pan and zoom move one container holding every layer.
        const world = new Container();
        app.stage.addChild(world);
        camera.current = world;
        const annotations = new Container();
        world.addChild(annotations);
        const ringTexture = shapeTexture(app, 'ring');
        const squareTexture = shapeTexture(app, 'square');
        const layers: Layer[] = portrayal.layers.map((spec) => {
          const container = new ParticleContainer<Particle>({ dynamicProperties: { position: true, color: true, vertex: true } });
          const rings = new ParticleContainer<Particle>({ dynamicProperties: { position: true, color: true, vertex: true } });
          const labels = new Container();
          world.addChild(rings, container, labels);
          return { spec, container, texture: shapeTexture(app, spec.shape), rings, ringTexture, labels, squareTexture };
        });
        // Pixi's ticker would redraw the whole scene on every display frame, even when nothing
        // changed; without a GPU (software WebGL) each redraw blocks the main thread, so the
        // view renders only when a frame arrived or the camera moved, and at most RENDER_FPS.
        let frameDirty = true;
        let layoutDirty = true;
        needsRender.current = true;
        let lastRender = -Infinity;
        unsubscribe = subscribeFrames(() => (frameDirty = needsRender.current = true));
        app.renderer.on('resize', () => (frameDirty = layoutDirty = needsRender.current = true));
        const loop = (now: number) => {
          animation = requestAnimationFrame(loop);
          if (!needsRender.current || now - lastRender < 1000 / RENDER_FPS - 2) return;
          const frame = latestFrame();
          if (layoutDirty) drawAnnotations(app, annotations, portrayal);
          layoutDirty = false;
          if (frameDirty && frame) draw(app, layers, portrayal, frame);
          frameDirty = false;
          app.render();
          needsRender.current = false;
          lastRender = now;
        };
        animation = requestAnimationFrame(loop);
      });
    return () => {
      disposed = true;
      cancelAnimationFrame(animation);
      camera.current = null;
      unsubscribe();
      void ready.then(() => app.destroy(true, { children: true, texture: true }));
    };
  }, [portrayal]);

  // ——— pan, zoom, hover and click ———
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const local = (e: { clientX: number; clientY: number }) => {
    const rect = host.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  /** The agent under a point of the element, in the camera's frame. */
  const hitAt = (x: number, y: number): Hit | null => {
    const world = camera.current;
    const frame = latestFrame();
    if (!world || !frame) return null;
    const rect = host.current!.getBoundingClientRect();
    return agentAt(portrayal, frame, rect.width, rect.height, PADDING, (x - world.x) / world.scale.x, (y - world.y) / world.scale.x, world.scale.x);
  };
  const zoomBy = (factor: number, x: number, y: number) => {
    const world = camera.current;
    if (!world) return;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, world.scale.x * factor));
    const k = zoom / world.scale.x;
    world.x = x - (x - world.x) * k;
    world.y = y - (y - world.y) * k;
    world.scale.set(zoom);
    needsRender.current = true;
  };
  const resetView = () => {
    camera.current?.position.set(0, 0);
    camera.current?.scale.set(1);
    needsRender.current = true;
  };
  const centre = () => {
    const rect = host.current!.getBoundingClientRect();
    return { x: rect.width / 2, y: rect.height / 2 };
  };
  return (
    <div className="agent-view-wrap">
      <div
        ref={host}
        className="agent-view"
        role="img"
        aria-label={label}
        onWheel={(e) => {
          const p = local(e);
          zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
        }}
        onPointerDown={(e) => {
          drag.current = { ...local(e), moved: false };
          (e.target as Element).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          const p = local(e);
          const d = drag.current;
          if (d && camera.current) {
            if (Math.abs(p.x - d.x) + Math.abs(p.y - d.y) > 3) d.moved = true;
            if (d.moved) {
              camera.current.x += p.x - d.x;
              camera.current.y += p.y - d.y;
              needsRender.current = true;
              d.x = p.x;
              d.y = p.y;
              setHover(null);
              return;
            }
          }
          const hit = hitAt(p.x, p.y);
          setHover(hit ? { ...hit, ...p } : null);
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) {
            const p = local(e);
            const hit = hitAt(p.x, p.y);
            inspect(hit ? { agents: hit.agents, id: hit.id } : null);
          }
        }}
        onPointerLeave={() => setHover(null)}
      >
        {hover && (
          <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
            {hover.label} #{hover.id}
          </div>
        )}
      </div>
      <div className="view-tools">
        <button type="button" onClick={() => zoomBy(1.5, centre().x, centre().y)}>
          {t('view.zoomIn')}
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5, centre().x, centre().y)}>
          {t('view.zoomOut')}
        </button>
        <button type="button" onClick={resetView}>
          {t('view.reset')}
        </button>
      </div>
    </div>
  );
}
