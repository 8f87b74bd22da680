import { describe, expect, it } from 'vitest';
import { clipToBox } from './diagram.js';

describe('diagram geometry', () => {
  it('stops a line at the edge of the box it points at', () => {
    // From the left: the left edge of a 40×20 box centred at (100, 50).
    expect(clipToBox({ x: 0, y: 50 }, { x: 100, y: 50 }, 20, 10)).toEqual({ x: 80, y: 50 });
    // From above and to the left at 45°: the top edge is met first (half height 10 < half width 20).
    expect(clipToBox({ x: 0, y: -50 }, { x: 100, y: 50 }, 20, 10)).toEqual({ x: 90, y: 40 });
    // A line starting inside the box ends at its start.
    expect(clipToBox({ x: 95, y: 50 }, { x: 100, y: 50 }, 20, 10)).toEqual({ x: 95, y: 50 });
  });
});
