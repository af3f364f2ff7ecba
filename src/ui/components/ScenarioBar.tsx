/** Share, export, open and the presets gallery: the ways a scenario leaves and enters the app. */
import { useState } from 'react';
import { findModel } from '../../models/registry';
import { t, tModel } from '../../i18n';
import { EXPECTATIONS } from '../expectations/readyExpectations';
import { exportFile, loadScenario, openPreset, share } from '../scenarioSession';
import { OpenFileButton } from './OpenFileButton';
import { WhatIfPresets } from '../compare/WhatIfPresets';
import { useApp } from '../store';

function PresetGallery({ onClose }: { onClose: () => void }) {
  const modelId = useApp((s) => s.modelId);
  const model = findModel(modelId)!;
  return (
    <section className="presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('scenario.presetsTitle')}</h2>
      <ul>
        {(model.presets ?? []).map((preset) => (
          <li key={preset.id} className="preset">
            <h3>{tModel(model.id, `preset.${preset.id}.title`, preset.title)}</h3>
            <p>
              <strong>{t('scenario.question')}:</strong>{' '}
              {tModel(model.id, `preset.${preset.id}.question`, preset.question)}
            </p>
            <p>
              <strong>{t('scenario.watch')}:</strong> {tModel(model.id, `preset.${preset.id}.watch`, preset.watch)}
            </p>
            <button
              type="button"
              aria-label={`${t('scenario.open')}: ${preset.title}`}
              onClick={() => {
                openPreset(model.id, preset);
                onClose();
              }}
            >
              {t('scenario.open')}
            </button>
          </li>
        ))}
        {EXPECTATIONS.filter(({ experiment }) => experiment.scenario.model === model.id).map(({ file, experiment }) => (
          <li key={file} className="preset">
            <h3>{experiment.name}</h3>
            <p>
              <strong>{t('scenario.question')}:</strong>{' '}
              {t('scenario.expectationQuestion', { statement: experiment.hypothesis!.statement })}
            </p>
            <p>
              <strong>{t('scenario.watch')}:</strong> {experiment.description}
            </p>
            <button
              type="button"
              aria-label={`${t('scenario.open')}: ${experiment.name}`}
              onClick={() => {
                if (loadScenario(experiment.scenario, () => experiment.name)) onClose();
              }}
            >
              {t('scenario.open')}
            </button>
          </li>
        ))}
        <WhatIfPresets onOpen={onClose} />
      </ul>
    </section>
  );
}

export function ScenarioBar() {
  const [showPresets, setShowPresets] = useState(false);
  return (
    <div className="scenario-bar">
      <button type="button" onClick={() => void share()}>
        {t('scenario.share')}
      </button>
      <button type="button" aria-expanded={showPresets} onClick={() => setShowPresets((v) => !v)}>
        {t('scenario.presets')}
      </button>
      <button type="button" onClick={exportFile}>
        {t('scenario.export')}
      </button>
      <OpenFileButton label={t('scenario.import')} />
      {showPresets && <PresetGallery onClose={() => setShowPresets(false)} />}
    </div>
  );
}
