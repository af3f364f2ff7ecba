/**
 * Numbers in the locale on display, the one place the interface makes its Intl formatters:
 * digits grouped the locale's way, percentages, and large amounts compact in the locale's units
 * (English "31.8M", Chinese "3180万", "1.2亿"). A formatter is costly to make and these run on
 * every frame, so each is made once per locale and options. It reads only the locale (not the
 * catalogues): the render worker formats with it too, told the page's locale.
 */
import { getLocale } from './locale';

const made = new Map<string, Intl.NumberFormat>();

/** The number format of `options` in `locale` (by default the one on display). */
export function numberFormat(options: Intl.NumberFormatOptions, locale: string = getLocale()): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    made.set(key, format);
  }
  return format;
}

/** A fraction as a percentage with exactly `digits` decimals: 0.1234 → "12.3%". */
export function formatPercent(fraction: number, digits: number, locale?: string): string {
  return numberFormat(
    { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits },
    locale,
  ).format(fraction);
}
