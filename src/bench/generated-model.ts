/**
 * A synthetic Vensim model of a chosen size for benchmarks: `sectors` blocks of five arrayed
 * variables (a stock, its in- and outflow, a lookup-shaped effect, a smoothed signal) over a
 * range of `regions` elements, coupled across regions by a SUM. 20 sectors × 100 regions ≈
 * 10,000 scalar equations.
 */
export function generateModel(sectors: number, regions: number): string {
  const lines: string[] = [];
  const eq = (lhs: string, rhs: string, units = 'Dmnl') => lines.push(`${lhs} = ${rhs}\n\t~\t${units}\n\t~\t|\n`);
  lines.push(`region: (r1-r${regions})\n\t~\t\n\t~\t|\n`);
  eq('regional weight[region]', Array.from({ length: regions }, (_, i) => (1 + (i % 7) / 10).toFixed(2)).join(', '));
  eq('effect table', '([(0,0)-(4,2)],(0,0.5),(1,1),(2,1.4),(3,1.7),(4,1.8))'.replace(/^/, ''), 'Dmnl');
  lines[lines.length - 1] = 'effect table(\n\t[(0,0)-(4,2)],(0,0.5),(1,1),(2,1.4),(3,1.7),(4,1.8))\n\t~\tDmnl\n\t~\t|\n';
  for (let s = 1; s <= sectors; s++) {
    const prev = s === 1 ? 'regional weight[region]' : `stock ${s - 1}[region] / 100`;
    eq(`stock ${s}[region]`, `INTEG(inflow ${s}[region] - outflow ${s}[region], 100 * regional weight[region])`, 'units');
    eq(`inflow ${s}[region]`, `stock ${s}[region] * 0.03 * effect ${s}[region] + ${prev}`, 'units/Year');
    eq(`outflow ${s}[region]`, `stock ${s}[region] / (10 + ${s % 5}) + 0.001 * (total ${s} / ${regions} - stock ${s}[region])`, 'units/Year');
    eq(`effect ${s}[region]`, `effect table(signal ${s}[region] / (100 * regional weight[region]))`);
    eq(`signal ${s}[region]`, `SMOOTH(stock ${s}[region], 2 + ${s % 3})`, 'units');
    eq(`total ${s}`, `SUM(stock ${s}[region!])`, 'units');
  }
  lines.push('INITIAL TIME = 2000\n\t~\tYear\n\t~\t|\n', 'FINAL TIME = 2100\n\t~\tYear\n\t~\t|\n', 'TIME STEP = 0.25\n\t~\tYear\n\t~\t|\n', 'SAVEPER = 1\n\t~\tYear\n\t~\t|\n');
  return lines.join('\n');
}
