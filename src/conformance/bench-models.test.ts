import { describe, expect, it } from 'vitest';
import { benchModels, benchModelsRoot, checkBenchModel } from './bench-models.js';

const root = benchModelsRoot();
if (!root) console.warn('bench models: ../shared/bench-models not found; the real-model tests are skipped');
const models = root ? benchModels(root) : [];
const byName = (n: string) => models.find((m) => m.name === n)!;

describe.skipIf(!root)('large published models run unmodified', () => {
  it.each(['Earth4All GL', 'Earth4All TLTL'])('%s matches Vensim in every column at every saved time (1e-3 of the column maximum)', (name) => {
    const c = checkBenchModel(byName(name));
    expect(c.comparison!.columnsChecked).toBe(317);
    expect(c.comparison!.columnsFailed).toEqual([]);
    expect(c.comparison!.pass).toBe(true);
  });

  it('MEDEAS World runs to 2050; most columns match its loose Vensim reference', () => {
    const c = checkBenchModel(byName('MEDEAS World'));
    console.log(`MEDEAS World: ${c.comparison!.matching} of ${c.comparison!.expectedColumns} reference columns match within 1e-3 of the column maximum; differing: ${c.comparison!.columnsFailed.join(' | ')}`);
    expect(c.finalTime).toBe(2050);
    expect(c.comparison!.columnsChecked).toBe(c.comparison!.expectedColumns);
    // The reference is of unknown input vintage (see bench-models/README.md), so this is a floor, not a gate.
    expect(c.comparison!.matching / c.comparison!.expectedColumns).toBeGreaterThan(0.9);
  });

  it.each([
    ['FeliX v25', 2100],
    ['FeliX SDGs v45', 2100],
    ['FeliX algae', 2150],
  ] as const)('%s runs to its final time', (name, end) => {
    const c = checkBenchModel(byName(name));
    expect(c.finalTime).toBe(end);
    expect(c.rows).toBeGreaterThan(100);
  });
});
