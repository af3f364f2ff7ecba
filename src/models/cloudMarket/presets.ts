/** Ready scenarios of the cloud market: the default and a handful of its main behaviours. */
import type { Preset } from '../../core/model';

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
    id: 'supply-shock',
    title: 'A long supply shock',
    question: 'When suppliers fall short, who keeps delivering?',
    watch: 'Stock-outs pile up at the small vendors during the shock (days 400–580); watch loyalty and shares after it.',
    seed: 2,
    params: {
      events: { nextId: 1, rows: [{ id: 0, kind: 'supply-shock', day: 400, perYear: 0, subject: -1, object: -1, magnitude: 0.7, duration: 180 }] },
    },
  },
  {
    id: 'cheap-entrant',
    title: 'A cheap late entrant',
    question: 'Can a newcomer win share by price alone?',
    watch: 'Eos, aggressive and entering in year 2, gains share slowly: its brand handicap fades over time.',
    seed: 3,
    params: {
      vendors: {
        nextId: 5,
        rows: [
          { id: 0, name: 'Atlas', color: 'blue', strategy: 'profit', policy: 'profit-first', initialShare: 0.32, size: 0, priceMin: 10, priceMax: 90, margin: 45, quality: 0.8, service: 0.7, channel: 0.8, directSales: 0.7, entryDay: 0, cash: 2e8 },
          { id: 1, name: 'Borealis', color: 'orange', strategy: 'follow', policy: 'balanced', initialShare: 0.22, size: 0, priceMin: 10, priceMax: 90, margin: 35, quality: 0.75, service: 0.6, channel: 0.6, directSales: 0.6, entryDay: 0, cash: 1.2e8 },
          { id: 2, name: 'Cirrus', color: 'green', strategy: 'profit', policy: 'balanced', initialShare: 0.14, size: 0, priceMin: 5, priceMax: 80, margin: 30, quality: 0.65, service: 0.5, channel: 0.5, directSales: 0.4, entryDay: 0, cash: 8e7 },
          { id: 3, name: 'Draco', color: 'pink', strategy: 'follow', policy: 'balanced', initialShare: 0.1, size: 0, priceMin: 5, priceMax: 90, margin: 35, quality: 0.6, service: 0.5, channel: 0.4, directSales: 0.5, entryDay: 0, cash: 5e7 },
          { id: 4, name: 'Eos', color: 'sky', strategy: 'aggressive', policy: 'expand', initialShare: 0, size: 0, priceMin: 1, priceMax: 90, margin: 10, quality: 0.55, service: 0.5, channel: 0.3, directSales: 0.5, entryDay: 365, cash: 1.5e8 },
        ],
      },
    },
  },
  {
    id: 'price-war',
    title: 'Everyone fights on price',
    question: 'Do margins survive when every vendor is aggressive?',
    watch: 'Prices fall to break-even once loss budgets run out; profits recover only through quality and lock-in.',
    seed: 4,
    params: {
      vendors: {
        nextId: 4,
        rows: [
          { id: 0, name: 'Atlas', color: 'blue', strategy: 'aggressive', policy: 'expand', initialShare: 0.3, size: 0, priceMin: 1, priceMax: 90, margin: 30, quality: 0.8, service: 0.7, channel: 0.8, directSales: 0.7, entryDay: 0, cash: 2e8 },
          { id: 1, name: 'Borealis', color: 'orange', strategy: 'aggressive', policy: 'expand', initialShare: 0.25, size: 0, priceMin: 1, priceMax: 90, margin: 30, quality: 0.75, service: 0.6, channel: 0.6, directSales: 0.6, entryDay: 0, cash: 1.2e8 },
          { id: 2, name: 'Cirrus', color: 'green', strategy: 'aggressive', policy: 'balanced', initialShare: 0.15, size: 0, priceMin: 1, priceMax: 90, margin: 30, quality: 0.65, service: 0.5, channel: 0.5, directSales: 0.4, entryDay: 0, cash: 8e7 },
          { id: 3, name: 'Draco', color: 'pink', strategy: 'dynamic', policy: 'balanced', initialShare: 0.1, size: 0, priceMin: 1, priceMax: 90, margin: 35, quality: 0.6, service: 0.5, channel: 0.4, directSales: 0.5, entryDay: 0, cash: 5e7 },
        ],
      },
    },
  },
  {
    id: 'learning-vendors',
    title: 'Vendors that learn',
    question: 'Which strategy do learning vendors settle on, and does their group policy matter?',
    watch: 'Two learning vendors with different policies: compare their price paths and cumulative profit.',
    seed: 5,
    params: {
      vendors: {
        nextId: 4,
        rows: [
          { id: 0, name: 'Atlas', color: 'blue', strategy: 'profit', policy: 'profit-first', initialShare: 0.35, size: 0, priceMin: 10, priceMax: 90, margin: 45, quality: 0.8, service: 0.7, channel: 0.8, directSales: 0.7, entryDay: 0, cash: 2e8 },
          { id: 1, name: 'Borealis', color: 'orange', strategy: 'follow', policy: 'balanced', initialShare: 0.25, size: 0, priceMin: 10, priceMax: 90, margin: 35, quality: 0.75, service: 0.6, channel: 0.6, directSales: 0.6, entryDay: 0, cash: 1.2e8 },
          { id: 2, name: 'Learner (expand)', color: 'green', strategy: 'learning', policy: 'expand', initialShare: 0.12, size: 0, priceMin: 5, priceMax: 90, margin: 30, quality: 0.65, service: 0.5, channel: 0.5, directSales: 0.5, entryDay: 0, cash: 8e7 },
          { id: 3, name: 'Learner (profit-first)', color: 'pink', strategy: 'learning', policy: 'profit-first', initialShare: 0.12, size: 0, priceMin: 5, priceMax: 90, margin: 30, quality: 0.65, service: 0.5, channel: 0.5, directSales: 0.5, entryDay: 0, cash: 8e7 },
        ],
      },
    },
  },
];
