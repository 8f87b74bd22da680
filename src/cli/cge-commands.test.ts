/**
 * `igem cge run` in process on a synthetic model directory written to a temp folder: the JSON
 * shape, the base year reproducing the SAM, and exit status 2 with file and account named on bad
 * input (unbalanced SAM, missing elasticity, non-square closure).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticElasticities, syntheticSam } from '../econ/cge/synthetic-sam.js';
import { samDescriptor, writeSam, writeSamDescriptor } from '../econ/sam/write.js';
import { runCli } from './test-support.js';
import { registerCgeCommands } from './cge-commands.js';

const igem = (...args: string[]) => runCli(registerCgeCommands, ['cge', ...args]);
afterEach(() => vi.restoreAllMocks());

function modelDir(opts: { unbalance?: boolean; dropArmington?: boolean; closure?: object } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'igem-cge-'));
  const sam = syntheticSam({ sectors: 3, households: 2 });
  if (opts.unbalance) sam.values[0]![sam.accounts.length - 1] = 5;
  writeSam(join(dir, 'sam.csv'), sam);
  writeSamDescriptor(join(dir, 'sam.descriptor.json'), samDescriptor(sam, { year: 2019 }));
  const el = syntheticElasticities() as Record<string, unknown>;
  writeFileSync(join(dir, 'elasticities.json'), JSON.stringify(opts.dropArmington ? { ...el, armington: {} } : el));
  writeFileSync(join(dir, 'closure.json'), JSON.stringify(opts.closure ?? {}));
  mkdirSync(join(dir, 'scenarios'));
  const isc = { type: 'isc-index', start: 2020, rampYears: 1, ratePerIndex: 0.5, index: { c1: { value: 1, source: 'Supuesto: prueba' } } };
  writeFileSync(join(dir, 'scenarios', 'isc.json'), JSON.stringify({ recycling: 'lumpsum', measures: [isc] }));
  writeFileSync(
    join(dir, 'model.json'),
    JSON.stringify({
      sam: 'sam.csv', elasticities: 'elasticities.json', closure: 'closure.json', endYear: 2021,
      population: { h1: { value: 1e6, source: 'Supuesto: prueba' }, h2: { value: 1e6, source: 'Supuesto: prueba' } },
      emissionFactors: { c1: { value: 500, source: 'Supuesto: prueba' } },
    }),
  );
  return dir;
}

describe('igem cge run', () => {
  it('--json: years, variables, households with ev/ev_pct, converged, max_residual; base year = SAM GDP', async () => {
    const dir = modelDir();
    const r = await igem('run', dir, '--scenario', 'isc', '--years', '2019:2021', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.years).toEqual([2019, 2020, 2021]);
    expect(j.converged).toBe(true);
    expect(j.max_residual).toBeLessThanOrEqual(1e-9);
    expect(j.variables.real_gdp).toHaveLength(3);
    expect(Object.keys(j.households)).toEqual(['h1', 'h2']);
    expect(j.households.h1.ev[0]).toBeCloseTo(0, 9); // base year: no measure yet
    expect(j.households.h1.ev_pct[2]).not.toBe(0); // the ISC rate rises in 2020
    expect(j.variables['co2'][2]).toBeLessThan(j.variables['co2'][0] * 1.5);
  });
  it('an unbalanced SAM: exit 2 naming the file and the account', async () => {
    const r = await igem('run', modelDir({ unbalance: true }), '--years', '2019:2019');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sam\.csv|a0/);
  });
  it('a missing elasticity: exit 2 naming the file and the account', async () => {
    const r = await igem('run', modelDir({ dropArmington: true }), '--years', '2019:2019');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/elasticities\.json: armington\.c0/);
  });
  it('a non-square closure: exit 2 saying what is under-determined', async () => {
    const r = await igem('run', modelDir({ closure: { numeraire: 'exr', foreign: 'fixed-exchange-rate' } }), '--years', '2019:2019');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/non-square: under-determined by 1/);
  });
});
