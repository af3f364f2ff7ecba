import { describe, expect, it } from 'vitest';
import { namesFit, placeLabels, type Box } from '../../src/ui/view/labelLayout';

const box = (left: number, top: number, width: number, height = 15): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('the view’s texts', () => {
  it('shrink area names just enough that neighbours on a line clear each other', () => {
    // Centres 100 px apart, 120 px wide each: they must shrink to (100 − 6) / 120.
    expect(namesFit([box(0, 0, 120), box(100, 0, 120)])).toBeCloseTo(94 / 120);
    // Names on different lines, or already apart, keep their size.
    expect(namesFit([box(0, 0, 120), box(100, 40, 120)])).toBe(1);
    expect(namesFit([box(0, 0, 50), box(100, 0, 50)])).toBe(1);
  });

  it('step a label away from its agent past what it would cover, and keep it on the canvas', () => {
    const name = box(0, 50, 100);
    const offsets = placeLabels(
      [name],
      [
        { box: box(10, 40, 60), up: false },
        // Overlaps the first label once that one moved below the name: it goes further down.
        { box: box(40, 40, 60), up: false },
        // Hangs over the right edge: moved inside.
        { box: box(180, 100, 40), up: true },
      ],
      200,
      200,
      false,
    );
    expect(offsets[0]).toEqual({ dx: 0, dy: 26 });
    expect(offsets[1]).toEqual({ dx: 0, dy: 42 });
    expect(offsets[2]).toEqual({ dx: -20, dy: 0 });
  });

  it('try the other way, if asked, when the preferred one leaves the canvas; give up where neither has room', () => {
    const stuck = placeLabels([box(0, 180, 200, 20)], [{ box: box(50, 170, 40), up: false }], 200, 200, false);
    expect(stuck).toEqual([null]);
    const [flipped] = placeLabels([box(0, 180, 200, 20)], [{ box: box(50, 170, 40), up: false }], 200, 200, true);
    expect(flipped).toEqual({ dx: 0, dy: -(170 + 15 - 180) - 1 });
    expect(placeLabels([box(0, 0, 200, 200)], [{ box: box(50, 50, 40), up: false }], 200, 200, true)).toEqual([null]);
  });
});
