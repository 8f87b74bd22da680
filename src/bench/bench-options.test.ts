import { describe, expect, it } from 'vitest';
import { BENCH_SECTIONS, parseBenchOptions } from './bench-options.js';

describe('parseBenchOptions', () => {
  it('runs every section once by default', () => {
    const o = parseBenchOptions([]);
    expect([...o.only]).toEqual([...BENCH_SECTIONS]);
    expect(o.reps).toBe(1);
  });

  it('reads --only and --reps, the arguments winning over the environment', () => {
    const o = parseBenchOptions(['--only=e4a, gen10k', '--reps=3'], { IGEM_BENCH_ONLY: 'peru', IGEM_BENCH_REPS: '7' });
    expect([...o.only].sort()).toEqual(['e4a', 'gen10k']);
    expect(o.reps).toBe(3);
    expect(parseBenchOptions([], { IGEM_BENCH_ONLY: 'peru', IGEM_BENCH_REPS: '7' })).toEqual({ only: new Set(['peru']), reps: 7 });
  });

  it('names an unknown section, argument or bad repetition count', () => {
    expect(() => parseBenchOptions(['--only=e4a,earth'])).toThrow(/unknown section earth/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown argument --fast/);
    expect(() => parseBenchOptions(['--reps=0'])).toThrow(/--reps must be/);
    expect(() => parseBenchOptions(['--reps=2.5'])).toThrow(/--reps must be/);
  });
});
