/**
 * The agent view's DOM side: pan, zoom, hover and click-to-inspect over a canvas that the view
 * renderer draws (in the render worker where it can, see view/viewClient.ts). Picking runs
 * here, on the newest frame the main thread keeps. Without a mouse, the view takes focus and the
 * arrow keys move a selection between agents, Enter inspects it, Escape closes the inspector.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Arrangement, Portrayal } from '../../core/model';
import { t } from '../../i18n';
import type { AgentRef } from '../../worker/protocol';
import { ARROWS, indexOf, nearestTo, nextInDirection, placedAgents, type PlacedAgents } from '../agentNavigation';
import { latestFrame, subscribeFrames } from '../frameBus';
import { inspect } from '../session';
import { useApp } from '../store';
import { cameraFor, keepCamera, setArrangement, setViewTextScale, useViewOptions } from '../viewOptions';
import { agentAt, type Hit } from '../viewGeometry';
import { createViewClient, type FrameSource, type ViewClient } from '../view/viewClient';
import { VIEW_PADDING, type Camera, type ViewSize } from '../view/viewTypes';

/** Zoom limits of the view. */
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 40;
const HOME: Camera = { x: 0, y: 0, zoom: 1 };

/**
 * Canvas text in presenter mode grows with the canvas, for the back of the room: normal size on
 * a canvas of this many CSS pixels, at most twice that on a large one.
 */
const TEXT_AT_SCALE_1 = 480;

function sizeOf(element: HTMLElement): ViewSize {
  const width = element.clientWidth;
  const height = element.clientHeight;
  const grown = Math.min(2, Math.max(1, Math.min(width, height) / TEXT_AT_SCALE_1));
  return {
    width,
    height,
    resolution: window.devicePixelRatio || 1,
    textScale: useApp.getState().presenter ? grown : 1,
  };
}

/** Tells the renderer the view's size, and the legend the size of the canvas text. */
function resizeView(client: ViewClient, element: HTMLElement): void {
  const size = sizeOf(element);
  client.resize(size);
  setViewTextScale(size.textScale ?? 1);
}

/** The chooser of the view's arrangement, where a layer of the model offers a grouped one. */
function ArrangementChooser({ portrayal }: { portrayal: Portrayal }) {
  const id = useId();
  const arrangement = useViewOptions((s) => s.arrangement);
  const layer = portrayal.layers.find((l) => l.grouping);
  if (!layer) return null;
  return (
    <span className="view-arrangement">
      <label htmlFor={id}>{t('view.arrange', { agents: layer.label.toLocaleLowerCase() })}</label>
      <select id={id} value={arrangement} onChange={(e) => setArrangement(e.target.value as Arrangement)}>
        <option value="scatter">{t('view.scattered')}</option>
        <option value="grouped">{layer.grouping!.label}</option>
      </select>
    </span>
  );
}

/** The world a view frames: its model and bounds. The camera is kept while it stays the same. */
const worldOf = (modelId: string, { minX, maxX, minY, maxY }: Portrayal['bounds']) =>
  `${modelId} ${minX} ${maxX} ${minY} ${maxY}`;

