/**
 * The question before big work: a modal alert dialog with the estimate in words. Focus moves to
 * Cancel (the safe answer); Escape cancels.
 */
import { useId } from 'react';
import { t } from '../../i18n';
import { useConfirm } from '../confirmStart';

export function ConfirmDialog() {
  const question = useConfirm((s) => s.question);
  const titleId = useId();
  const textId = useId();
  if (!question) return null;
  return (
    <div className="help-overlay">
      <div
        className="help-card confirm-card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          question.answer(false);
        }}
      >
        <h2 id={titleId}>{t('estimate.title')}</h2>
        <p id={textId}>{question.text}</p>
        <div className="confirm-actions">
          <button type="button" className="primary" onClick={() => question.answer(true)}>
            {t('estimate.start')}
          </button>
          <button type="button" autoFocus onClick={() => question.answer(false)}>
            {t('estimate.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
