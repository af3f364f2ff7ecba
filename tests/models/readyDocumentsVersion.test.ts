/**
 * The documents Agora ships (ready experiments, expectations, what-ifs) are made with the models'
 * current versions: a stale one would open with "its numbers may differ" and measure another model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../src/models/registry';

interface ScenarioLike {
  format?: string;
  model?: string;
  modelVersion?: number;
}

/** Every agora-scenario object inside a document, however deep. */
function scenariosIn(value: unknown): ScenarioLike[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = (value as ScenarioLike).format === 'agora-scenario' ? [value as ScenarioLike] : [];
  return [...here, ...Object.values(value).flatMap(scenariosIn)];
}

const folders = ['experiments', 'whatifs', 'lessons'];
const documents = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'))] as const),
);

describe('ready documents', () => {
  it('are found', () => expect(documents.length).toBeGreaterThan(10));

  it.each(documents)('%s names its model’s current version', (_, document) => {
    for (const scenario of scenariosIn(document)) {
      const model = findModel(scenario.model ?? '');
      expect(model, scenario.model).toBeDefined();
      expect(scenario.modelVersion).toBe(model!.version);
    }
  });
});
