import { beforeEach, describe, expect, it } from 'vitest';
import { cameraFor, keepCamera, useViewOptions } from '../../src/ui/viewOptions';

const HOME = { x: 0, y: 0, zoom: 1 };
const ZOOMED = { x: -120, y: -80, zoom: 2.25 };

describe('the camera kept for the world on view', () => {
  beforeEach(() => useViewOptions.setState({ camera: null }));

  it('is the home camera for a world never seen', () => {
    expect(cameraFor('cloud-market 0 100 0 100', HOME)).toEqual(HOME);
  });

  it('comes back where the viewer left it when the same world is drawn anew', () => {
    cameraFor('cloud-market 0 100 0 100', HOME);
    keepCamera('cloud-market 0 100 0 100', ZOOMED);
    expect(cameraFor('cloud-market 0 100 0 100', HOME)).toEqual(ZOOMED);
  });

  it('starts at home in another world, and that world then forgets the old camera', () => {
    keepCamera('cloud-market 0 100 0 100', ZOOMED);
    expect(cameraFor('flocking -50 50 -50 50', HOME)).toEqual(HOME);
    expect(cameraFor('cloud-market 0 100 0 100', HOME)).toEqual(HOME);
  });
});
