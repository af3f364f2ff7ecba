/**
 * Short legend names: when every series of a plot is labelled "<what>: <whose>" with the same
 * <what> (the plot's title says it already), the legend shows only <whose>, e.g. "Atlas".
 */
export function shortLegendNames(labels: readonly string[]): string[] {
  // "Share: Atlas", or in Chinese "份额：Atlas" (a full-width colon, no space).
  const prefix = (label: string) => {
    const colon = /: |：/.exec(label);
    return colon && colon.index > 0 ? label.slice(0, colon.index + colon[0].length) : null;
  };
  const common = labels.length > 1 ? prefix(labels[0]) : null;
  if (!common || !labels.every((l) => l.startsWith(common) && l.length > common.length)) return [...labels];
  return labels.map((l) => l.slice(common.length));
}
