/** The run's seed: Setup restarts from it; "New seed" draws another and sets up. */
import { useId, useState } from 'react';
import { t } from '../../i18n';
import { newSeed, setSeedText } from '../session';
import { useApp } from '../store';

export function SeedField() {
  const seed = useApp((s) => s.seed);
  const [text, setText] = useState(String(seed));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  // A seed set elsewhere (a link, New seed, a preset) replaces the text, during render.
  const [shownSeed, setShownSeed] = useState(seed);
  if (seed !== shownSeed) {
    setShownSeed(seed);
    setText(String(seed));
  }
  return (
    <div className="seed-field">
      <label>
        <span>{t('control.seed')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(setSeedText(e.target.value));
          }}
        />
      </label>
      <button type="button" onClick={newSeed}>
        {t('control.newSeed')}
      </button>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
