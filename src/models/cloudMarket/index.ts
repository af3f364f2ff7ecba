/**
 * The cloud pricing market: customers of three industries choose among cloud vendors with
 * different pricing strategies, or buy straight from suppliers. Source: the seed post
 * "产品如何定价的模型讨论"; brief: shared/docs/cloud-market-model.md; documentation: info.ts.
 * Expect shares to move visibly over five years without any vendor taking everything, price
 * wars that end in positive margins, and a supply shock that hurts small vendors most.
 */
import { defineModel, type Portrayal } from '../../core/model';
import { OKABE_ITO } from '../../core/palette';
import { explainCustomer, explainVendor } from './explain';
import { guide } from './guide';
import { info } from './info';
import { params, POLICIES, STRATEGIES, VENDOR_COLORS, type MarketParams } from './params';
import { cloudMarketPresets } from './presets';
import { marketAnalyses } from './analyses';
import { marketRobustnessVariations } from './robustness';
import { hhi, marketReporters } from './reporters';
import { SEGMENT_BAND } from './customers';
import { stepMarket } from './day';
import { setupMarket } from './setup';
import { accrualProfit, DIRECT, NONE, SEGMENTS, shareOf, unitsInUse, worldDecl } from './state';

const DIRECT_COLOR = OKABE_ITO.black;
const NO_SELLER = '#c8c8c8';
const SWITCH_RING = OKABE_ITO.vermilion;
const STOCKOUT_RING = '#6a3d9a';

/** Colours by seller code: each vendor's chosen colour, then (code 15) the direct channel's black. */
function sellerPalette(p: MarketParams): string[] {
  const palette: string[] = Array.from({ length: DIRECT + 1 }, () => NO_SELLER);
  p.vendors.rows.forEach(
    (row, j) => (palette[j] = VENDOR_COLORS.find(([name]) => name === row.color)?.[1] ?? '#c8c8c8'),
  );
  palette[DIRECT] = DIRECT_COLOR;
  return palette;
}

/** What the view's marks mean: a newcomer reads the picture from it. */
function legendOf(p: MarketParams, palette: readonly string[]): Portrayal['legend'] {
  return [
    {
      title: 'Customers (dots), in their seller’s colour',
      items: [
        ...p.vendors.rows.map((row, j) => ({ mark: 'circle' as const, color: palette[j], text: String(row.name) })),
        { mark: 'circle', color: DIRECT_COLOR, text: 'bought direct from a supplier' },
        { mark: 'circle', color: NO_SELLER, text: 'no seller' },
      ],
    },
    {
      title: 'Rings: in the last week',
      items: [
        { mark: 'ring', color: SWITCH_RING, text: 'switched seller' },
        { mark: 'ring', color: STOCKOUT_RING, text: 'met a stock-out' },
      ],
    },
    {
      title: 'Sellers and suppliers',
      items: [
        { mark: 'square', color: '#7a828c', text: 'vendor: the larger, the more market share' },
        { mark: 'square', color: '#7a828c', faint: true, text: 'vendor not in the market yet' },
        { mark: 'cross', color: '#000000', text: 'supplier, with its stock (units)' },
      ],
    },
    {
      title: 'Columns are industries; a dot’s place within its column means nothing',
      items: [],
      arrangement: 'scatter',
    },
    {
      title:
        'Columns are industries; in each, one block per seller, top to bottom: the vendors in order, then direct ' +
        'buyers, then no seller. A block’s area is that seller’s share of the industry’s customers',
      items: [],
      arrangement: 'grouped',
    },
  ];
}

