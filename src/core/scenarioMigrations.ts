/**
 * Migrations of the scenario format: each entry upgrades a document of version n to n + 1.
 * Every change of the format adds one here, and a fixture of the old version under
 * tests/fixtures/scenarios/ keeps proving that old links and files still open.
 */
import { SCENARIO_VERSION } from './scenario';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] upgrades version n to n + 1. A version that only adds optional fields reads
 * the older documents as they are, version number included, so that a document kept as
 * written (an experiment's base scenario, hashed) keeps its hash.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 adds the optional timed changes: a version 1 scenario is one without any.
  1: (doc) => doc,
};

export type MigrationResult = { ok: true; document: unknown } | { ok: false; message: string };

/**
 * Brings a scenario document to the current format version. Documents that are not objects
 * or carry no usable version pass through unchanged, for `parseScenario` to reject with a
 * precise message.
 */
export function migrateScenario(document: unknown): MigrationResult {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { ok: true, document };
  let doc = document as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, document };
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      message: `This scenario was made by a newer Agora (format version ${version}; this one reads up to ${SCENARIO_VERSION}). Please update.`,
    };
  }
  for (let v = version; v < SCENARIO_VERSION; v++) doc = MIGRATIONS[v]({ ...doc });
  return { ok: true, document: doc };
}
