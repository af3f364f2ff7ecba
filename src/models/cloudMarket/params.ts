/** Parameters of the cloud pricing market: globals, segments, and the vendor, supplier and event tables. */
import { OKABE_ITO } from '../../core/palette';
import { p, type ParamValues } from '../../core/params';

export const STRATEGIES = ['profit', 'follow', 'aggressive', 'dynamic', 'learning'] as const;
export const POLICIES = ['expand', 'balanced', 'profit-first'] as const;
export const EVENT_KINDS = [
  'supply-shock',
  'vendor-entry',
  'policy-change',
  'supplier-cost',
  'target',
  'demand',
] as const;

/** At most this many vendors (seller codes 0–14; 15 is the direct channel). */
const MAX_VENDORS = 15;

/**
 * Vendor colours: the colour-blind-safe Okabe–Ito set first (its black is the direct channel's),
 * then Paul Tol's muted scheme.
 */
export const VENDOR_COLORS = [
  ...(['blue', 'orange', 'green', 'pink', 'sky', 'vermilion', 'yellow'] as const).map(
    (name) => [name, OKABE_ITO[name]] as const,
  ),
  ['indigo', '#332288'],
  ['cyan', '#88ccee'],
  ['teal', '#44aa99'],
  ['forest', '#117733'],
  ['olive', '#999933'],
  ['sand', '#ddcc77'],
  ['rose', '#cc6677'],
  ['wine', '#882255'],
] as const;
const colorOptions = VENDOR_COLORS.map(([value, hex]) => ({
  value,
  label: `${value[0].toUpperCase()}${value.slice(1)} (${hex})`,
}));

const strategyOptions = STRATEGIES.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) }));
const policyOptions = POLICIES.map((value) => ({
  value,
  label: value === 'profit-first' ? 'Profit first' : value[0].toUpperCase() + value.slice(1),
}));

/** Whom an event concerns, by its kind: the table its `subject` holds a row id of. */
const suppliersOrAll = { refersTo: 'suppliers', labels: [{ value: -1, label: 'All suppliers' }] };
const eventSubjects = {
  'supply-shock': suppliersOrAll,
  'supplier-cost': suppliersOrAll,
  'vendor-entry': { refersTo: 'vendors' },
  'policy-change': { refersTo: 'vendors' },
  target: { refersTo: 'vendors' },
};

const segment = (label: string, d: number[]) => ({
  [`${label}PriceSensitivity`]: p.float({
    label: `${cap(label)}: price sensitivity`,
    min: 0,
    max: 1,
    step: 0.05,
    default: d[0],
  }),
  [`${label}QualityRequirement`]: p.float({
    label: `${cap(label)}: quality requirement`,
    min: 0,
    max: 1,
    step: 0.05,
    default: d[1],
  }),
  [`${label}ServiceRequirement`]: p.float({
    label: `${cap(label)}: service requirement`,
    min: 0,
    max: 1,
    step: 0.05,
    default: d[2],
  }),
  [`${label}DirectLoyalty`]: p.float({
    label: `${cap(label)}: direct-sales loyalty`,
    description: 'Mean; individuals are uniform in [0, 2 × mean] capped at 1 (the source: uniform 0–1 for finance)',
    min: 0,
    max: 1,
    step: 0.05,
    default: d[3],
  }),
  [`${label}ChannelLoyalty`]: p.float({
    label: `${cap(label)}: channel loyalty`,
    description: 'Mean; individuals are uniform in [0, 2 × mean] capped at 1',
    min: 0,
    max: 1,
    step: 0.05,
    default: d[4],
  }),
  [`${label}ItCapability`]: p.float({
    label: `${cap(label)}: IT capability`,
    min: 0,
    max: 1,
    step: 0.05,
    default: d[5],
  }),
  [`${label}Susceptibility`]: p.float({
    label: `${cap(label)}: susceptibility to others`,
    min: 0,
    max: 1,
    step: 0.05,
    default: d[6],
  }),
  [`${label}Units`]: p.int({
    label: `${cap(label)}: units needed`,
    unit: 'units',
    min: 1,
    max: 1000,
    uiMax: 100,
    default: d[7],
  }),
});

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** A mechanism switch: on by default; off removes one rule, for ablation experiments. */
function mechanism(name: string, description: string) {
  return p.boolean({ label: `Mechanism: ${name}`, description, default: true });
}

