/**
 * Golden fingerprints of every model of the registry, keyed by model id and model version:
 * `[seed, tick, fingerprint]` of a run with default parameters stepped to `tick`. They pin
 * reproducibility across commits, machines and engines. A change that moves a model's numbers
 * must bump the model's version and replace that model's entry with the new version's goldens
 * (tests/core/run.test.ts checks both: the entry for the current version, and that it matches).
 */
export type Golden = readonly [seed: number, tick: number, fingerprint: string];

export const GOLDENS: Readonly<Record<string, Readonly<Record<number, readonly Golden[]>>>> = {
  'k-means': {
    1: [
      [1, 0, '508bb6c7f2c00467'],
      [1, 1, 'd231a7f281fccb22'],
      [1, 3, '695f9dd0b95f38b3'],
      [2, 2, '5e0d003f99f79289'],
      [42, 5, 'acdb8e3637ce2f0b'],
      [4294967295, 1, '894ee4ea9d190a16'],
    ],
  },
  'cloud-market': {
    // v3: common random numbers (traits, choices and random events keyed) and the learner's rewards scaled.
    3: [
      [1, 0, '7051c48841a876b7'],
      [1, 30, '4434bc6e1ea73840'],
      [2, 365, '9d7afd59b80ba549'],
    ],
  },
  segregation: {
    // v2 stops once everyone is happy: seed 1 at tick 25.
    2: [
      [1, 0, '6c53b5129a051ce6'],
      [1, 1, '92a9ea66cae9bcf1'],
      [1, 10, '0009d1db74495238'],
      [2, 5, 'f40beca9380f2fbd'],
      [1, 25, 'da012df81f18b03f'],
    ],
  },
  flocking: {
    1: [
      [1, 0, '30f7d45c446272f4'],
      [1, 1, '41e38a9ebdd9cb10'],
      [1, 50, 'c599c033d64bb2ae'],
      [2, 20, '7983a98039075e47'],
      [1, 300, 'aa0d1cdbfff0d451'],
    ],
  },
};
