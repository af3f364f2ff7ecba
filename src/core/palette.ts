/**
 * The Okabe–Ito colours (Okabe & Ito 2008), defined once: distinguishable with the common
 * colour-vision deficiencies. Every palette of the app that uses them takes them from here.
 */
export const OKABE_ITO = {
  blue: '#0072b2',
  orange: '#e69f00',
  /** Okabe and Ito's "bluish green". */
  green: '#009e73',
  /** Okabe and Ito's "reddish purple". */
  pink: '#cc79a7',
  sky: '#56b4e9',
  vermilion: '#d55e00',
  yellow: '#f0e442',
  black: '#000000',
} as const;

export type OkabeItoName = keyof typeof OKABE_ITO;

/** The named Okabe–Ito colours, in the order given. */
export function okabeIto(...names: readonly OkabeItoName[]): readonly string[] {
  return names.map((name) => OKABE_ITO[name]);
}