export const params = {
  customers: p.int({
    label: 'Customers',
    description: 'Initial number of customers; growth adds more',
    min: 0,
    max: 2_000_000,
    uiMax: 20_000,
    step: 100,
    default: 3000,
  }),
  shareFinance: p.float({
    label: 'Segment mix: finance',
    description: 'Relative weight of the finance segment',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.3,
  }),
  shareGaming: p.float({ label: 'Segment mix: gaming', min: 0, max: 1, step: 0.05, default: 0.35 }),
  shareManufacturing: p.float({ label: 'Segment mix: manufacturing', min: 0, max: 1, step: 0.05, default: 0.35 }),
  scatter: p.float({
    label: 'Customer scatter',
    description: 'Standard deviation of each attribute around its segment profile',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0.1,
  }),
  // Finance from the source; gaming and manufacturing chosen in the documentation.
  ...segment('finance', [0.2, 0.5, 0.8, 0.5, 0.5, 0.5, 0.7, 20]),
  ...segment('gaming', [0.7, 0.7, 0.4, 0.3, 0.3, 0.8, 0.5, 40]),
  ...segment('manufacturing', [0.6, 0.4, 0.8, 0.5, 0.6, 0.3, 0.4, 10]),
  growth: p.float({
    label: 'Market growth',
    unit: '%/year',
    description: 'New customers per year, as a share of the current number',
    min: -50,
    max: 200,
    uiMin: -20,
    uiMax: 80,
    step: 1,
    default: 25,
    apply: 'live',
  }),
  choiceNoise: p.float({
    label: 'Choice noise',
    description: 'Temperature of the logit choice: 0.05 nearly rational, 1 nearly random',
    min: 0.02,
    max: 5,
    uiMax: 1,
    step: 0.01,
    default: 0.5,
    apply: 'live',
  }),
  referenceMargin: p.float({
    label: 'Reference margin',
    unit: '%',
    description:
      'Brands are fitted once, with every vendor at its full cost at the list price × (1 + this): a vendor priced above it loses share from day 0',
    min: 0,
    max: 500,
    uiMax: 100,
    step: 1,
    default: 35,
  }),
  switchingCost: p.float({
    label: 'Switching cost',
    description:
      'A renewing customer compares sellers with probability exp(−switching cost × loyalty); otherwise it renews',
    min: 0,
    max: 5,
    uiMax: 4,
    step: 0.05,
    default: 4,
    apply: 'live',
  }),
  loyaltyThreshold: p.float({
    label: 'Loyalty threshold',
    description: 'A customer whose loyalty is above this stays with its seller (the source’s threshold rule)',
    min: 0,
    max: 1.01,
    step: 0.01,
    default: 0.9,
    apply: 'live',
  }),
  contractDays: p.int({
    label: 'Lifecycle',
    unit: 'days',
    description: 'Mean days a unit is used after its sale (±20% per contract)',
    min: 30,
    max: 1095,
    step: 5,
    default: 365,
  }),
  entrantHandicap: p.float({
    label: 'Newcomer brand handicap',
    description: 'Appeal a new vendor lacks at entry; it fades with time in market and installed base',
    min: 0,
    max: 5,
    uiMax: 3,
    step: 0.05,
    default: 1.5,
  }),
  brandDays: p.int({
    label: 'Brand build-up',
    unit: 'days',
    description: 'Time constant of the newcomer handicap fading',
    min: 1,
    max: 3650,
    uiMax: 1500,
    step: 10,
    default: 540,
  }),
  supplyCoverage: p.float({
    label: 'Supply coverage',
    description: 'Supplier capacity as a multiple of the expected daily flow',
    min: 0,
    max: 5,
    uiMax: 3,
    step: 0.05,
    default: 1.3,
  }),
  supplierStockDays: p.float({
    label: 'Supplier stock',
    unit: 'days of capacity',
    description: 'Stock at which a supplier stops producing: a thin buffer lets a supply shock reach the vendors',
    min: 0,
    max: 60,
    uiMax: 30,
    step: 0.5,
    default: 2,
  }),
  allocationExponent: p.float({
    label: 'Scarce-stock priority',
    description: 'Exponent on order volume when stock is short: 0 equal, 1 proportional, large = biggest first',
    min: 0,
    max: 20,
    uiMax: 5,
    step: 0.1,
    default: 1,
  }),
  costDecline: p.float({
    label: 'Supplier cost decline',
    unit: '%/year',
    min: 0,
    max: 50,
    uiMax: 20,
    step: 0.5,
    default: 8,
  }),
  repriceDays: p.int({ label: 'Repricing interval', unit: 'days', min: 1, max: 365, uiMax: 90, default: 7 }),
  // Live: it moves only the horizon, so "Run another year" can carry a run on past it.
  years: p.int({ label: 'Horizon', unit: 'years', min: 1, max: 30, uiMax: 10, default: 5, apply: 'live' }),
  // Mechanism switches for ablation: each turns one rule off; all on is the plain model, bit for bit.
  mechSwitchingCost: mechanism(
    'switching cost',
    'Renewing without comparing, more often the more loyal the customer (off: every renewal compares)',
  ),
  mechEntrantHandicap: mechanism(
    'newcomer brand handicap',
    'The appeal a late entrant lacks (off: entrants start with a full brand)',
  ),
  mechLearningCurve: mechanism(
    'learning curve',
    'Quality rising with time in market and installed base (off: quality stays at its start)',
  ),
  mechShareAllocation: mechanism(
    'shared allocation',
    'Scarce stock shared by order volume with the priority exponent (off: biggest buyer first, the literal source rule)',
  ),
  mechNeighbours: mechanism(
    'neighbour influence',
    "Customers' pull toward their neighbours' sellers (off: no social term)",
  ),
  mechLossBudget: mechanism(
    'loss budget',
    "Below-cost pricing limited by the group's loss budget (off: unlimited losses)",
  ),
  mechVolumeDiscount: mechanism(
    'volume discounts',
    "Suppliers' discounts on a vendor's trailing volume (off: list price for all)",
  ),
  mechShortageLoyalty: mechanism(
    'shortage loyalty',
    'Loyalty gained by customers served during a shortage (off: none)',
  ),
  mechBrandCalibration: mechanism(
    'brand calibration at the reference price',
    "Brands fitted once at every vendor's reference price, blind to its own price, so a dearer vendor loses share from day 0 (off: fitted at each vendor's opening price, as in version 1, so its brand absorbs its price)",
  ),
  mechSelfOperation: mechanism(
    'self-operation cost',
    'A direct buyer runs the units itself at 25 credits per unit-day × (1 − IT capability) (off: running them costs nothing, whatever the IT capability)',
  ),
  mechProfitFirstRestriction: mechanism(
    'profit-first restriction',
    'A profit-first group never prices below break-even nor lets a learning vendor pick the price war (off: it may, within its 5% loss budget)',
  ),
  vendors: p.table({
    label: 'Vendors',
    minRows: 0,
    maxRows: MAX_VENDORS,
    columns: {
      name: p.text({ label: 'Name', default: 'Vendor', maxLength: 40 }),
      color: p.choice({ label: 'Colour', default: 'blue', options: colorOptions }),
      // The vendors' levers: strategy, price band and target margin apply live, mid-run.
      strategy: p.choice({ label: 'Strategy', default: 'profit', options: strategyOptions, apply: 'live' }),
      policy: p.choice({ label: 'Group policy', default: 'balanced', options: policyOptions }),
      initialShare: p.float({
        label: 'Initial share',
        description: 'Share of customers at day 0 (calibrated into brand constants)',
        min: 0,
        max: 1,
        default: 0.1,
      }),
      size: p.int({
        label: 'Size',
        unit: 'units',
        description: 'Units the vendor can serve at once (0 = sized from its initial share)',
        min: 0,
        max: 1e9,
        default: 0,
      }),
      priceMin: p.float({ label: 'Price band: min', min: 0, max: 100, default: 10, apply: 'live' }),
      priceMax: p.float({ label: 'Price band: max', min: 0, max: 100, default: 90, apply: 'live' }),
      margin: p.float({ label: 'Target margin', unit: '%', min: 0, max: 500, default: 40, apply: 'live' }),
      quality: p.float({
        label: 'Starting quality',
        description: 'Quality at entry; the learning curve raises it toward 1',
        min: 0,
        max: 1,
        default: 0.5,
      }),
      service: p.float({ label: 'Service quality', min: 0, max: 1, default: 0.5 }),
      channel: p.float({ label: 'Channel reach', min: 0, max: 1, default: 0.5 }),
      directSales: p.float({ label: 'Direct-sales strength', min: 0, max: 1, default: 0.5 }),
      entryDay: p.int({ label: 'Entry day', unit: 'day', min: 0, max: 36500, default: 0 }),
      cash: p.float({ label: 'Starting cash', unit: 'credits', min: 0, max: 1e15, default: 5e7 }),
    },
    default: {
      nextId: 5,
      rows: [
        {
          id: 0,
          name: 'Atlas',
          color: 'blue',
          strategy: 'profit',
          policy: 'profit-first',
          initialShare: 0.32,
          size: 0,
          priceMin: 10,
          priceMax: 90,
          margin: 35,
          quality: 0.8,
          service: 0.7,
          channel: 0.8,
          directSales: 0.7,
          entryDay: 0,
          cash: 2e8,
        },
        {
          id: 1,
          name: 'Borealis',
          color: 'orange',
          strategy: 'follow',
          policy: 'balanced',
          initialShare: 0.22,
          size: 0,
          priceMin: 10,
          priceMax: 90,
          margin: 35,
          quality: 0.75,
          service: 0.6,
          channel: 0.6,
          directSales: 0.6,
          entryDay: 0,
          cash: 1.2e8,
        },
        {
          id: 2,
          name: 'Cirrus',
          color: 'green',
          strategy: 'aggressive',
          policy: 'expand',
          initialShare: 0.14,
          size: 0,
          priceMin: 5,
          priceMax: 80,
          margin: 20,
          quality: 0.65,
          service: 0.5,
          channel: 0.5,
          directSales: 0.4,
          entryDay: 0,
          cash: 8e7,
        },
        {
          id: 3,
          name: 'Draco',
          color: 'pink',
          strategy: 'dynamic',
          policy: 'balanced',
          initialShare: 0.1,
          size: 0,
          priceMin: 5,
          priceMax: 90,
          margin: 35,
          quality: 0.6,
          service: 0.5,
          channel: 0.4,
          directSales: 0.5,
          entryDay: 0,
          cash: 5e7,
        },
        {
          id: 4,
          name: 'Eos',
          color: 'sky',
          strategy: 'learning',
          policy: 'expand',
          initialShare: 0,
          size: 0,
          priceMin: 5,
          priceMax: 90,
          margin: 30,
          quality: 0.55,
          service: 0.5,
          channel: 0.3,
          directSales: 0.5,
          entryDay: 365,
          cash: 6e7,
        },
      ],
    },
  }),
  suppliers: p.table({
    label: 'Suppliers',
    minRows: 0,
    maxRows: 20,
    columns: {
      name: p.text({ label: 'Name', default: 'Supplier', maxLength: 40 }),
      capacityShare: p.float({
        label: 'Capacity share',
        description: 'Share of the total supply capacity',
        min: 0,
        max: 1,
        default: 0.5,
      }),
      cost: p.float({
        label: 'Production cost',
        unit: 'credits/unit',
        description: 'Per unit for its whole lifecycle',
        min: 0,
        max: 1e6,
        default: 3000,
      }),
      margin: p.float({ label: 'Margin', unit: '%', min: 0, max: 500, default: 15 }),
      direct: p.boolean({ label: 'Sells directly', default: false }),
      maxDiscount: p.float({ label: 'Max volume discount', unit: '%', min: 0, max: 90, default: 25 }),
    },
    default: {
      nextId: 2,
      rows: [
        // Capacity shares cover each supplier's demand: the OEM also serves the direct channel.
        { id: 0, name: 'Foundry', capacityShare: 0.5, cost: 3000, margin: 15, direct: false, maxDiscount: 30 },
        { id: 1, name: 'Direct OEM', capacityShare: 0.5, cost: 3300, margin: 20, direct: true, maxDiscount: 20 },
      ],
    },
  }),
  events: p.table({
    label: 'Events',
    minRows: 0,
    maxRows: 100,
    columns: {
      kind: p.choice({
        label: 'Kind',
        default: 'supply-shock',
        options: EVENT_KINDS.map((value) => ({ value, label: cap(value.replace('-', ' ')) })),
      }),
      day: p.int({
        label: 'Day',
        description: 'Day it fires (ignored when it has a yearly probability)',
        min: 0,
        max: 36500,
        default: 365,
      }),
      perYear: p.float({
        label: 'Yearly probability',
        description: '0 = fires once on its day',
        min: 0,
        max: 1,
        default: 0,
      }),
      subject: p.int({
        label: 'Subject',
        description: 'The supplier or vendor it concerns',
        min: -1,
        max: 1e6,
        default: -1,
        meaning: { by: 'kind', cases: eventSubjects },
      }),
      object: p.int({
        label: 'Target vendor',
        description: 'For "target": the vendor aimed at',
        min: -1,
        max: 1e6,
        default: -1,
        meaning: { by: 'kind', cases: { target: { refersTo: 'vendors', labels: [{ value: -1, label: 'None' }] } } },
      }),
      magnitude: p.float({
        label: 'Magnitude',
        description: 'Shock: capacity cut (0–1); cost and demand: factor; policy change: the new group policy',
        min: 0,
        max: 100,
        default: 0.5,
        // A policy change stores the policy's index in POLICIES (what the model reads).
        meaning: {
          by: 'kind',
          cases: { 'policy-change': { labels: policyOptions.map((o, value) => ({ value, label: o.label })) } },
        },
      }),
      duration: p.int({ label: 'Duration', unit: 'days', min: 0, max: 36500, default: 60 }),
    },
    default: {
      nextId: 1,
      rows: [
        { id: 0, kind: 'supply-shock', day: 730, perYear: 0, subject: -1, object: -1, magnitude: 0.5, duration: 60 },
      ],
    },
  }),
};

export type MarketParams = ParamValues<typeof params>;
