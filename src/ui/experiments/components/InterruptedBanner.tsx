/** After a reload or a crashed tab: the interrupted experiment, with Resume. */
import { t } from '../../../i18n';
import { dismissInterrupted, resumeSaved } from '../experimentSession';
import { useExperiments } from '../experimentStore';

export function InterruptedBanner() {
  const interrupted = useExperiments((s) => s.interrupted);
  if (!interrupted) return null;
  const { saved, done } = interrupted;
  return (
    <div className="banner notice" role="status">
      <span>{t('exp.interrupted', { name: saved.name, done, total: saved.total })}</span>
      <button type="button" onClick={() => resumeSaved(saved)}>
        {t('exp.resumeInterrupted')}
      </button>
      <button type="button" onClick={dismissInterrupted}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
