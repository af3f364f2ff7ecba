/** The analyses a model declares, each in its own panel under its title; nothing for a model that declares none. */
import { useId, type ReactNode } from 'react';
import type { RunOutcome } from '../../core/experiment/execute';
import type { PreparedExperiment } from '../../core/experiment/prepare';
import type { AnalysisDecl, Model } from '../../core/model';
import { tModel } from '../../i18n';
import { analysisViews } from './analysisViews';

function Panel({ model, decl, children }: { model: Model; decl: AnalysisDecl; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{tModel(model.id, `analysis.${decl.id}.title`, decl.title)}</h2>
      {children}
    </section>
  );
}

/** Beside an experiment's results: the analyses of the experiment's model. */
export function ExperimentAnalyses({
  prepared,
  outcomes,
}: {
  prepared: PreparedExperiment;
  outcomes: readonly RunOutcome[];
}) {
  const model = prepared.plan.model;
  return analysisViews(model, 'experiment').map(({ decl, View }) => (
    <Panel key={decl.id} model={model} decl={decl}>
      <View prepared={prepared} outcomes={outcomes} />
    </Panel>
  ));
}

/** On the expectations page: the analyses of the models the expectations are about. */
export function ExpectationsAnalyses({ models }: { models: readonly Model[] }) {
  return models.flatMap((model) =>
    analysisViews(model, 'expectations').map(({ decl, View }) => (
      <Panel key={`${model.id}/${decl.id}`} model={model} decl={decl}>
        <View />
      </Panel>
    )),
  );
}
