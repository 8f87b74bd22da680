/**
 * SAM accounting multipliers. Published values: Miller & Blair (2009), Input-Output Analysis,
 * 2nd ed., section 2.5 (pp. 34-41), the two-sector economy closed with households, whose inverse
 * L̄ = [[1.365, .425, .251], [.527, 1.348, .595], [.570, .489, 1.289]] is printed there (and
 * reproduced in MIT OCW 11.481J, "Multipliers in Input-Output Model", 2009). Written as a SAM
 * with households endogenous and the other accounts exogenous, the accounting multiplier matrix
 * M_a = (I − A_n)⁻¹ of Pyatt & Round (1979) is that same L̄ (Miller & Blair ch. 11 treat the
 * household-closed IO model as the simplest SAM multiplier model). The SAM cells are the printed
 * Ā times the printed totals (1000, 2000, 1000); the exogenous rows/columns only close the accounts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { loadSam, parseSam, samBalance } from './sam-read.js';
import { samImpact, samMultipliers } from './sam.js';

const fixture = fileURLToPath(new URL('./test-fixtures/miller-blair-sam.csv', import.meta.url));
const r3 = (m: number[][]): number[][] => m.map((row) => row.map((v) => Number(v.toFixed(3))));

describe('SAM accounting multipliers', () => {
  const { sam, report } = loadSam(fixture);

  it('reads a square SAM with totals and checks it balances', () => {
    expect(sam.accounts).toEqual(['Sector 1', 'Sector 2', 'Households', 'Other value added', 'Other final demand']);
    expect(sam.totals).toEqual([1000, 2000, 1000, 1750, 1750]);
    expect(report.balanced).toBe(true);
  });

  it('households endogenous: M_a equals the printed L̄ of Miller & Blair section 2.5', () => {
    const m = samMultipliers(sam, ['Other value added', 'Other final demand']);
    expect(m.endogenous).toEqual(['Sector 1', 'Sector 2', 'Households']);
    expect(r3(m.An)).toEqual([[0.15, 0.25, 0.05], [0.2, 0.05, 0.4], [0.3, 0.25, 0.05]]);
    expect(r3(m.Ma)).toEqual([[1.365, 0.425, 0.251], [0.527, 1.348, 0.595], [0.57, 0.489, 1.289]]);
    // Column sums including households: Miller & Blair's total output multipliers 2.462 and 2.262.
    expect(m.columnSums.slice(0, 2).map((v) => Number(v.toFixed(3)))).toEqual([2.462, 2.262]);
  });

  it('an injection reproduces the base-year incomes of the endogenous accounts', () => {
    const m = samMultipliers(sam, ['Other value added', 'Other final demand']);
    // Exogenous injections are what the exogenous column pays the endogenous accounts.
    const y = samImpact(m, { 'Sector 1': 300, 'Sector 2': 1300, Households: 150 });
    y.forEach((v, i) => expect(v).toBeCloseTo([1000, 2000, 1000][i], 9));
    expect(() => samImpact(m, { 'Other value added': 1 })).toThrow(/not an endogenous account/);
  });

  it('the usual exogenous accounts are recognised by name', () => {
    const grid = parseCsv(
      ',Activities,Households,Government,Rest of world\nActivities,10,50,20,20\nHouseholds,60,0,5,0\nGovernment,10,10,0,5\nRest of world,20,5,0,0\n',
      'mini-sam.csv',
    );
    const s = parseSam(grid);
    expect(samBalance(s).balanced).toBe(true);
    const m = samMultipliers(s);
    expect(m.exogenous).toEqual(['Government', 'Rest of world']);
    expect(m.endogenous).toEqual(['Activities', 'Households']);
  });

  it('reports every unbalanced account, and rejects a non-square SAM', () => {
    const s = parseSam(parseCsv(',a,b\na,1,5\nb,3,1\n', 'bad-sam.csv'));
    const rep = samBalance(s);
    expect(rep.balanced).toBe(false);
    expect(rep.issues.map((i) => i.account)).toEqual(['a', 'b']);
    expect(rep.issues[0].message).toMatch(/income \(row\) 6 ≠ spending \(column\) 4/);
    const printed = samBalance(parseSam(parseCsv(',a,b,Total\na,1,3,5\nb,3,1,4\nTotal,4,4,\n', 'printed.csv')));
    expect(printed.issues.map((i) => `${i.where}: ${i.message}`)).toEqual(['printed.csv:2:7: printed row total of "a" is 5 but its cells add up to 4']);
    expect(() => parseSam(parseCsv(',a,b\na,1,2\nb,3,4\nc,5,6\n', 'ns.csv'))).toThrow(/must be square: 3 account rows but 2 account columns/);
    expect(() => parseSam(parseCsv(',a,b\nb,1,2\na,3,4\n', 'order.csv'))).toThrow(/order\.csv:2:1: row 1 is "b" but column 1 is "a"/);
  });
});
