/**
 * The model-definition API. A model is one declaration: its parameters drive the controls,
 * codecs and CLI; its world declaration drives storage, snapshots, fingerprints and frames;
 * its reporters, plots and portrayal (plain data) drive the view; its info is its documentation.
 */
import { okabeIto } from './palette';
import type { ParamSchema, ParamValues } from './params';
import type { Rng } from './rng';
import type { World, WorldDecl } from './world';

/** What setup, step and reporters see besides the world. */
export interface ModelContext<P = Record<string, unknown>> {
  /** Current parameter values; live parameters may change between ticks. */
  readonly params: P;
  /** The run's randomness: draw from named substreams, e.g. `rng.stream('setup')`. */
  readonly rng: Rng;
  /** Ticks completed so far (0 during setup and the first step). */
  readonly tick: number;
  /**
   * Paths of the parameters changed live at this tick (its timed changes, see timedChanges.ts),
   * e.g. `vendors.2.strategy`, so a model can act on a change the day it is made.
   */
  readonly changed?: readonly string[];
}

/**
 * How a reporter's value reads: `percent` a fraction shown as a percentage, `money` an amount,
 * `count` a number of things, `plain` any other number. Display only: data stays raw.
 */
export type ReporterFormat = 'percent' | 'money' | 'count' | 'plain';

export interface ReporterDecl<D extends WorldDecl = WorldDecl, P = Record<string, unknown>> {
  /** Stable key, used in CLI JSON, CSV columns and plots (e.g. `square-deviation`). */
  readonly name: string;
  readonly label: string;
  readonly unit?: string;
  /** How monitors, plots, tooltips, experiments and expectations show the value. Default: `plain`. */
  readonly format?: ReporterFormat;
  /**
   * True when the value is itself a gap between two values of its format (e.g. direct buying
   * among high minus low scorers): a level of it reads as a change, 2.51 pp, not 2.51%.
   */
  readonly gap?: boolean;
  /**
   * What a missing value (null) counts as in an experiment's statistics, e.g. 0 for the share of
   * a seller not in the market. Default: undefined, a missing value is left out.
   */
  readonly missing?: number;
  /** The value now; null when undefined (e.g. a mean over no agents). */
  compute(world: World<D>, ctx: ModelContext<P>): number | null;
}

export interface PlotDecl {
  readonly id: string;
  readonly title: string;
  readonly unit?: string;
  /** Reporter names; a name ending in `*` takes every reporter with that prefix. */
  readonly series: readonly string[];
  /** Shown at once; other plots are one click away. Default: true. */
  readonly primary?: boolean;
  /** Plotted as the mean over the last this many ticks, so a noisy daily series shows its trend. */
  readonly average?: number;
}

/**
 * An analysis a model offers beyond the generic results views (e.g. a market's strategy report).
 * The UI renders the view registered for the model under `id` where `on` says; a model that
 * declares none gets none.
 */
export interface AnalysisDecl {
  /** kebab-case, unique within the model; names the view that renders it. */
  readonly id: string;
  readonly title: string;
  /** `experiment`: beside an experiment's results; `expectations`: on the expectations page. */
  readonly on: 'experiment' | 'expectations';
}

/** The Okabe–Ito colours, all eight, in the order categories take them. */
export const CATEGORY_PALETTE = okabeIto('blue', 'orange', 'green', 'pink', 'sky', 'vermilion', 'yellow', 'black');

export type ColorRule =
  | { readonly kind: 'fixed'; readonly color: string }
  /**
   * Colour by an integer column through `palette` (default CATEGORY_PALETTE); values outside
   * the palette (e.g. −1) take `otherColor`.
   */
  | {
      readonly kind: 'category';
      readonly column: string;
      readonly otherColor: string;
      readonly palette?: readonly string[];
    }
  /** Colour by the agent's index in its set. */
  | { readonly kind: 'index' };

