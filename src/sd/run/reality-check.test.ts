import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { compileIR } from './engine.js';
import { runRealityChecks } from './reality-check.js';

const CONTROL = (end: number) => `INITIAL TIME = 0 ~~|\nFINAL TIME = ${end} ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;

/**
 * The Inventory example of Vensim Help 20995 (`always have stock :TEST INPUT: Inventory = 3*final
 * demand`, `fill orders when stocked :THE CONDITION: always have stock :IMPLIES: shipments >= final
 * demand`), rebuilt with numbers of our own. `shipping factor` is 1 in the sound model and drops to
 * 0.5 from time 3 in the faulty one.
 */
const inventory = (shippingFactor: string) => `${CONTROL(5)}
Inventory = INTEG(production - shipments, 0) ~ units ~|
final demand = 10 ~~|
production = 10 ~~|
shipments = shipping factor * MIN(final demand, Inventory) ~~|
shipping factor = ${shippingFactor} ~~|
always have stock :TEST INPUT: Inventory = 3*final demand ~~|
fill orders when stocked :THE CONDITION: always have stock :IMPLIES: shipments >= final demand ~~|
`;

describe('reality checks (Vensim Help 20965-20980)', () => {
  it('passes the Inventory example when stock is always enough to ship', () => {
    // Inventory forced to 3 × 10 = 30: shipments = MIN(10, 30) = 10 >= 10 at t = 0..5.
    const [r] = runRealityChecks(readVensim(inventory('1'), 'inv.mdl'));
    expect(r).toMatchObject({ display: 'fill orders when stocked', status: 'pass', checked: 6, failures: 0, forced: [{ variable: 'Inventory', by: 'always have stock' }] });
    expect(r!.firstFailure).toBeUndefined();
  });

  it('fails it at the first saved time shipments fall short, with the values read', () => {
    // From t = 3 shipments = 0.5 × MIN(10, 30) = 5 < 10: failures at t = 3, 4, 5.
    const [r] = runRealityChecks(readVensim(inventory('IF THEN ELSE(Time >= 3, 0.5, 1)'), 'inv.mdl'));
    expect(r).toMatchObject({ status: 'fail', checked: 6, failures: 3, firstFailure: { time: 3, values: [{ name: 'shipments', value: 5 }, { name: 'final demand', value: 10 }] } });
    expect(r!.loc).toMatchObject({ file: 'inv.mdl', line: 12, column: 1 });
  });

  it('leaves the normal run of the model as it was', () => {
    const withChecks = inventory('1');
    const without = withChecks.split('\n').filter((l) => !l.includes(':TEST INPUT:') && !l.includes(':THE CONDITION:')).join('\n');
    const a = compileIR(readVensim(withChecks)).model.run();
    const b = compileIR(readVensim(without)).model.run();
    expect(a.names).toEqual(b.names);
    expect(a.series).toEqual(b.series);
    // Base run: Inventory 0, 10, 10, …: shipments 0 then 10.
    expect(Array.from(a.get('Inventory')!)).toEqual([0, 10, 10, 10, 10, 10]);
  });

  it('forces an equality in the condition (no capital no production, 20970)', () => {
    const model = (production: string) => `${CONTROL(3)}
Capital = INTEG(investment, 100) ~~|
investment = 5 ~~|
production = ${production} ~~|
no capital no production :THE CONDITION: Capital = 0 :IMPLIES: production = 0 ~~|
`;
    expect(runRealityChecks(readVensim(model('0.2 * Capital')))[0]).toMatchObject({ status: 'pass', checked: 4 });
    // production = 0.2 × 0 + 3 = 3 at every time: fails at t = 0.
    expect(runRealityChecks(readVensim(model('0.2 * Capital + 3')))[0]).toMatchObject({ status: 'fail', failures: 4, firstFailure: { time: 0, values: [{ name: 'production', value: 3 }] } });
  });

  it('keeps the computed value where an inequality holds and assigns it where not (20980)', () => {
    // Capital computed 100 → forced 50, depreciation 25; computed 75 → 50, 25; computed 50 → 50
    // (50 < 50 is false: assigned 50), 25; computed 25 → kept, 12.5; computed 12.5 → kept, 6.25.
    const text = `${CONTROL(4)}
