/** The locales Agora speaks, and which one a visitor gets first. */
const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Each locale by its own name (as a language chooser lists them: readable whatever the page speaks). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The locale for a visitor: the kept choice if there is one, else the first of the browser's
 * languages Agora speaks (any `zh` but Traditional Chinese reads Simplified), else English.
 */
export function pickLocale(kept: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(kept)) return kept;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('en')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg'))
      return 'zh-CN';
  }
  return 'en';
}

/** The locale on display (read it through getLocale, or as the live binding `current` in this folder). */
export let current: Locale = 'en';

/** The locale every later `t` call and formatter reads. The UI sets it before its first render (and on a change of language). */
export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}
