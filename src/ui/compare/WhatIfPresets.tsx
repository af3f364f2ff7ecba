/** The ready what-ifs of the model on display, in the preset gallery: each with its question, opened as a comparison. */
import { t } from '../../i18n';
import { useApp } from '../store';
import { openComparison } from './compareSession';
import { questionText, READY_WHAT_IFS } from './readyWhatIfs';

export function WhatIfPresets({ onOpen }: { onOpen: () => void }) {
  const modelId = useApp((s) => s.modelId);
  return READY_WHAT_IFS.filter(({ document }) => document.base.model === modelId).map(({ file, document }) => {
    const question = document.question ? questionText(modelId, document.question) : file;
    return (
      <li key={file} className="preset">
        <h3>{t('compare.whatIfs')}</h3>
        <p>
          <strong>{t('scenario.question')}:</strong> {question}
        </p>
        <button
          type="button"
          aria-label={`${t('scenario.open')}: ${question}`}
          onClick={() => {
            if (openComparison(document, () => question)) onOpen();
          }}
        >
          {t('scenario.open')}
        </button>
      </li>
    );
  });
}
