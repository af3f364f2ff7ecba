/**
 * The colour of a reporter's line, the same in every plot that draws it: the model's own (in
 * the cloud market a vendor's colour, direct purchase black), else the palette's colour of its
 * place in the plot.
 */
import { CATEGORY_PALETTE, type Model } from '../core/model';
import type { ParamSchema, ParamValues } from '../core/params';

export function seriesColor(model: Model, params: ParamValues<ParamSchema>, name: string, index: number): string {
  return model.seriesColor?.(name, params) ?? CATEGORY_PALETTE[index % CATEGORY_PALETTE.length];
}
