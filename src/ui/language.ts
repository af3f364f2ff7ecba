/**
 * The interface language: chosen before the first render from the kept choice or the browser,
 * changed with the header's chooser and kept. A change re-renders the interface (App keys its
 * content on `useLanguage`'s locale); the run, the scenario and the plots' data live outside React
 * and stay as they are.
 */
import { create } from 'zustand';
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

/** The locale on display, for components whose text must follow a change of language. */
export const useLanguage = create<{ locale: Locale }>()(() => ({ locale: getLocale() }));

function apply(locale: Locale): void {
  setLocale(locale);
  document.documentElement.lang = locale;
  useLanguage.setState({ locale });
}

/** Sets the locale for this page from the kept choice or the browser's languages. */
export function startLanguage(): Locale {
  apply(pickLocale(storage()?.getItem(storageKey) ?? null, navigator.languages ?? [navigator.language]));
  return getLocale();
}

/** The person chose `locale`: the whole interface speaks it from now on, and the next visits too. */
export function chooseLanguage(locale: Locale): void {
  try {
    storage()?.setItem(storageKey, locale);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
  apply(locale);
}
