/** Which columns of which agent sets the view draws: the only per-agent data a frame carries. */
import type { Portrayal } from '../core/model';

export function viewColumns(portrayal: Portrayal): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const layer of portrayal.layers) {
    const columns = out.get(layer.agents) ?? new Set<string>();
    columns.add(layer.x).add(layer.y);
    if (layer.color.kind === 'category') columns.add(layer.color.column);
    if (layer.sizeBy) columns.add(layer.sizeBy.column);
    if (layer.alphaColumn) columns.add(layer.alphaColumn);
    if (layer.heading) columns.add(layer.heading.x).add(layer.heading.y);
    if (layer.highlight) columns.add(layer.highlight.tickColumn).add(layer.highlight.kindColumn);
    if (layer.agentLabels?.valueColumn) columns.add(layer.agentLabels.valueColumn);
    // The viewer may switch arrangement at any moment: the grouped one's columns always travel.
    if (layer.grouping) columns.add(layer.grouping.bandColumn).add(layer.grouping.groupColumn);
    out.set(layer.agents, columns);
  }
  return out;
}
