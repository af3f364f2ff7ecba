/** Ready scenarios of the cloud market: the default and a handful of its main behaviours. */
import type { Preset } from '../../core/model';
import type { TableRow } from '../../core/params';
import { params } from './params';

/** The default vendors, the first `count` of them, each changed as `changes[index]` says. */
function vendors(
  count: number,
  changes: Record<number, Partial<Record<string, unknown>>>,
): { nextId: number; rows: TableRow[] } {
  const rows = params.vendors.default.rows.slice(0, count).map((row, i) => ({ ...row, ...changes[i] }) as TableRow);
  return { nextId: params.vendors.default.nextId, rows };
}

export const cloudMarketPresets: readonly Preset[] = [
  {
    id: 'default',
    title: 'Five vendors, five years',
    question: 'Which pricing strategy gains share, and which makes money?',
    watch: 'Atlas (profit) holds the lead; Cirrus (aggressive) buys share at a loss; Eos enters in year 2.',
    seed: 1,
    params: {},
  },
  {
    id: 'market-at-rest',
    title: 'A market at rest',
    question: 'Does the market stay put when nothing happens?',
    watch:
      'Every vendor on the profit strategy at the reference margin, no events, no entrant, no neighbours, volume discounts or learning curve: shares stay within a point or so of where they started.',
    seed: 6,
    params: {
      vendors: vendors(4, {
        0: { strategy: 'profit', margin: params.referenceMargin.default },
        1: { strategy: 'profit', margin: params.referenceMargin.default },
        2: { strategy: 'profit', margin: params.referenceMargin.default },
        3: { strategy: 'profit', margin: params.referenceMargin.default },
      }),
      events: { nextId: 0, rows: [] },
      mechNeighbours: false,
      mechVolumeDiscount: false,
      mechLearningCurve: false,
    },
  },
  {
    id: 'supply-shock',
    title: 'A long supply shock',
    question: 'When suppliers fall short, who keeps delivering?',
    watch:
      'Stock-outs pile up at every vendor within weeks of the shock (days 400–580), a few days later at Cirrus, whose expanding group stocks deepest; watch loyalty and shares after it.',
    seed: 2,
    params: {
      events: {
        nextId: 1,
        rows: [
          { id: 0, kind: 'supply-shock', day: 400, perYear: 0, subject: -1, object: -1, magnitude: 0.7, duration: 180 },
        ],
      },
    },
  },
  {
    id: 'cheap-entrant',
    title: 'A cheap late entrant',
    question: 'Can a newcomer win share by price alone?',
    watch: 'Eos, aggressive and entering in year 2, gains share slowly: its brand handicap fades over time.',
    seed: 3,
    params: {
      vendors: vendors(5, {
        2: { strategy: 'profit', policy: 'balanced', margin: 30 },
        3: { strategy: 'follow' },
        4: { strategy: 'aggressive', priceMin: 1, margin: 10, cash: 1.5e8 },
      }),
    },
  },
  {
    id: 'price-war',
    title: 'Everyone fights on price',
    question: 'Do margins survive when every vendor is aggressive?',
    watch: 'Prices fall to break-even once loss budgets run out; profits recover only through quality and lock-in.',
    seed: 4,
    params: {
      vendors: vendors(4, {
        0: { strategy: 'aggressive', policy: 'expand', initialShare: 0.3, priceMin: 1, margin: 30 },
        1: { strategy: 'aggressive', policy: 'expand', initialShare: 0.25, priceMin: 1, margin: 30 },
        2: { strategy: 'aggressive', policy: 'balanced', initialShare: 0.15, priceMin: 1, margin: 30, priceMax: 90 },
        3: { priceMin: 1 },
      }),
    },
  },
  {
    id: 'bargains-then-rip-offs',
    title: 'Bargains then rip-offs',
    question: 'Does a vendor that buys share with low prices raise them once its customers are locked in?',
    watch:
      'Draco (dynamic, expand) sells below cost until it has won share, then follows, then prices for a 60% margin and charges its loyal renewing customers a premium; watch its price and its customers above the loyalty threshold.',
    seed: 7,
    params: {
      vendors: vendors(4, {
        2: { strategy: 'profit', policy: 'balanced', margin: 35 },
        3: { strategy: 'dynamic', policy: 'expand', margin: 60, priceMin: 1, cash: 8e7 },
      }),
    },
  },
  {
    id: 'learning-vendors',
    title: 'Vendors that learn',
    question: 'Which strategy do learning vendors settle on, and does their group policy matter?',
    watch: 'Two learning vendors with different policies: compare their price paths and cumulative profit.',
    seed: 5,
    params: {
      vendors: vendors(4, {
        0: { initialShare: 0.35 },
        1: { initialShare: 0.25 },
        2: {
          name: 'Learner (expand)',
          strategy: 'learning',
          policy: 'expand',
          initialShare: 0.12,
          margin: 30,
          priceMax: 90,
          directSales: 0.5,
        },
        3: {
          name: 'Learner (profit-first)',
          strategy: 'learning',
          policy: 'profit-first',
          initialShare: 0.12,
          margin: 30,
          quality: 0.65,
          channel: 0.5,
        },
      }),
    },
  },
];