export interface LayerPortrayal {
  readonly agents: string;
  readonly x: string;
  readonly y: string;
  /** An arrow points along `heading`. */
  readonly shape: 'circle' | 'square' | 'cross' | 'arrow';
  /** The direction an arrow points: a vector from these columns (world axes, y upwards). */
  readonly heading?: { readonly x: string; readonly y: string };
  /** Radius in screen pixels at zoom 1. */
  readonly size: number;
  /** Radius grows with this column (0…1): size × (1 + growth × value). */
  readonly sizeBy?: { readonly column: string; readonly growth: number };
  /** Opacity from this column (0…1), e.g. a supplier dimmed by a shock. */
  readonly alphaColumn?: string;
  readonly color: ColorRule;
  /** Accessible name of the layer, e.g. "Data points". */
  readonly label: string;
  /** A text label per agent (by index), with an optional live value from a column. */
  readonly agentLabels?: {
    readonly texts: readonly string[];
    readonly valueColumn?: string;
    readonly format?: 'percent' | 'integer';
    /** Above the agent instead of below it (e.g. where area names lie below). */
    readonly above?: boolean;
  };
  /**
   * Recent events drawn as a ring around the agent: `kindColumn` (0 = none) indexes `colors`,
   * shown while the tick is at most `withinTicks` after `tickColumn`.
   */
  readonly highlight?: {
    readonly tickColumn: string;
    readonly kindColumn: string;
    readonly withinTicks: number;
    readonly colors: readonly string[];
  };
  /**
   * Network links: each agent's linked agents of the same set, by index, in these columns (−1:
   * none). The view draws the links of the agent open in the inspector.
   */
  readonly links?: { readonly columns: readonly string[]; readonly color: string };
  /**
   * The inspector's fields a student reads, in order, optionally renamed; every other column
   * (the model's internals) is behind "Details". Undefined: every column, in declared order.
   */
  readonly inspect?: readonly (string | { readonly column: string; readonly label: string })[];
  /**
   * A second arrangement the viewer may pick instead of x/y (a view choice; the model never
   * sees it): agents grouped into one block per value of `groupColumn` within each band.
   */
  readonly grouping?: LayerGrouping;
}

