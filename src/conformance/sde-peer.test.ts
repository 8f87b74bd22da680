import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import { preparePeer } from './sde-peer.js';

// A stock per element plus a scalar stock, with a flow that depends on the stock (so the
// values after t=0 come from integration, not from the initial values alone).
const tinyModel = `{UTF-8}
Region: north, south ~~|
Stock[Region] = INTEG(Inflow[Region], 10) ~ widgets ~|
Inflow[Region] = Growth[Region] * Stock[Region] ~ widgets/Year ~|
Growth[Region] = 0.1, 0.2 ~ 1/Year ~|
Population = INTEG(Births - Deaths, 100) ~ people ~|
Births = Population * 0.03 ~ people/Year ~|
Deaths = Population / 50 ~ people/Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 20 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

describe('SDEverywhere peer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-sde-peer-'));
  const mdl = join(dir, 'tiny.mdl');
  writeFileSync(mdl, tinyModel);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a model to the same values as our engine', async () => {
    const names = ['Population', 'Stock[south]'];
    const peer = await preparePeer(mdl, { outputs: names, workDir: join(dir, 'work') });
    const ours = loadModel(mdl).run({ columns: names });

    expect(peer.outputNames).toEqual(names);
    expect(Array.from(peer.time)).toEqual(Array.from(ours.time));
    const series = peer.run();
    const firstRun = series.map((x) => Array.from(x));
    expect(series).toHaveLength(2);
    for (const [k, name] of names.entries()) {
      const mine = ours.get(name)!;
      expect(series[k]).toHaveLength(mine.length);
      series[k]!.forEach((v, i) => expect(v).toBeCloseTo(mine[i]!, 9));
    }
    // Integration happened: Stock[south] grows by (1 + 0.2/4) per step, 80 steps.
    expect(series[1]![20]).toBeCloseTo(10 * 1.05 ** 80, 9);
    // A second run repeats the first (state is reset by SDEverywhere's run loop).
    expect(peer.run().map((x) => Array.from(x))).toEqual(firstRun);
  });

  it('stores every variable when no outputs are named', async () => {
    const peer = await preparePeer(mdl, { outputs: [], workDir: join(dir, 'work') });
    expect(peer.outputNames).toEqual(expect.arrayContaining(['Population', 'Stock[north]', 'Stock[south]', 'Inflow[south]']));
    expect(peer.run()).toHaveLength(peer.outputNames.length);
  });

  it('names the model and the variable when an output does not exist', async () => {
    const workDir = join(dir, 'work');
    await expect(preparePeer(mdl, { outputs: ['Stock[east]'], workDir })).rejects.toThrow(/tiny\.mdl: output Stock\[east\]/);
    await expect(preparePeer(mdl, { outputs: ['Nothing'], workDir })).rejects.toThrow(/tiny\.mdl: .*_nothing/);
  });
});
