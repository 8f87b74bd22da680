import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAnalysisCommands, splitList } from './analysis-commands.js';

const model = fileURLToPath(new URL('../analysis/test-fixtures/exponential.mdl', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'igem-analysis-'));
const file = (name: string) => join(dir, name);

// History of Population = 80 (1 + 0.042 / 4)^(4t), t = 0..40, with ±0.5% alternating noise.
const rows = Array.from({ length: 41 }, (_, t) => `${t},${(80 * (1 + 0.042 * 0.25) ** (4 * t) * (1 + (t % 2 ? 0.005 : -0.005))).toFixed(6)}`);
writeFileSync(file('history.csv'), ['Time,Population', ...rows].join('\n') + '\n');

async function igem(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(console, 'error').mockImplementation((s) => void err.push(String(s)));
  const program = new Command().exitOverride();
  registerAnalysisCommands(program);
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'igem', ...args]);
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { status, out: out.join(''), err: err.join('\n') };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('igem calibrate', () => {
  it('fits, writes the parameters and a report, and prints JSON', async () => {
    const r = await igem('calibrate', model, '--data', file('history.csv'), '--vary', 'growth rate=0.001:0.1', 'initial population=10:500',
      '--out-params', file('params.json'), '--report', file('fit.html'), '--json', '--seed', '3');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    const params = JSON.parse(readFileSync(file('params.json'), 'utf8'));
    expect(Object.keys(params)).toEqual(['growth rate', 'initial population']);
    expect(Math.abs(params['growth rate'] / 0.042 - 1)).toBeLessThan(0.01);
    expect(Math.abs(params['initial population'] / 80 - 1)).toBeLessThan(0.01);
    const json = JSON.parse(r.out);
    expect(json.series[0].n).toBe(41);
    expect(readFileSync(file('fit.html'), 'utf8').match(/<svg /g)).toHaveLength(1);
  });

  it('exits with status 2 and names the item on bad input', async () => {
    writeFileSync(file('nan.csv'), 'Time,Population\n0,80\n1,NaN\n');
    writeFileSync(file('unknown.csv'), 'Time,Populaton\n0,80\n');
    writeFileSync(file('late.csv'), 'Time,Population\n100,80\n');
    const cases: [string[], string][] = [
      [['--data', file('history.csv'), '--vary', 'growth rate=0.1:0.01'], 'lower bound 0.1 of "growth rate" must be below its upper bound 0.01'],
      [['--data', file('history.csv'), '--vary', 'births=0:1'], '"births" is not a constant'],
      [['--data', file('history.csv'), '--vary', 'growth=0:1'], 'unknown variable "growth"'],
      [['--data', file('nan.csv'), '--vary', 'growth rate=0:1'], `${file('nan.csv')}:3:3: NaN in data`],
      [['--data', file('unknown.csv'), '--vary', 'growth rate=0:1'], `${file('unknown.csv')}:1:6: unknown variable "Populaton"`],
      [['--data', file('late.csv'), '--vary', 'growth rate=0:1'], 'no observation of "Population" falls within the simulated time 0 to 50'],
      [['--vary', 'growth rate=0:1'], '--data: give the historical data'],
    ];
    for (const [args, message] of cases) {
      const r = await igem('calibrate', model, ...args);
      expect(r.status).toBe(2);
      expect(r.err).toContain(message);
    }
  });
});

describe('igem sensitivity', () => {
  it('writes percentile bands with the documented columns', async () => {
    const r = await igem('sensitivity', model, '--vary', 'growth rate=uniform(0.01,0.05)', '--runs', '200', '--columns', 'Population',
      '--out', file('bands.csv'), '--runs-out', file('runs.csv'), '--method', 'random');
    expect(r.err).toBe('');
    const every = readFileSync(file('runs.csv'), 'utf8').trim().split('\n');
    expect(every[0]).toBe('Run,growth rate,Time,Population');
    expect(every).toHaveLength(1 + 200 * 51);
    const lines = readFileSync(file('bands.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('Time,Population p5,Population p25,Population p50,Population p75,Population p95,Population mean,Population sd');
    expect(lines).toHaveLength(52);
  });

  it('prints Sobol and Morris indices', async () => {
    const vary = ['--vary', 'growth rate=uniform(0.01,0.05)', 'initial population=triangular(50,100,150)'];
    const s = await igem('sensitivity', model, ...vary, '--runs', '400', '--method', 'sobol', '--columns', 'Population', '--json');
    expect(s.status).toBe(0);
    const indices = JSON.parse(s.out);
    expect(indices.map((i: { parameter: string }) => i.parameter)).toEqual(['growth rate', 'initial population']);
    const m = await igem('sensitivity', model, ...vary, '--runs', '60', '--method', 'morris', '--columns', 'Population');
    expect(m.out).toContain('Morris: 20 trajectories × 3 points = 60 runs');
  });

  it('exits with status 2 on a bad distribution or a computed variable', async () => {
    const bad = await igem('sensitivity', model, '--vary', 'growth rate=uniform(5,1)', '--runs', '10');
    expect(bad.status).toBe(2);
    expect(bad.err).toBe('error: --vary "growth rate=uniform(5,1)": uniform needs LO < HI, got LO=5 and HI=1');
    const computed = await igem('sensitivity', model, '--vary', 'births=uniform(0,1)', '--runs', '10');
    expect(computed.status).toBe(2);
    expect(computed.err).toContain('"births" is not a constant');
  });

  it('splits column lists outside subscript brackets', () => {
    expect(splitList('A, Pop[a,b],C')).toEqual(['A', 'Pop[a,b]', 'C']);
  });
});
