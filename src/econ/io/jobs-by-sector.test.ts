import { describe, expect, it } from 'vitest';
import { jobsBySector, totalJobs } from './jobs-by-sector.js';
import type { LinkResult } from './link.js';

const link = (jobs: number[][]): LinkResult => ({ years: jobs.map((_, i) => 2020 + i), sectors: ['a', 'b'], type: 1, finalDemand: [], output: [], valueAdded: [], jobs, satellites: [], notes: [] });

describe('jobs by sector, green status and formality', () => {
  it('splits each sector both ways, and both splits add up to the sector’s jobs', () => {
    const spec = { environmentalShare: [0.5, 0.1], formalShare: [0.2, 0.9], basis: { environmental: 'x', formal: 'y' } };
    const r = jobsBySector(link([[100, 10], [200, 0]]), spec);
    expect(r.jobs[0]![0]).toEqual({ total: 100, green: 10, transition: 40, other: 50, formal: 20, informal: 80 });
    const b = r.jobs[0]![1]!;
    expect(b.green).toBeCloseTo(0.9, 12);
    expect(b.transition).toBeCloseTo(0.1, 12);
    expect(b.other).toBeCloseTo(9, 12);
    expect(b.formal).toBeCloseTo(9, 12);
    expect(totalJobs(r.jobs[1]!)).toEqual({ total: 200, green: 20, transition: 80, other: 100, formal: 40, informal: 160 });
  });

  it('needs jobs in the link result', () => {
    const noJobs = { ...link([[1, 1]]), jobs: undefined };
    expect(() => jobsBySector(noJobs, { environmentalShare: [0, 0], formalShare: [1, 1], basis: { environmental: '', formal: '' } })).toThrow(/employment satellite/);
  });
});