/** A world rectangle. */
interface Rect {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

/**
 * Agents grouped within bands (e.g. customers by seller within each industry), so that a group's
 * share of its band reads as area: each band is split top to bottom into one block per group, in
 * `order`, each block's height proportional to its agents; an agent keeps its place within its
 * band, scaled into its block (see ui/view/arrangement.ts).
 */
export interface LayerGrouping {
  /** Band of each agent: an index into `bands`. */
  readonly bandColumn: string;
  /** The bands' rectangles; an agent's x/y lie within its band's. */
  readonly bands: readonly Rect[];
  readonly groupColumn: string;
  /** The arrangement's name in the view's chooser, e.g. "grouped by seller". */
  readonly label: string;
  /** Values of `groupColumn` in block order, top first; values not listed come last. */
  readonly order: readonly number[];
}

/** A fixed text in world coordinates, e.g. the name of an area. */
interface Annotation {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** One mark of the view's legend, drawn as in the view, and what it stands for. */
export interface LegendItem {
  readonly mark: LayerPortrayal['shape'] | 'ring';
  readonly color: string;
  /** Drawn faint, as the view draws e.g. a vendor not yet in the market. */
  readonly faint?: boolean;
  readonly text: string;
}

/** A group of the view's legend, e.g. "Customers (dots), coloured by their seller". */
export interface LegendGroup {
  readonly title: string;
  readonly items: readonly LegendItem[];
  /** Shown only while the view shows this arrangement (see LayerPortrayal.grouping); default: always. */
  readonly arrangement?: Arrangement;
}

/** How the view places agents: where the model puts them, or grouped (LayerPortrayal.grouping). */
export type Arrangement = 'scatter' | 'grouped';

/** How a model looks, as plain data; the view turns it into drawing calls. */
export interface Portrayal {
  /** What the marks mean, shown beside the view; undefined = no legend. */
  readonly legend?: readonly LegendGroup[];
  /** World coordinates the view frames. */
  readonly bounds: Rect;
  readonly background: string;
  readonly layers: readonly LayerPortrayal[];
  readonly annotations?: readonly Annotation[];
}

/**
 * A text a model hands the UI at run time, in English; the UI translates it through
 * `tModel(modelId, path, english)` and fills its `{name}` placeholders from `vars`.
 */
export interface ModelText {
  readonly path: string;
  readonly english: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

/** Why an agent acts as it does, as a small table for the inspector (see ModelDefinition.explain). */
export interface Explanation {
  readonly title: ModelText;
  /** What a row is, e.g. "Seller": the header of the rows' label column. */
  readonly rowHeader: ModelText;
  readonly columns: readonly { readonly text: ModelText; readonly percent?: boolean }[];
  /** A row per alternative; a plain string label is the user's own name for it (e.g. a vendor's). */
  readonly rows: readonly {
    readonly label: ModelText | string;
    readonly values: readonly number[];
    readonly current?: boolean;
  }[];
  readonly notes: readonly ModelText[];
}

/** A folding section of parameter controls, e.g. "Supply". */
export interface ParamSection {
  readonly title: string;
  /** Parameter names; a name ending in `*` takes every parameter with that prefix. */
  readonly params: readonly string[];
  /** Open at first (the most used); default: folded. */
  readonly open?: boolean;
}

/** A ready scenario of a model, shown in the presets gallery. */
export interface Preset {
  /** kebab-case, unique within the model. */
  readonly id: string;
  readonly title: string;
  /** The question the scenario poses. */
  readonly question: string;
  /** What to watch while it runs. */
  readonly watch: string;
  readonly seed: number;
  /** Parameters that differ from the model's defaults. */
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * A change of an experiment's setting that a verdict should survive (another seed, another
 * population...), as the model declares it: see ModelDefinition.robustnessVariations.
 */
export interface SettingVariation {
  /** kebab-case, stable: names the variation in JSON output. */
  readonly id: string;
  /** Plain words, e.g. "half the customers". */
  readonly label: string;
  /** Another base seed; omitted: the experiment's. */
  readonly seed?: number;
  /** Parameters set on top of the experiment's base scenario. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Another horizon in ticks; omitted: the experiment's. */
  readonly horizon?: number;
}

export interface ModelDefinition<S extends ParamSchema, D extends WorldDecl> {
  /** kebab-case; appears in URLs and scenario files. */
  readonly id: string;
  /** Bump whenever behaviour changes: golden fingerprints and scenarios refer to it. */
  readonly version: number;
  readonly title: string;
  /** One sentence for menus and the CLI's help. */
  readonly summary: string;
  readonly params: S;
  readonly world: D;
  setup(world: World<D>, ctx: ModelContext<ParamValues<S>>): void;
  step(world: World<D>, ctx: ModelContext<ParamValues<S>>): void;
  /** The model's own stop condition (NetLogo's `stop`), checked before every step. */
  isDone?(world: World<D>, ctx: ModelContext<ParamValues<S>>): boolean;
  /** Ticks after which a run stops regardless; undefined = no horizon. */
  horizon?(params: ParamValues<S>): number | undefined;
  /** Fixed, or derived from the parameters (e.g. one reporter per row of a table parameter). */
  readonly reporters:
    | readonly ReporterDecl<D, ParamValues<S>>[]
    | ((params: ParamValues<S>) => readonly ReporterDecl<D, ParamValues<S>>[]);
  readonly plots: readonly PlotDecl[];
  readonly portrayal: (params: ParamValues<S>) => Portrayal;
  /** Extra top-level keys for the CLI's JSON output. */
  summaryJson?(world: World<D>, ctx: ModelContext<ParamValues<S>>): Record<string, unknown>;
  /** Documentation (Markdown) shown in the Info panel. */
  readonly info: string;
  /** "How to use it" and "Things to try" (Markdown), shown in the Info panel above the documentation. */
  readonly guide?: string;
  /** Ready scenarios; the first is the default scenario. */
  readonly presets?: readonly Preset[];
  /** Ticks in a year, for models whose tick is a calendar day: enables "Step a year" and dates. */
  readonly ticksPerYear?: number;
  /** Reporters shown as monitors beside the view (names; `prefix*` takes every match). */
  readonly monitors?: readonly string[];
  /** Words for a coded value in the inspector (e.g. seller 2 → "Cirrus"); undefined = the number. */
  describe?(agents: string, column: string, value: number, params: ParamValues<S>): string | undefined;
  /** The colour of a reporter's plot line, so that an entity has one colour everywhere; undefined = by order. */
  seriesColor?(reporter: string, params: ParamValues<S>): string | undefined;
  /**
   * Why agent `index` of `agents` acts as it does (e.g. how a customer weighs its sellers), for
   * the inspector; null when there is nothing to explain. Must read the state only: explaining
   * never changes a run.
   */
  explain?(world: World<D>, ctx: ModelContext<ParamValues<S>>, agents: string, index: number): Explanation | null;
  /** Analyses beyond the generic results views; undefined = none. */
  readonly analyses?: readonly AnalysisDecl[];
  /** The parameter controls in folding sections; parameters in none follow at the end. Undefined: one list. */
  readonly paramSections?: readonly ParamSection[];
  /**
   * What is odd about these parameters although they run (e.g. no customers at all), said at
   * Setup so that a run never proceeds silently on them; empty = nothing to say.
   */
  notices?(params: ParamValues<S>): readonly ModelText[];
  /**
   * The standard variations of an experiment's setting (its base parameters, seed and horizon)
   * that every expectation is rerun in, to label its verdict robust or fragile; undefined = none.
   */
  robustnessVariations?(setting: {
    readonly params: ParamValues<S>;
    readonly seed: number;
    readonly horizon: number;
  }): readonly SettingVariation[];
  /**
   * The parameters that set the run's size (integer parameters): its number of agents, and the
   * width and height of the world they live in. Beyond their slider range, a Setup is estimated
   * first, from a smaller run of the same density (see calibrationSize.ts). Undefined: never.
   */
  readonly size?: { readonly agents: string; readonly area?: readonly [string, string] };
}

/** A model with its types erased, as the registry, runs and the UI hold it. */
export type Model = ModelDefinition<ParamSchema, WorldDecl>;

const MODEL_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Declares a model, checking what can be checked once. */
export function defineModel<S extends ParamSchema, D extends WorldDecl>(def: ModelDefinition<S, D>): Model {
  if (!MODEL_ID.test(def.id)) throw new Error(`model id "${def.id}" must be kebab-case`);
  if (!Number.isInteger(def.version) || def.version < 1)
    throw new Error(`model ${def.id}: version must be a positive integer`);
  const observers = def.world.observers;
  for (const [set, columns] of Object.entries(observers?.columns ?? {}))
    for (const column of columns)
      if (!(column in (def.world.agents[set] ?? {})))
        throw new Error(`model ${def.id}: observer ${set}.${column} is not a declared column`);
  for (const g of observers?.globals ?? [])
    if (!def.world.globals.includes(g)) throw new Error(`model ${def.id}: observer global ${g} is not declared`);
  return def as unknown as Model;
}

/** The reporters of `model` for a parameter set; names must be unique. */
export function reportersFor(model: Model, params: ParamValues<ParamSchema>): readonly ReporterDecl[] {
  const list = typeof model.reporters === 'function' ? model.reporters(params) : model.reporters;
  const names = new Set<string>();
  for (const r of list) {
    if (names.has(r.name)) throw new Error(`model ${model.id}: duplicate reporter ${r.name}`);
    names.add(r.name);
  }
  return list;
}

/** How the reporter `name` reads, from its declaration; `plain` for an unknown name. */
export function reporterFormat(reporters: readonly ReporterDecl[], name: string): ReporterFormat {
  return reporters.find((r) => r.name === name)?.format ?? 'plain';
}

/**
 * The value a statistic counts for a recorded value of the reporter `name`: the value itself,
 * or for a missing one the reporter's declared `missing`; null when it is left out.
 */
export function countedValue(
  reporters: readonly ReporterDecl[],
  name: string,
  value: number | null | undefined,
): number | null {
  if (value !== null && value !== undefined) return value;
  return reporters.find((r) => r.name === name)?.missing ?? null;
}

/** The reporter names a plot shows, expanding `prefix*` entries. */
export function plotSeries(plot: PlotDecl, reporterNames: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of plot.series) {
    if (s.endsWith('*')) {
      const prefix = s.slice(0, -1);
      for (const name of reporterNames) if (name.startsWith(prefix)) out.push(name);
    } else if (reporterNames.includes(s)) out.push(s);
  }
  return out;
}
