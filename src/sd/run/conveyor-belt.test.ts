/** The conveyor belt on its own (rules and sources in conveyor-belt.ts); hand arithmetic in comments. */
import { describe, expect, it } from 'vitest';
import { ConveyorBelt, zoneWeight } from './conveyor-belt.js';

describe('ConveyorBelt', () => {
  it('lays the initial content in the steady profile of its leaks', () => {
    const belt = new ConveyorBelt();
    // n = 4, one linear leak of 0.2: entered a with 370 = a × (4 − 0.2 × 3 / 2) → a = 100;
    // slats hold 85, 90, 95, 100; the one due now leaks 5 and leaves with 80.
    belt.init(4, 370, 1, false, [0.2]);
    expect(belt.content()).toBeCloseTo(370, 12);
    expect(belt.compute(0, [0.2])).toBeCloseTo(80, 12);
    expect(belt.leak(0)).toBeCloseTo(20, 12);
  });

  it('computing a step twice gives the same flows; advancing applies them once', () => {
    const belt = new ConveyorBelt();
    belt.init(2, 20, 1, false, [0.5]);
    // n = 2: 20 = a × (2 − 0.5 / 2) → a = 80/7; slats 80/7 × (0.75, 1); each leaks 0.5 × a / 2 = a/4.
    const a = 80 / 7;
    const first = belt.compute(0, [0.5]);
    expect(belt.compute(0, [0.5])).toBe(first);
    expect(first).toBeCloseTo(a * 0.5, 12);
    expect(belt.leak(0)).toBeCloseTo(a / 2, 12);
    belt.advance(0, 10, 2);
    // Left: the second slat after its leak (0.75 a) and the new 10.
    expect(belt.content()).toBeCloseTo(0.75 * a + 10, 12);
  });

  it('two leaks share a slat; a slat never gives more than it holds', () => {
    const belt = new ConveyorBelt();
    belt.init(1, 0, 1, false, [0.7, 0.7]);
    belt.compute(0, [0.7, 0.7]);
    belt.advance(0, 10, 1);
    // n = 1: the slat of 10 would leak 7 + 7; the first leak takes 7, the second the 3 left.
    expect(belt.compute(1, [0.7, 0.7])).toBe(0);
    expect([belt.leak(0), belt.leak(1)]).toEqual([7, 3]);
  });

  it('a transit time shorter than DT still holds material for one DT', () => {
    expect(ConveyorBelt.slatsFor(0.1, 1)).toBe(1);
    expect(ConveyorBelt.slatsFor(2.4, 1)).toBe(2);
  });

  it('over many steps (past the compaction of slats that left) each inflow leaves n steps later', () => {
    const belt = new ConveyorBelt();
    belt.init(3, 0, 1, false, []);
    const inflow = (s: number) => (s * 7) % 11;
    for (let s = 0; s < 300; s++) {
      // Outflow at step s is the inflow of step s − 3 (0 before the first inflows arrive).
      expect(belt.compute(s, [])).toBe(s >= 3 ? inflow(s - 3) : 0);
      belt.advance(s, inflow(s), 3);
    }
    // On the belt: the inflows of steps 297, 298, 299.
    expect(belt.content()).toBe(inflow(297) + inflow(298) + inflow(299));
  });

  it('a leak zone weighs each step by the share of its stretch of belt inside the zone', () => {
    // n = 4, zone (0.5, 1): steps 3 and 4 lie inside, 1 and 2 outside.
    expect([1, 2, 3, 4].map((k) => zoneWeight({ start: 0.5, end: 1 }, k, 4))).toEqual([0, 0, 1, 1]);
    // n = 2, zone (0.3, 0.6): step 1 is (0, 0.5), 0.2 of it inside → 0.4; step 2, 0.1 → 0.2.
    const w = [1, 2].map((k) => zoneWeight({ start: 0.3, end: 0.6 }, k, 2));
    expect(w[0]).toBeCloseTo(0.4, 12);
    expect(w[1]).toBeCloseTo(0.2, 12);
  });

  it('a linear leak in a zone takes the whole fraction of what entered, only inside the zone', () => {
    const belt = new ConveyorBelt();
    const zone = { start: 0.3, end: 0.6 };
    belt.init(2, 0, 1, false, [0.6], [zone]);
    belt.compute(0, [0.6]);
    belt.advance(0, 10, 2);
    // The slat of 10 leaks 0.6 × 10 × w / (2 × 0.3) = 10 w: 4 at its step 1, 2 at its step 2,
    // 6 in all (= 0.6 × 10), and leaves with 4.
    belt.compute(1, [0.6]);
    expect(belt.leak(0)).toBeCloseTo(4, 12);
    belt.advance(1, 0, 2);
    expect(belt.compute(2, [0.6])).toBeCloseTo(4, 12);
    expect(belt.leak(0)).toBeCloseTo(2, 12);
  });
});
