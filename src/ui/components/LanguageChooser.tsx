/** The header's language chooser: a native select, so keyboards and screen readers know it already. */
import { useId } from 'react';
import { t } from '../../i18n';
import { isLocale, LOCALE_NAMES } from '../../i18n/locale';
import { chooseLanguage, useLanguage } from '../language';

export function LanguageChooser() {
  const id = useId();
  const locale = useLanguage((s) => s.locale);
  return (
    <span className="header-field">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {Object.entries(LOCALE_NAMES).map(([value, name]) => (
          // Each name in its own language: `lang` lets a screen reader pronounce it so.
          <option key={value} value={value} lang={value}>
            {name}
          </option>
        ))}
      </select>
    </span>
  );
}
