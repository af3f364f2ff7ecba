/** The interface language: chosen before the first render from the kept choice or the browser, and kept on change. */
import { getLocale, setLocale } from '../i18n';
import { pickLocale, type Locale } from '../i18n/locale';

const storageKey = 'agora.locale';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be refused (private windows, policies): the browser's language still applies
  }
}

/** Sets the locale for this page from the kept choice or the browser's languages. */
export function startLanguage(): Locale {
  const locale = pickLocale(storage()?.getItem(storageKey) ?? null, navigator.languages ?? [navigator.language]);
  setLocale(locale);
  document.documentElement.lang = getLocale();
  return locale;
}