export function AgentView({
  modelId,
  portrayal,
  label,
  frames,
}: {
  modelId: string;
  portrayal: Portrayal;
  label: string;
  frames?: FrameSource;
}) {
  const world = worldOf(modelId, portrayal.bounds);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ViewClient | null>(null);
  const camera = useRef<Camera>(HOME);
  const [hover, setHover] = useState<(Hit & { x: number; y: number }) | null>(null);
  const hintId = useId();
  // The agent chosen with the arrow keys; drawn as a ring that follows it from frame to frame.
  const [selected, setSelected] = useState<(AgentRef & { label: string }) | null>(null);
  const [ring, setRing] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const element = host.current!;
    camera.current = cameraFor(world, HOME);
    const arrangement = useViewOptions.getState().arrangement;
    const client = createViewClient(element, portrayal, sizeOf(element), camera.current, arrangement, frames);
    view.current = client;
    setViewTextScale(sizeOf(element).textScale ?? 1);
    const resize = new ResizeObserver(() => resizeView(client, element));
    resize.observe(element);
    // Presenter mode scales the canvas text even where the view keeps its size.
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (s.presenter !== prev.presenter) resizeView(client, element);
    });
    const unsubscribeOptions = useViewOptions.subscribe((s, prev) => {
      if (s.arrangement !== prev.arrangement) client.setArrangement(s.arrangement);
    });
    return () => {
      unsubscribeOptions();
      unsubscribe();
      resize.disconnect();
      client.dispose();
      view.current = null;
    };
  }, [world, portrayal, frames]);

  // ——— pan, zoom, hover and click ———
  const moveCamera = (next: Camera) => {
    camera.current = next;
    keepCamera(world, next);
    view.current?.setCamera(next);
    if (selected) setRing(ringOf(selected));
  };
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const local = (e: { clientX: number; clientY: number }) => {
    const rect = host.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  /** The agent under a point of the element, in the camera's frame. */
  const hitAt = (x: number, y: number): Hit | null => {
    const frame = frames ? frames.latest() : latestFrame();
    if (!frame) return null;
    const { x: cx, y: cy, zoom } = camera.current;
    const { width, height } = sizeOf(host.current!);
    const { arrangement } = useViewOptions.getState();
    return agentAt(portrayal, frame, arrangement, width, height, VIEW_PADDING, (x - cx) / zoom, (y - cy) / zoom, zoom);
  };
  const zoomBy = (factor: number, x: number, y: number) => {
    const c = camera.current;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, c.zoom * factor));
    const k = zoom / c.zoom;
    moveCamera({ x: x - (x - c.x) * k, y: y - (y - c.y) * k, zoom });
  };
  const centre = () => {
    const rect = host.current!.getBoundingClientRect();
    return { x: rect.width / 2, y: rect.height / 2 };
  };

  // ——— the keyboard ———
  function placedNow(): PlacedAgents | null {
    const frame = latestFrame();
    if (!frame || !host.current) return null;
    const { width, height } = sizeOf(host.current);
    return placedAgents(portrayal, frame, useViewOptions.getState().arrangement, width, height, VIEW_PADDING);
  }
  /** Where `agent` is drawn now, in the element's pixels (null when it is gone). */
  function ringOf(agent: AgentRef, placed = placedNow()): { x: number; y: number } | null {
    const i = placed ? indexOf(placed, agent) : -1;
    if (!placed || i < 0) return null;
    const { x: cx, y: cy, zoom } = camera.current;
    return { x: placed.xs[i] * zoom + cx, y: placed.ys[i] * zoom + cy };
  }
  // The ring follows the selected agent as the run moves it.
  useEffect(() => (selected ? subscribeFrames(() => setRing(ringOf(selected))) : undefined));
  /** The first arrow starts at the inspected agent, else at the one nearest the middle of the view. */
  const startingAgent = (placed: PlacedAgents): number => {
    const inspected = useApp.getState().inspected;
    const at = inspected ? indexOf(placed, inspected) : -1;
    if (at >= 0) return at;
    const { x, y } = centre();
    const { x: cx, y: cy, zoom } = camera.current;
    return nearestTo(placed, (x - cx) / zoom, (y - cy) / zoom);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const direction = ARROWS[e.key];
    // Handled keys stop here: the page's shortcuts (→ steps the run, Esc leaves presenter mode) wait outside.
    if (direction) {
      e.preventDefault();
      e.stopPropagation();
      const placed = placedNow();
      if (!placed) return;
      const from = selected ? indexOf(placed, selected) : -1;
      const next = from < 0 ? startingAgent(placed) : nextInDirection(placed, from, direction);
      if (next < 0) return;
      setSelected(placed.refs[next]);
      setRing(ringOf(placed.refs[next], placed));
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      e.stopPropagation();
      inspect({ agents: selected.agents, id: selected.id });
    } else if (e.key === 'Escape' && (useApp.getState().inspected || selected)) {
      e.preventDefault();
      e.stopPropagation();
      if (useApp.getState().inspected) inspect(null);
      else setSelected(null);
    }
  };
  return (
    <div className="agent-view-wrap">
      <div
        ref={host}
        className="agent-view"
        role="img"
        aria-label={label}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setSelected(null)}
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
          if (d) {
            if (Math.abs(p.x - d.x) + Math.abs(p.y - d.y) > 3) d.moved = true;
            if (d.moved) {
              const c = camera.current;
              moveCamera({ ...c, x: c.x + p.x - d.x, y: c.y + p.y - d.y });
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
        {selected && ring && (
          <>
            <div className="agent-selection" style={{ left: ring.x, top: ring.y }} aria-hidden="true" />
            <div className="tooltip" style={{ left: ring.x + 14, top: ring.y + 14 }} aria-hidden="true">
              {selected.label} #{selected.id}
            </div>
          </>
        )}
      </div>
      <p id={hintId} className="visually-hidden">
        {t('view.keys')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selected ? t('view.selected', { label: selected.label, id: selected.id }) : ''}
      </p>
      <div className="view-tools">
        <button type="button" onClick={() => zoomBy(1.5, centre().x, centre().y)}>
          {t('view.zoomIn')}
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5, centre().x, centre().y)}>
          {t('view.zoomOut')}
        </button>
        <button type="button" onClick={() => moveCamera(HOME)}>
          {t('view.reset')}
        </button>
        <ArrangementChooser portrayal={portrayal} />
      </div>
    </div>
  );
}
