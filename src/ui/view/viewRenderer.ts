/**
 * The agent view's renderer: draws every layer of the model's portrayal from the newest frame
 * with Pixi, on a canvas of the page or on an OffscreenCanvas in the render worker (one
 * implementation for both). Each layer is one ParticleContainer (one draw call, fast for 100k
 * agents) whose particles share a white texture of the layer's shape and are tinted per agent.
 */
// IMPORTANT: without it pixi compiles shaders with `new Function`, which the app's
// Content-Security-Policy (no eval) forbids, and the canvas stays blank.
import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics, Particle, ParticleContainer, Text, Texture, type ICanvas } from 'pixi.js';
import { CATEGORY_PALETTE, type Arrangement, type LayerPortrayal, type Portrayal } from '../../core/model';
import { AGGREGATE_ABOVE, binAgents, paletteOf } from '../aggregate';
import { inspectedMark, screenMapping } from '../viewGeometry';
import { agentPositions, type Positions } from './arrangement';
import { formatPercent, numberFormat } from '../../i18n/format';
import { FONT_STACK } from '../fontStack';
import { Glide } from './glide';
import { namesFit, placeLabels, type Box, type Offset } from './labelLayout';
import { VIEW_PADDING, type Camera, type LabelBox, type ViewFrame, type ViewSize } from './viewTypes';

const PALETTE = CATEGORY_PALETTE.map((c) => parseInt(c.slice(1), 16));
/** Texture size of one shape; particles are scaled down from it. */
const SHAPE_PX = 32;
/** Redraws per second at most: enough to follow a run, light enough for software WebGL. */
const RENDER_FPS = 20;

type AgentSet = ViewFrame['agents'][string];

function colorNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}

