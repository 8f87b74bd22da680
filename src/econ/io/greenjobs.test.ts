/**
 * Green jobs on a two-sector table small enough to follow by hand:
 *   Z = [[10, 20], [30, 40]], x = [100, 200] → A = [[0.1, 0.1], [0.3, 0.2]],
 *   det(I − A) = 0.9·0.8 − 0.1·0.3 = 0.69, L = [[0.8, 0.1], [0.3, 0.9]] / 0.69.
 *   jobs = [50, 20] → jobs per unit output e = [0.5, 0.1];
 *   environmental shares g = [1, 0.1], formal shares φ = [0.6, 0.9].
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseYearGreenJobs, formalShareFromTable, greenJobsImpact, netImpact, readGreenClassification, readInformality, totalsOf, type GreenSpec,
} from './greenjobs.js';
import { LeontiefModel } from './leontief.js';
import type { IoTable } from './types.js';

const table: IoTable = {
  source: 'hand.csv',
  sectors: ['Solar', 'Coal'],
  Z: [[10, 20], [30, 40]],
  x: [100, 200],
  finalDemand: [{ name: 'Final demand', values: [70, 130] }],
  primaryInputs: [{ name: 'Value added', values: [60, 140] }],
  satellites: [
    { name: 'Employment', kind: 'employment', values: [50, 20] },
    { name: 'Formal employment', kind: 'formal_employment', values: [30, 18] },
  ],
};
const spec: GreenSpec = { environmentalShare: [1, 0.1], formalShare: [0.6, 0.9], basis: { environmental: 'test', formal: 'test' } };

describe('green jobs', () => {
  it('base year: green = g·φ·E, transition = g·(1 − φ)·E, other = (1 − g)·E', () => {
    const b = baseYearGreenJobs(table, spec);
    expect(b.green).toEqual([30, 0.1 * 0.9 * 20]);
    expect(b.transition[0]).toBeCloseTo(20, 12);
    expect(b.transition[1]).toBeCloseTo(0.2, 12);
    expect(b.other).toEqual([0, 18]);
    const t = totalsOf(b);
    expect(t.green + t.transition + t.other).toBeCloseTo(t.total, 12);
    expect(t.total).toBe(70);
  });

  it('the decent-work filter can come from formal-employment satellites', () => {
    expect(formalShareFromTable(table)).toEqual([0.6, 0.9]);
  });

  it('a shock of 10 on Solar: direct, indirect and their green split', () => {
    const g = greenJobsImpact(table, new LeontiefModel(table), spec, [10, 0]);
    // Output: L·[10, 0] = [8, 3] / 0.69; direct = [10, 0]; indirect = [8/0.69 − 10, 3/0.69].
    const indirect = [8 / 0.69 - 10, 3 / 0.69];
    expect(g.direct.total).toEqual([5, 0]);
    expect(g.direct.green).toEqual([3, 0]);
    expect(g.direct.transition[0]).toBeCloseTo(2, 12);
    expect(g.indirect.total[0]).toBeCloseTo(0.5 * indirect[0], 12);
    expect(g.indirect.total[1]).toBeCloseTo(0.1 * indirect[1], 12);
    expect(g.indirect.green[1]).toBeCloseTo(0.1 * indirect[1] * 0.1 * 0.9, 12);
    expect(g.indirect.other[1]).toBeCloseTo(0.1 * indirect[1] * 0.9, 12);
    expect(g.induced).toBeUndefined();
    expect(totalsOf(g.total).total).toBeCloseTo(0.5 * (8 / 0.69) + 0.1 * (3 / 0.69), 12);
  });

  it('the programme\'s own demand can be classified as environmental for the direct round only', () => {
    const model = new LeontiefModel(table);
    const plain = greenJobsImpact(table, model, spec, [0, 10]);
    const own = greenJobsImpact(table, model, spec, [0, 10], undefined, [undefined, 1]);
    expect(plain.direct.green[1]).toBeCloseTo(1 * 0.1 * 0.9, 12); // 10 × e = 1 job × g = 0.1 × φ = 0.9
    expect(own.direct.green[1]).toBeCloseTo(1 * 1 * 0.9, 12);
    expect(own.indirect).toEqual(plain.indirect);
    expect(totalsOf(own.total).total).toBeCloseTo(totalsOf(plain.total).total, 12);
  });

  it('net = gross − displaced, round by round', () => {
    const model = new LeontiefModel(table);
    const gross = greenJobsImpact(table, model, spec, [10, 0]);
    const displaced = greenJobsImpact(table, model, spec, [0, 10]);
    const net = netImpact(gross, displaced);
    net.total.green.forEach((v, i) => expect(v).toBeCloseTo(gross.total.green[i] - displaced.total.green[i], 12));
    expect(totalsOf(net.direct).total).toBeCloseTo(5 - 1, 12);
  });

  it('classification and informality files: shares in [0, 1], every sector once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-green-'));
    const f = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(readGreenClassification(f('g.csv', 'sector,environmental_share,basis\nSolar,1,x\nCoal,0.1,y\n'), table.sectors)).toEqual([1, 0.1]);
    expect(readInformality(f('i.csv', 'sector,informal_share\ncoal,0.1\nsolar,0.4\n'), table.sectors)).toEqual([0.4, 0.1]);
    expect(() => readGreenClassification(f('g2.csv', 'sector,environmental_share\nSolar,1.5\nCoal,0\n'), table.sectors)).toThrow(/g2\.csv:2:7: a share must be between 0 and 1, got 1\.5/);
    expect(() => readGreenClassification(f('g3.csv', 'sector,environmental_share\nSolar,1\n'), table.sectors)).toThrow(/g3\.csv: no value for sector\(s\): Coal/);
    expect(() => readInformality(f('i2.csv', 'sector,informal_share\nSolar,0.1\nWind,0.2\nCoal,0\n'), table.sectors)).toThrow(/i2\.csv:3:1: unknown sector "Wind"/);
  });
});
