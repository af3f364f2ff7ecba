/**
 * The views of the analyses models declare (`ModelDefinition.analyses`): model-specific UI lives
 * under ui/models/<model>/ and is reached only through here, so the generic pages name no model.
 */
import type { ComponentType } from 'react';
import type { RunOutcome } from '../../core/experiment/execute';
import type { PreparedExperiment } from '../../core/experiment/prepare';
import type { AnalysisDecl, Model } from '../../core/model';
import { cloudMarketViews } from './cloudMarket/views';

/** A view beside an experiment's results, given its runs so far. */
type ExperimentAnalysisView = ComponentType<{
  prepared: PreparedExperiment;
  outcomes: readonly RunOutcome[];
}>;

/** A model's views by analysis id, per place. */
export interface ModelViews {
  readonly experiment?: Readonly<Record<string, ExperimentAnalysisView>>;
  readonly expectations?: Readonly<Record<string, ComponentType>>;
}

const VIEWS: Readonly<Record<string, ModelViews>> = { 'cloud-market': cloudMarketViews };

/** What a declared analysis renders with, per place. */
interface Placed {
  readonly experiment: ExperimentAnalysisView;
  readonly expectations: ComponentType;
}

/**
 * The analyses `model` declares for `on`, each with its view, in declaration order; none for a
 * model that declares none. A declared analysis without a view is a programming error.
 */
export function analysisViews<On extends AnalysisDecl['on']>(
  model: Model,
  on: On,
  views: Readonly<Record<string, ModelViews>> = VIEWS,
): { decl: AnalysisDecl; View: Placed[On] }[] {
  return (model.analyses ?? [])
    .filter((decl) => decl.on === on)
    .map((decl) => {
      const View = views[model.id]?.[on]?.[decl.id] as Placed[On] | undefined;
      if (!View) throw new Error(`model ${model.id}: no view for its analysis "${decl.id}"`);
      return { decl, View };
    });
}
