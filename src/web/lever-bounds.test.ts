import { describe, expect, it } from 'vitest';
import { clampSettings, clampValue } from './lever-bounds.js';
import type { Lever } from './levers.js';

const lever = (name: string, min: number, max: number, def: number): Lever => ({
  name, label: name.toUpperCase(), help: '', units: '', group: 'g', min, max, step: 1, defaultValue: def, isSwitch: false, policy: true, identifier: false,
});

describe('lever bounds', () => {
  it('moves a value to the nearest bound and leaves values inside alone', () => {
    const l = lever('a', 0, 10, 5);
    expect(clampValue(l, 1e12)).toBe(10);
    expect(clampValue(l, -Infinity)).toBe(0);
    expect(clampValue(l, 1e308)).toBe(10);
    expect(clampValue(l, 3.5)).toBe(3.5);
    expect(clampValue(l, NaN)).toBe(5);
  });

  it('lists clamped and unknown settings', () => {
    const r = clampSettings([lever('a', 0, 10, 5), lever('b', -1, 1, 0)], { a: 1e308, b: 0.5, zz: 3 });
    expect(r.settings).toEqual({ a: 10, b: 0.5 });
    expect(r.clamped).toEqual([{ name: 'a', label: 'A', given: 1e308, value: 10 }]);
    expect(r.unknown).toEqual(['zz']);
  });
});
