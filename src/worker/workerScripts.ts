/**
 * The scripts of the simulation and experiment workers, fetched once at start-up and kept as
 * Blob URLs, so that workers started later (an experiment's, a restarted simulation) never
 * need the network: losing the connection after the page loaded must not break a run.
 * Only in the build, whose worker scripts are single files; the dev server's import others.
 */
import experimentScript from './experiment.worker.ts?worker&url';
import simulationScript from './sim.worker.ts?worker&url';

const SCRIPTS = { simulation: simulationScript, experiment: experimentScript };
type WorkerName = keyof typeof SCRIPTS;

const cached = new Map<WorkerName, string>();

/** Fetches every worker script into memory; a failure leaves that worker loading from the network. */
export async function preloadWorkerScripts(): Promise<void> {
  if (!import.meta.env.PROD) return;
  await Promise.all(
    (Object.keys(SCRIPTS) as WorkerName[]).map(async (name) => {
      try {
        const response = await fetch(SCRIPTS[name]);
        if (!response.ok) return;
        const script = new Blob([await response.arrayBuffer()], { type: 'text/javascript' });
        cached.set(name, URL.createObjectURL(script));
      } catch {
        // Offline already: the worker still loads from the network (or the HTTP cache) later.
      }
    }),
  );
}

/** Starts a module worker from its kept script (or from the network before it is kept). */
export function startWorker(name: WorkerName): Worker {
  // `name` lets tests and developer tools tell the workers apart: Blob URLs do not.
  return new Worker(cached.get(name) ?? SCRIPTS[name], { type: 'module', name });
}
