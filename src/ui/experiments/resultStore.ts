/**
 * Where finished runs are kept so that an experiment survives a reload or a crashed tab:
 * IndexedDB, keyed by the experiment's hash and the run's index, so a run finished once is
 * never run again. Where IndexedDB is unavailable or full, everything stays in memory and the
 * store says so (`persistent` turns false and `onLost` is called once).
 */
import type { RunOutcome } from '../../core/experiment/execute';
import { t } from '../../i18n';

export interface SavedExperiment {
  readonly hash: string;
  readonly name: string;
  readonly document: unknown;
  readonly total: number;
  readonly finished: boolean;
}

export interface ResultStore {
  readonly persistent: boolean;
  saveExperiment(record: SavedExperiment): Promise<void>;
  saveOutcome(hash: string, outcome: RunOutcome): Promise<void>;
  loadOutcomes(hash: string): Promise<RunOutcome[]>;
  /** Experiments started and not finished, newest last. */
  unfinished(): Promise<SavedExperiment[]>;
}

const DB = 'agora-experiments';
const EXPERIMENTS = 'experiments';
const OUTCOMES = 'outcomes';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

class MemoryStore implements ResultStore {
  readonly persistent: boolean = false;
  private readonly experiments = new Map<string, SavedExperiment>();
  private readonly outcomes = new Map<string, Map<number, RunOutcome>>();

  async saveExperiment(record: SavedExperiment): Promise<void> {
    this.experiments.set(record.hash, record);
  }
  async saveOutcome(hash: string, outcome: RunOutcome): Promise<void> {
    const runs = this.outcomes.get(hash) ?? new Map<number, RunOutcome>();
    runs.set(outcome.index, outcome);
    this.outcomes.set(hash, runs);
  }
  async loadOutcomes(hash: string): Promise<RunOutcome[]> {
    return [...(this.outcomes.get(hash)?.values() ?? [])];
  }
  async unfinished(): Promise<SavedExperiment[]> {
    return [...this.experiments.values()].filter((e) => !e.finished);
  }
}

class IndexedDbStore implements ResultStore {
  persistent = true;
  private readonly memory = new MemoryStore();

  constructor(
    private readonly db: IDBDatabase,
    private readonly onLost: (reason: string) => void,
  ) {}

  async saveExperiment(record: SavedExperiment): Promise<void> {
    await this.memory.saveExperiment(record);
    await this.write(EXPERIMENTS, record);
  }

  async saveOutcome(hash: string, outcome: RunOutcome): Promise<void> {
    await this.memory.saveOutcome(hash, outcome);
    await this.write(OUTCOMES, { hash, index: outcome.index, outcome });
  }

  async loadOutcomes(hash: string): Promise<RunOutcome[]> {
    if (!this.persistent) return this.memory.loadOutcomes(hash);
    const range = IDBKeyRange.bound([hash, -Infinity], [hash, Infinity]);
    const rows = await request(this.db.transaction(OUTCOMES).objectStore(OUTCOMES).getAll(range));
    return (rows as { outcome: RunOutcome }[]).map((r) => r.outcome);
  }

  async unfinished(): Promise<SavedExperiment[]> {
    if (!this.persistent) return this.memory.unfinished();
    const rows = (await request(
      this.db.transaction(EXPERIMENTS).objectStore(EXPERIMENTS).getAll(),
    )) as SavedExperiment[];
    return rows.filter((r) => !r.finished);
  }

  /** A failed write (quota, a closed database) switches the store to memory for good. */
  private async write(store: string, value: unknown): Promise<void> {
    if (!this.persistent) return;
    try {
      const tx = this.db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } catch (e) {
      this.persistent = false;
      this.onLost(storageCause(e));
    }
  }
}

/** Why storage failed, for the user: full, denied, or the browser's own words. */
function storageCause(e: unknown): string {
  const error = e as { name?: string; message?: string } | null;
  if (error?.name === 'QuotaExceededError') return t('exp.storageFull');
  if (error?.name === 'SecurityError' || error?.name === 'NotAllowedError' || error?.name === 'ReferenceError')
    return t('exp.storageDenied');
  return error?.message || t('exp.storageFailed');
}

/** Opens the browser's store, or a memory store when IndexedDB cannot be used. */
export async function openResultStore(onLost: (reason: string) => void): Promise<ResultStore> {
  try {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore(EXPERIMENTS, { keyPath: 'hash' });
      db.createObjectStore(OUTCOMES, { keyPath: ['hash', 'index'] });
    };
    return new IndexedDbStore(await request(open), onLost);
  } catch (e) {
    onLost(storageCause(e));
    return new MemoryStore();
  }
}
