/**
 * Where the view's texts go so that no two overlap and none leaves the canvas: area names shrink
 * until neighbours clear each other; agent labels (vendor names, supplier stocks) step away from
 * their agent past whatever they would cover, and shrink when the canvas is too small for them at
 * full size. Pure geometry on boxes, in CSS pixels of the canvas at zoom 1.
 */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Space kept between two area names side by side, in CSS pixels. */
const NAME_GAP = 6;

/**
 * The factor (at most 1) by which area names centred where they are must shrink so that no two
 * overlap: each pair that shares a line needs its half-widths to fit between their centres.
 */
export function namesFit(names: readonly Box[]): number {
  let fit = 1;
  for (const [i, a] of names.entries())
    for (const b of names.slice(i + 1)) {
      if (!(a.top < b.bottom && b.top < a.bottom)) continue;
      const apart = Math.abs((a.left + a.right) / 2 - (b.left + b.right) / 2) - NAME_GAP;
      const halves = (a.right - a.left + b.right - b.left) / 2;
      if (halves > 0) fit = Math.min(fit, Math.max(0, apart) / halves);
    }
  return fit;
}

/** An agent label at its preferred place, and which way it steps away from its agent (up for a label above it). */
export interface LabelRequest {
  readonly box: Box;
  readonly up: boolean;
}

export interface Offset {
  readonly dx: number;
  readonly dy: number;
}

/** Moves per label at most: a crowd of labels must not cost a frame. */
const MOVES = 12;

/** `box` moved by (dx, dy). */
const shifted = (box: Box, dx: number, dy: number): Box => ({
  left: box.left + dx,
  top: box.top + dy,
  right: box.right + dx,
  bottom: box.bottom + dy,
});

/**
 * Offsets that place each label clear of `fixed` boxes and of the labels placed before it,
 * inside width × height, stepping the preferred way (and then, with `flip`, the other); null
 * where none finds room (the label is not shown).
 */
export function placeLabels(
  fixed: readonly Box[],
  labels: readonly LabelRequest[],
  width: number,
  height: number,
  flip: boolean,
): (Offset | null)[] {
  const placed = [...fixed];
  return labels.map(({ box, up }) => {
    // Inside the canvas across, where the agent is near an edge.
    const dx = box.left < 0 ? -box.left : box.right > width ? width - box.right : 0;
    for (const towardsTop of flip ? [up, !up] : [up]) {
      let moved = shifted(box, dx, 0);
      for (let move = 0; move < MOVES; move++) {
        if (moved.top < 0 || moved.bottom > height || moved.left < 0 || moved.right > width) break;
        const hit = placed.find((other) => overlap(other, moved));
        if (!hit) {
          placed.push(moved);
          return { dx, dy: moved.top - box.top };
        }
        moved = shifted(moved, 0, towardsTop ? hit.top - moved.bottom - 1 : hit.bottom - moved.top + 1);
      }
    }
    return null;
  });
}