function portrayalOf(p: MarketParams): Portrayal {
  const SELLER_PALETTE = sellerPalette(p);
  return {
    legend: legendOf(p, SELLER_PALETTE),
    bounds: { minX: 0, maxX: 1, minY: -0.2, maxY: 1.2 },
    background: '#ffffff',
    annotations: [
      { x: 0.17, y: 0.965, text: 'Finance' },
      { x: 0.5, y: 0.965, text: 'Gaming' },
      { x: 0.83, y: 0.965, text: 'Manufacturing' },
    ],
    layers: [
      {
        agents: 'customers',
        label: 'Customers',
        x: 'x',
        y: 'y',
        shape: 'circle',
        size: 2.5,
        color: { kind: 'category', column: 'seller', otherColor: NO_SELLER, palette: SELLER_PALETTE },
        // Switches ring red-orange, stock-outs ring purple, for a week.
        highlight: {
          tickColumn: 'lastEventTick',
          kindColumn: 'lastEvent',
          withinTicks: 7,
          colors: ['', SWITCH_RING, STOCKOUT_RING],
        },
        // The inspected customer's four network neighbours.
        links: { columns: ['n0', 'n1', 'n2', 'n3'], color: '#3b4452' },
        // Share as area: by seller within each industry's column, where addCustomer scatters them.
        grouping: {
          bandColumn: 'segment',
          bands: SEGMENTS.map((_, s) => ({
            minX: s / 3 + SEGMENT_BAND.left,
            maxX: s / 3 + SEGMENT_BAND.left + SEGMENT_BAND.width,
            minY: SEGMENT_BAND.top,
            maxY: SEGMENT_BAND.top + SEGMENT_BAND.height,
          })),
          groupColumn: 'seller',
          label: 'grouped by seller',
          order: [...p.vendors.rows.map((_, j) => j), DIRECT, NONE],
        },
        inspect: [
          { column: 'segment', label: 'industry' },
          'seller',
          { column: 'previousSeller', label: 'seller before' },
          { column: 'price', label: 'price per unit-day' },
          { column: 'need', label: 'units needed' },
          'loyalty',
          { column: 'priceSensitivity', label: 'price sensitivity' },
          { column: 'qualityRequirement', label: 'quality requirement' },
          { column: 'serviceRequirement', label: 'service requirement' },
          { column: 'itCapability', label: 'IT capability' },
          { column: 'contracts', label: 'contracts signed' },
          'switches',
          'stockouts',
        ],
      },
      {
        agents: 'vendors',
        label: 'Vendors',
        x: 'x',
        y: 'y',
        shape: 'square',
        size: 6,
        sizeBy: { column: 'shareNow', growth: 4 },
        // A vendor not yet in the market is a faint square; it lights up when it enters.
        alphaColumn: 'active',
        color: { kind: 'category', column: 'index', otherColor: '#c8c8c8', palette: SELLER_PALETTE },
        agentLabels: { texts: p.vendors.rows.map((r) => String(r.name)), valueColumn: 'shareNow', format: 'percent' },
        inspect: [
          'strategy',
          { column: 'mode', label: 'acting as' },
          { column: 'price', label: 'price per unit-day' },
          { column: 'unitCost', label: 'unit cost' },
          'quality',
          { column: 'stock', label: 'stock (units)' },
          'customers',
          { column: 'inUse', label: 'units in use' },
          { column: 'profit', label: 'profit today' },
          { column: 'cumProfit', label: 'cumulative profit' },
          'cash',
        ],
      },
      {
        agents: 'suppliers',
        label: 'Suppliers',
        x: 'x',
        y: 'y',
        shape: 'cross',
        size: 8,
        alphaColumn: 'availability',
        color: { kind: 'fixed', color: '#000000' },
        agentLabels: {
          texts: p.suppliers.rows.map((r) => String(r.name)),
          valueColumn: 'stock',
          format: 'integer',
          // The industries' names lie just below the suppliers.
          above: true,
        },
        inspect: [
          { column: 'stock', label: 'stock (units)' },
          'capacity',
          { column: 'cost', label: 'production cost' },
          { column: 'soldToVendors', label: 'sold to vendors' },
          { column: 'soldDirect', label: 'sold direct' },
          { column: 'directCustomers', label: 'direct customers' },
          { column: 'availability', label: 'capacity available' },
        ],
      },
    ],
  };
}

