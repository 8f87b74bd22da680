import { describe, expect, it } from 'vitest';
import { compileVensim } from '../sd/run/engine.js';
import { compareRecorded } from './corpus-recorded.js';

// A stock growing 10% a year, and a lookup that records its path to 4 significant digits, as a
// published model records its reference run.
const model = (recorded: string) => `stock = INTEG(0.1 * stock, 100) ~~|
recorded stock = WITH LOOKUP(Time, (${recorded})) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 3 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;

describe('compareRecorded', () => {
  it('passes when the computed column follows the recorded series within the suite tolerance', () => {
    const r = compileVensim(model('(0,100),(1,110),(2,121),(3,133.1)')).model.run();
    const c = compareRecorded(r, [{ column: 'stock', recorded: 'recorded stock' }]);
    expect(c.pass).toBe(true);
    expect(c.columnsChecked).toBe(1);
  });

  it('fails, naming the time, when the recorded series differs', () => {
    const r = compileVensim(model('(0,100),(1,110),(2,125),(3,133.1)')).model.run();
    const c = compareRecorded(r, [{ column: 'stock', recorded: 'recorded stock' }]);
    expect(c.pass).toBe(false);
    expect(c.reason).toContain('at Time 2');
  });

  it('fails with a reason when the recorded variable does not exist', () => {
    const r = compileVensim(model('(0,100),(3,133.1)')).model.run();
    const c = compareRecorded(r, [{ column: 'stock', recorded: 'no such series' }]);
    expect(c.pass).toBe(false);
    expect(c.reason).toContain('no such series');
  });
});