Capital = INTEG(-depreciation, 100) ~~|
depreciation = 0.5 * Capital ~~|
low capital little depreciation :THE CONDITION: Capital < 50 :IMPLIES: depreciation <= 20 ~~|
`;
    const [r] = runRealityChecks(readVensim(text));
    expect(r).toMatchObject({ status: 'fail', checked: 5, failures: 3, firstFailure: { time: 0, values: [{ name: 'depreciation', value: 25 }] } });
  });

  it('lets a Test Input read the value the model computed for its variable, the stock still integrating', () => {
    // S computed: 10, 11, 12; forced S = computed + 100: 110, 111, 112.
    const text = `${CONTROL(2)}
S = INTEG(inflow, 10) ~~|
inflow = 1 ~~|
lift :TEST INPUT: S = S + 100 ~~|
lifted :THE CONDITION: lift :IMPLIES: S >= 110 ~~|
not above 111 :THE CONDITION: lift :IMPLIES: S < 111 ~~|
`;
    const [ok, bad] = runRealityChecks(readVensim(text));
    expect(ok).toMatchObject({ status: 'pass', checked: 3 });
    expect(bad).toMatchObject({ status: 'fail', failures: 2, firstFailure: { time: 1, values: [{ name: 'S', value: 111 }] } });
  });

  it('says where the restructured model cannot run, as Vensim does for simultaneous equations (20975)', () => {
    const text = `${CONTROL(2)}
x = 1 ~~|
y = x ~~|
loop :TEST INPUT: x = y ~~|
c :THE CONDITION: loop :IMPLIES: y = 1 ~~|
`;
    const [r] = runRealityChecks(readVensim(text, 'l.mdl'));
    expect(r!.status).toBe('refused');
    expect(r!.refusal).toMatchObject({ code: 'E_ALGEBRAIC_LOOP', loc: { line: 8, column: 1 } }); // at the Test Input
    expect(r!.refusal!.message).toMatch(/^constraint c: the model as the check restructures it cannot run: .*x -> y -> x/);
    expect(r!.refusal!.messageEs).toMatch(/^restricción c: el modelo reestructurado/);
  });

  it('refuses the forms it does not implement, each at its place and by name, in both languages', () => {
    const text = `${CONTROL(2)}
x = 1 ~~|
y = x ~~|
ramp :TEST INPUT: x = RC STEP CHECK(1, x, 0) ~~|
with ramp :THE CONDITION: ramp :IMPLIES: y >= 0 ~~|
either :THE CONDITION: x = 0 :OR: y = 0 :IMPLIES: y = 0 ~~|
crossing :THE CONDITION: x = 0 :IMPLIES: y :CROSSING: 3 ~~|
late :THE CONDITION: Time > 1 :IMPLIES: y = 1 ~~|
smooth :THE CONDITION: x = SMOOTH(y, 2) :IMPLIES: y = 1 ~~|
`;
    const rs = runRealityChecks(readVensim(text, 'r.mdl'));
    expect(rs.map((r) => r.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    const at = rs.map((r) => [r.refusal!.loc!.line, r.refusal!.loc!.column]);
    expect(at).toEqual([[8, 23], [10, 30], [11, 44], [12, 27], [13, 28]]);
    const named = ['RC STEP CHECK', ':OR:', ':CROSSING:', 'Time', 'SMOOTH'];
    rs.forEach((r, i) => {
      expect(r.refusal!.message).toContain(named[i]);
      expect(r.refusal!.messageEs).toContain(named[i]);
    });
  });
});