function shapeTexture(app: Application, shape: LayerPortrayal['shape'] | 'ring'): Texture {
  const g = new Graphics();
  const r = SHAPE_PX / 2;
  if (shape === 'circle') g.circle(r, r, r).fill(0xffffff);
  else if (shape === 'ring') g.circle(r, r, r - 2).stroke({ color: 0xffffff, width: 4 });
  else if (shape === 'square') g.rect(0, 0, SHAPE_PX, SHAPE_PX).fill(0xffffff);
  // Pointing east (rotation 0), with a notch at its tail so its direction reads even when small.
  else if (shape === 'arrow') g.poly([0, 2, SHAPE_PX, r, 0, SHAPE_PX - 2, SHAPE_PX / 4, r]).fill(0xffffff);
  else {
    // A cross with a thin dark outline so it reads on any background and over any point.
    const w = SHAPE_PX / 4;
    g.poly([
      0,
      w,
      w,
      0,
      r,
      r - w,
      SHAPE_PX - w,
      0,
      SHAPE_PX,
      w,
      r + w,
      r,
      SHAPE_PX,
      SHAPE_PX - w,
      SHAPE_PX - w,
      SHAPE_PX,
      r,
      r + w,
      w,
      SHAPE_PX,
      0,
      SHAPE_PX - w,
      r - w,
      r,
    ])
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

interface Placement {
  readonly minX: number;
  readonly minY: number;
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly width: number;
  readonly height: number;
}

const LABEL_STYLE = { fontFamily: FONT_STACK, fontSize: 12, fill: 0x1d232b, align: 'center' } as const;
const labelStyle = (scale: number) => ({ ...LABEL_STYLE, fontSize: 12 * scale });

function boxOf(text: Text): Box {
  const left = text.x - text.width * text.anchor.x;
  const top = text.y - text.height * text.anchor.y;
  return { left, top, right: left + text.width, bottom: top + text.height };
}

/** Sizes tried for agent labels, largest first, until every label finds room on the canvas. */
const LABEL_FITS = [1, 0.85, 0.7, 0.55];

/** A label on two lines, its value under its name: half as wide, for neighbours too close for one line. */
const twoLines = (text: string) => text.replace(/ (?=\S+$)/, '\n');

/** The marks of the agents that carry labels (vendors' squares, suppliers' crosses): labels keep off them. */
function labelledMarks(layers: readonly Layer[]): Box[] {
  return layers
    .filter((l) => l.spec.agentLabels && l.labels.children.length > 0)
    .flatMap((l) =>
      l.container.particleChildren.map((p) => {
        const r = (p.scaleX * SHAPE_PX) / 2;
        return { left: p.x - r, top: p.y - r, right: p.x + r, bottom: p.y + r };
      }),
    );
}

/**
 * Moves each agent label (placed beside its agent by `draw`) clear of the area names, the
 * labelled agents' marks and the labels placed before it, at the largest size where all fit in
 * width × height stepping away from their agents (on one line, else on two); failing that, at the
 * smallest size, stepping either way; a label that finds no room even then is hidden (see
 * labelLayout.ts).
 */
function layoutLabels(names: readonly Text[], layers: readonly Layer[], width: number, height: number): void {
  const labels = layers.flatMap((l) => l.labels.children as Text[]);
  const fixed = [...names.map(boxOf), ...labelledMarks(layers)];
  const home = labels.map((text) => ({ x: text.x, y: text.y }));
  const oneLine = labels.map((text) => text.text);
  let offsets: (Offset | null)[] = [];
  const smallest = LABEL_FITS.at(-1)!;
  const attempts = [
    ...LABEL_FITS.flatMap((fit) => [false, true].map((wrap) => ({ fit, wrap, flip: false }))),
    ...[false, true].map((wrap) => ({ fit: smallest, wrap, flip: true })),
  ];
  for (const { fit, wrap, flip } of attempts) {
    labels.forEach((text, i) => {
      text.text = wrap ? twoLines(oneLine[i]) : oneLine[i];
      text.scale.set(fit);
    });
    const requests = labels.map((text) => ({ box: boxOf(text), up: text.anchor.y === 1 }));
    offsets = placeLabels(fixed, requests, width, height, flip);
    if (offsets.every((o) => o !== null)) break;
  }
  labels.forEach((text, i) => {
    const offset = offsets[i];
    text.visible = offset !== null;
    text.x = home[i].x + (offset?.dx ?? 0);
    text.y = home[i].y + (offset?.dy ?? 0);
  });
}

/** An agent's label: its name, and its value written the way of `locale` (the page's: the worker has none). */
function labelText(spec: LayerPortrayal, i: number, set: AgentSet, locale: string): string {
  const labels = spec.agentLabels!;
  const base = labels.texts[i] ?? '';
  if (!labels.valueColumn) return base;
  const v = set.columns[labels.valueColumn]?.[i] ?? 0;
  const value =
    labels.format === 'percent'
      ? formatPercent(v, 1, locale)
      : numberFormat({ maximumFractionDigits: 0 }, locale).format(v);
  return `${base} ${value}`;
}

/** Where the world lies on the canvas at zoom 1, in CSS pixels (as picking measures it). */
function placement(app: Application, portrayal: Portrayal): Placement {
  // IMPORTANT: in Pixi 8 `renderer.width` is in CSS pixels already (the canvas holds width ×
  // resolution device pixels); dividing by the resolution again drew the world at half size at DPR 2.
  const width = app.renderer.width;
  const height = app.renderer.height;
  const { scale, offsetX, offsetY } = screenMapping(portrayal, width, height, VIEW_PADDING);
  return { minX: portrayal.bounds.minX, minY: portrayal.bounds.minY, scale, offsetX, offsetY, width, height };
}

/** World → screen at zoom 1; world y grows upwards, as in NetLogo. (The per-agent loop of `draw` inlines the same.) */
const screenX = (m: Placement, x: number) => m.offsetX + (x - m.minX) * m.scale;
const screenY = (m: Placement, y: number) => m.height - m.offsetY - (y - m.minY) * m.scale;

/** Draws every layer of `frame`, each layer's agents at `positions[layer]` (world coordinates). */
function draw(
  layers: readonly Layer[],
  frame: ViewFrame,
  m: Placement,
  textScale: number,
  locale: string,
  positions: readonly (Positions | null)[],
): void {
  const { minX, minY, scale, offsetX, offsetY, height } = m;
  for (const [l, layer] of layers.entries()) {
    const { spec, container, texture, rings, ringTexture, labels } = layer;
    const set = frame.agents[spec.agents];
    if (set && set.count > AGGREGATE_ABOVE) {
      drawAggregated(layer, set, m, positions[l]!);
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
    const { xs, ys } = positions[l]!;
    const headingX = spec.heading ? set.columns[spec.heading.x] : null;
    const headingY = spec.heading ? set.columns[spec.heading.y] : null;
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
      // Screen y grows downwards, world y upwards.
      if (headingX) p.rotation = Math.atan2(-headingY![i], headingX[i]);
      p.alpha = alphas ? 0.15 + 0.85 * alphas[i] : 1;
      if (eventKinds && eventKinds[i] > 0 && frame.tick - eventTicks![i] <= highlight!.withinTicks) {
        const ring = new Particle({
          texture: ringTexture,
          anchorX: 0.5,
          anchorY: 0.5,
          x: p.x,
          y: p.y,
          scaleX: size * 2,
          scaleY: size * 2,
        });
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
      while (labels.children.length < count)
        labels.addChild(
          new Text({ text: '', style: labelStyle(textScale), anchor: { x: 0.5, y: spec.agentLabels.above ? 1 : 0 } }),
        );
      while (labels.children.length > count) labels.removeChildAt(labels.children.length - 1).destroy();
      for (let i = 0; i < count; i++) {
        const text = labels.children[i] as Text;
        text.text = labelText(spec, i, set, locale);
        text.x = particles[i].x;
        // Beside the agent; layoutLabels moves it further where it would overlap another.
        const gap = 4 + (spec.sizeBy ? particles[i].scaleY * (SHAPE_PX / 2) : spec.size);
        text.y = spec.agentLabels.above ? particles[i].y - gap : particles[i].y + gap;
      }
    }
  }
}

/** Draws a crowded layer as cells coloured by the majority category (see aggregate.ts). */
function drawAggregated(
  { spec, container, squareTexture, rings, labels }: Layer,
  set: AgentSet,
  m: Placement,
  { xs, ys }: Positions,
): void {
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
  const other =
    rule.kind === 'category'
      ? colorNumber(rule.otherColor)
      : rule.kind === 'fixed'
        ? colorNumber(rule.color)
        : PALETTE[0];
  const particles = container.particleChildren;
  particles.length = 0;
  const size = cellPx / SHAPE_PX;
  for (const cell of cells) {
    const p = new Particle({
      texture: squareTexture,
      anchorX: 0.5,
      anchorY: 0.5,
      x: cell.x,
      y: cell.y,
      scaleX: size,
      scaleY: size,
    });
    p.tint = cell.category >= 0 ? palette[cell.category] : other;
    particles.push(p);
  }
  container.update();
  rings.particleChildren.length = 0;
  rings.update();
  labels.removeChildren().forEach((c) => c.destroy());
}

/** The colour of the ring around the inspected agent and its linked agents. */
const INSPECTED_COLOR = 0x1d232b;

/** A ring around the agent open in the inspector and lines to its linked agents (see LayerPortrayal.links). */
function drawInspected(
  target: Graphics,
  portrayal: Portrayal,
  frame: ViewFrame,
  m: Placement,
  positions: readonly (Positions | null)[],
): void {
  target.clear();
  const mark = inspectedMark(portrayal, frame, (layer) => positions[layer]!);
  if (!mark) return;
  const spec = portrayal.layers[mark.layer];
  const sx = (x: number) => screenX(m, x);
  const sy = (y: number) => screenY(m, y);
  const x = sx(mark.x);
  const y = sy(mark.y);
  if (mark.linked.length > 0) {
    for (let k = 0; k < mark.linked.length; k += 2)
      target.moveTo(x, y).lineTo(sx(mark.linked[k]), sy(mark.linked[k + 1]));
    target.stroke({ width: 1.5, color: colorNumber(spec.links!.color), alpha: 0.85 });
    for (let k = 0; k < mark.linked.length; k += 2)
      target.circle(sx(mark.linked[k]), sy(mark.linked[k + 1]), spec.size + 2);
    target.stroke({ width: 1.5, color: colorNumber(spec.links!.color) });
  }
  target.circle(x, y, spec.size + 4).stroke({ width: 2.5, color: INSPECTED_COLOR });
}

/** Area names and other fixed texts; they arrive translated in the portrayal. */
function drawAnnotations(target: Container, portrayal: Portrayal, m: Placement, textScale: number): void {
  target.removeChildren().forEach((c) => c.destroy());
  for (const a of portrayal.annotations ?? []) {
    const text = new Text({
      text: a.text,
      style: { ...LABEL_STYLE, fontSize: 14 * textScale, fontWeight: '600', fill: 0x5b6470 },
      anchor: { x: 0.5, y: 1 },
    });
    text.x = screenX(m, a.x);
    text.y = screenY(m, a.y);
    target.addChild(text);
  }
  // Names too wide for the canvas (a small view, or presenter mode's large type) shrink until they clear each other.
  const names = target.children as Text[];
  const fit = namesFit(names.map(boxOf));
  for (const text of names) text.scale.set(fit);
}

export interface ViewRenderer {
  /** Which Pixi renderer draws: 'webgl', or a slower fallback where WebGL is missing. */
  readonly kind: string;
  /** Draws `frame` at the next render; the renderer keeps it (don't change its arrays). */
  setFrame(frame: ViewFrame): void;
  setCamera(camera: Camera): void;
  setArrangement(arrangement: Arrangement): void;
  resize(size: ViewSize): void;
  destroy(): void;
}

/** Every text shown (area names and agent labels) where it lies at zoom 1, for tests to check none overlap. */
function labelBoxes(texts: readonly Text[]): LabelBox[] {
  return texts.filter((text) => text.visible).map((text) => ({ text: text.text, ...boxOf(text) }));
}

/** Frame pacing that exists on the main thread and, in Chromium and Firefox, in workers. */
const nextFrame: (fn: (now: number) => void) => number =
  typeof requestAnimationFrame === 'function'
    ? (fn) => requestAnimationFrame(fn)
    : (fn) => setTimeout(() => fn(performance.now()), 16) as unknown as number;
const cancelFrame: (handle: number) => void =
  typeof cancelAnimationFrame === 'function' ? (h) => cancelAnimationFrame(h) : (h) => clearTimeout(h);

/**
 * Starts Pixi on `canvas`: a canvas of the page, or an OffscreenCanvas in a worker (after
 * `DOMAdapter.set(WebWorkerAdapter)`). `onDrawn` is called after each render that showed a new
 * frame: the moment to hand over the next one. Rejects where no renderer can start.
 */
export async function createViewRenderer(
  canvas: ICanvas,
  portrayal: Portrayal,
  size: ViewSize,
  camera: Camera,
  arrangement: Arrangement,
  locale: string,
  onDrawn: (labels: readonly LabelBox[]) => void,
): Promise<ViewRenderer> {
  const app = new Application();
  await app.init({
    canvas,
    width: size.width,
    height: size.height,
    resolution: size.resolution,
    background: portrayal.background,
    antialias: false,
    autoStart: false,
    preference: 'webgl',
  });
  // Pan and zoom move one container holding every layer.
  const world = new Container();
  app.stage.addChild(world);
  const annotations = new Container();
  world.addChild(annotations);
  const ringTexture = shapeTexture(app, 'ring');
  const squareTexture = shapeTexture(app, 'square');
  const layers: Layer[] = portrayal.layers.map((spec) => {
    const container = new ParticleContainer<Particle>({
      dynamicProperties: { position: true, color: true, vertex: true, rotation: spec.heading !== undefined },
    });
    const rings = new ParticleContainer<Particle>({ dynamicProperties: { position: true, color: true, vertex: true } });
    const labels = new Container();
    world.addChild(rings, container, labels);
    return { spec, container, texture: shapeTexture(app, spec.shape), rings, ringTexture, labels, squareTexture };
  });
  const inspected = new Graphics();
  world.addChild(inspected);
  // Layers that can change arrangement glide between places; the others move as the model moves them.
  const glides = portrayal.layers.map((spec) => (spec.grouping ? new Glide() : null));

  // Pixi's ticker would redraw the whole scene on every display frame, even when nothing
  // changed; without a GPU (software WebGL) each redraw is costly, so the view renders only
  // when a frame arrived, the camera moved, the size changed or agents glide, and at most RENDER_FPS.
  let textScale = size.textScale ?? 1;
  let frame: ViewFrame | null = null;
  /** The tick last drawn: a smaller one is a new run, whose agents do not glide from the old run's places. */
  let drawnTick = -1;
  let frameDirty = false;
  let layoutDirty = true;
  let gliding = false;
  let needsRender = true;
  let lastRender = -Infinity;
  const applyCamera = (c: Camera) => {
    world.position.set(c.x, c.y);
    world.scale.set(c.zoom);
  };
  applyCamera(camera);
  /** Where each layer's agents are shown now, advancing the glides by `ms`. */
  const place = (current: ViewFrame, ms: number): (Positions | null)[] => {
    const snap = current.tick < drawnTick;
    drawnTick = current.tick;
    gliding = false;
    return portrayal.layers.map((spec, l) => {
      const set = current.agents[spec.agents];
      if (!set) return null;
      const target = agentPositions(spec, set, arrangement);
      const glide = glides[l];
      // A crowd drawn as cells does not glide: it would cost a pass over every agent per render.
      if (!glide || set.count > AGGREGATE_ABOVE) return target;
      const shown = glide.step(target, set.count, ms, snap);
      gliding ||= shown.moving;
      return shown;
    });
  };
  const loop = (now: number) => {
    animation = nextFrame(loop);
    if (!needsRender || now - lastRender < 1000 / RENDER_FPS - 2) return;
    const m = placement(app, portrayal);
    if (layoutDirty) drawAnnotations(annotations, portrayal, m, textScale);
    const newPicture = (frameDirty || layoutDirty) && frame !== null;
    if (frame !== null && (newPicture || gliding)) {
      const positions = place(frame, Math.min(now - lastRender, 2000 / RENDER_FPS));
      draw(layers, frame, m, textScale, locale, positions);
      layoutLabels(annotations.children as Text[], layers, m.width, m.height);
      drawInspected(inspected, portrayal, frame, m, positions);
    }
    layoutDirty = frameDirty = false;
    needsRender = gliding;
    app.render();
    lastRender = now;
    if (newPicture)
      onDrawn(labelBoxes([...(annotations.children as Text[]), ...layers.flatMap((l) => l.labels.children as Text[])]));
  };
  let animation = nextFrame(loop);

  return {
    kind: app.renderer.name,
    setFrame(next) {
      frame = next;
      frameDirty = needsRender = true;
    },
    setCamera(c) {
      applyCamera(c);
      needsRender = true;
    },
    setArrangement(next) {
      arrangement = next;
      // Everyone glides from the old arrangement to the new.
      layoutDirty = needsRender = true;
    },
    resize(s) {
      app.renderer.resize(s.width, s.height, s.resolution);
      if ((s.textScale ?? 1) !== textScale) {
        textScale = s.textScale ?? 1;
        // Labels are made again at the new size.
        for (const layer of layers) layer.labels.removeChildren().forEach((c) => c.destroy());
      }
      layoutDirty = needsRender = true;
    },
    destroy() {
      cancelFrame(animation);
      app.destroy({ removeView: false }, { children: true, texture: true });
    },
  };
}
