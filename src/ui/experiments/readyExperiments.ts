/** The ready experiments shipped under experiments/, bundled into the app. */
import type { Experiment } from '../../core/experiment/schema';

const files = import.meta.glob<Experiment>('../../../experiments/*.json', { eager: true, import: 'default' });

export const READY_EXPERIMENTS: readonly { readonly file: string; readonly experiment: Experiment }[] = Object.entries(
  files,
)
  .map(([path, experiment]) => ({ file: path.split('/').pop()!, experiment }))
  .sort((a, b) => a.file.localeCompare(b.file));