export const cloudMarket = defineModel({
  id: 'cloud-market',
  version: 3,
  title: 'Cloud pricing market',
  summary:
    'Customers of three industries choose among cloud vendors with different pricing strategies, or buy from suppliers.',
  params,
  world: worldDecl,
  setup: (w, ctx) => setupMarket(w, ctx),
  step: (w, ctx) => stepMarket(w, ctx),
  horizon: (p) => p.years * 365,
  ticksPerYear: 365,
  monitors: ['share.v*', 'share.direct', 'cumulativeProfit.*'],
  reporters: (p) => marketReporters(p),
  analyses: marketAnalyses,
  robustnessVariations: marketRobustnessVariations,
  plots: [
    { id: 'share', title: 'Market share (units in use)', series: ['share.v*', 'share.direct'] },
    { id: 'profit', title: 'Profit per day, 30-day average', unit: 'credits', series: ['profit.*'], average: 30 },
    { id: 'cumulative-profit', title: 'Cumulative profit (accrual)', unit: 'credits', series: ['cumulativeProfit.*'] },
    { id: 'cash', title: 'Cash', unit: 'credits', series: ['cash.*'], primary: false },
    {
      id: 'deferred-revenue',
      title: 'Deferred revenue',
      unit: 'credits',
      series: ['deferredRevenue.*'],
      primary: false,
    },
    { id: 'price', title: 'Price', unit: 'credits/unit-day', series: ['price.*'], primary: false },
    { id: 'unit-cost', title: 'Unit cost', unit: 'credits/unit-day', series: ['unitCost.*'], primary: false },
    { id: 'quality', title: 'Quality', series: ['quality.*'], primary: false },
    { id: 'stockouts', title: 'Stock-outs per day', series: ['stockouts.*'], primary: false },
    { id: 'loyalty', title: 'Mean loyalty of customers', series: ['loyalty.*'], primary: false },
    { id: 'customer-share', title: 'Share of customers', series: ['customerShare.*'], primary: false },
    { id: 'hhi', title: 'Concentration (HHI)', series: ['hhi'], primary: false },
    { id: 'market-size', title: 'Market size', unit: 'units', series: ['market-size'], primary: false },
  ],
  describe: (agents, column, value, p) => {
    const seller = (code: number) =>
      code === DIRECT ? 'direct purchase' : code < 0 ? 'none' : String(p.vendors.rows[code]?.name ?? code);
    if (column === 'segment') return SEGMENTS[value];
    if (column === 'seller' || column === 'previousSeller') return seller(value);
    if (column === 'producer') return value < 0 ? 'none' : String(p.suppliers.rows[value]?.name ?? value);
    if (agents === 'vendors' && (column === 'strategy' || column === 'mode')) return STRATEGIES[value];
    if (agents === 'vendors' && column === 'policy') return POLICIES[value];
    if (column === 'lastEvent') return ['none', 'switched', 'stock-out'][value];
    if (['active', 'exited', 'direct'].includes(column)) return value ? 'yes' : 'no';
    return undefined;
  },
  seriesColor: (name, p) => {
    if (name.endsWith('.direct')) return DIRECT_COLOR;
    const id = /\.v(\d+)$/.exec(name);
    if (!id) return undefined;
    const index = p.vendors.rows.findIndex((r) => r.id === Number(id[1]));
    return index >= 0 ? sellerPalette(p)[index] : undefined;
  },
  portrayal: (p) => portrayalOf(p),
  explain: (w, ctx, agents, index) =>
    agents === 'customers'
      ? explainCustomer(w, ctx, index)
      : agents === 'vendors'
        ? explainVendor(w, ctx, index)
        : null,
  summaryJson: (w, ctx) => {
    const total = unitsInUse(w);
    const v = w.agents.vendors.col;
    let served = 0;
    for (let j = 0; j < w.agents.vendors.count; j++) served += v.customers[j];
    let directCustomers = 0;
    let directUnits = 0;
    for (let k = 0; k < w.agents.suppliers.count; k++) {
      directCustomers += w.agents.suppliers.col.directCustomers[k];
      directUnits += w.agents.suppliers.col.directInUse[k];
    }
    served += directCustomers;
    const share = (units: number) => (total > 0 ? units / total : null);
    return {
      vendors: ctx.params.vendors.rows.map((row, j) => ({
        id: row.id,
        name: row.name,
        strategy: row.strategy,
        active: v.active[j] === 1,
        exited: v.exited[j] === 1,
        share: v.active[j] || v.inUse[j] > 0 ? shareOf(w, j) : null,
        customerShare: served > 0 ? v.customers[j] / served : null,
        price: v.active[j] ? v.price[j] : null,
        quality: v.quality[j],
        stock: v.stock[j],
        size: v.size[j],
        cash: v.cash[j],
        deferredRevenue: v.deferred[j],
        profit: v.profit[j],
        cumulativeProfit: accrualProfit(w, j),
      })),
      direct: { share: share(directUnits), customerShare: served > 0 ? directCustomers / served : null },
      hhi: hhi(w),
      marketSize: total,
    };
  },
  notices: (p) => [
    ...(p.customers === 0
      ? [{ path: 'notice.noCustomers', english: 'There are no customers: every share reads n/a. Raise Customers.' }]
      : []),
    ...(p.customers > 0 && p.shareFinance + p.shareGaming + p.shareManufacturing === 0
      ? [
          {
            path: 'notice.noSegmentMix',
            english: 'Every segment mix is 0: all customers are put in finance. Give a segment a weight.',
          },
        ]
      : []),
  ],
  paramSections: [
    {
      title: 'Market',
      open: true,
      params: [
        'customers',
        'shareFinance',
        'shareGaming',
        'shareManufacturing',
        'growth',
        'choiceNoise',
        'switchingCost',
        'loyaltyThreshold',
        'contractDays',
        'repriceDays',
        'years',
      ],
    },
    { title: 'Customers by industry', params: ['scatter', 'finance*', 'gaming*', 'manufacturing*'] },
    { title: 'Vendors', params: ['entrantHandicap', 'brandDays'] },
    { title: 'Supply', params: ['supplyCoverage', 'allocationExponent', 'costDecline'] },
    { title: 'Mechanisms', params: ['mech*'] },
  ],
  info,
  guide,
  presets: cloudMarketPresets,
  size: { agents: 'customers' },
});
