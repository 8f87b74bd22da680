/**
 * A generated Vensim model of adjustable size for benchmarks and tests: an aging chain of
 * `stages` stocks, each with an outflow to the next stage and a loss, fed by a seasonal entry
 * flow. Three equations per stage, so `stages = 330` gives about 1,000 equations. The constants
 * `entry rate`, `residence time` and `loss fraction` are the ones to vary.
 */
export interface ChainOptions {
  stages: number;
  finalTime?: number;
  timeStep?: number;
  saveper?: number;
}

export function chainModelText(opts: ChainOptions): string {
  const n = opts.stages;
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`chain model: stages must be a whole number >= 1, got ${n}`);
  const eq = (lhs: string, rhs: string, units = '') => `${lhs} = ${rhs}\n\t~\t${units}\n\t~\t\t|\n\n`;
  const parts: string[] = ['{UTF-8}\n'];
  parts.push(eq('entry', 'entry rate * (1 + 0.5 * SIN(Time / 4))', 'people/Year'));
  for (let k = 1; k <= n; k++) {
    const inflow = k === 1 ? 'entry' : `outflow ${k - 1}`;
    parts.push(eq(`stage ${k}`, `INTEG(${inflow} - outflow ${k} - loss ${k}, initial stock)`, 'people'));
    // Later stages hold people a little longer, so the stages differ.
    parts.push(eq(`outflow ${k}`, `stage ${k} / (residence time * (1 + ${(k / n).toFixed(6)}))`, 'people/Year'));
    parts.push(eq(`loss ${k}`, `stage ${k} * loss fraction`, 'people/Year'));
  }
  parts.push(eq('total', Array.from({ length: n }, (_, i) => `stage ${i + 1}`).join(' + '), 'people'));
  parts.push(eq('entry rate', '100', 'people/Year'));
  parts.push(eq('residence time', '2', 'Year'));
  parts.push(eq('loss fraction', '0.01', '1/Year'));
  parts.push(eq('initial stock', '10', 'people'));
  parts.push('********************************************************\n\t.Control\n********************************************************~\n\t\tSimulation Control Parameters\n\t|\n\n');
  parts.push(eq('FINAL TIME', String(opts.finalTime ?? 100), 'Year'));
  parts.push(eq('INITIAL TIME', '0', 'Year'));
  parts.push(eq('SAVEPER', String(opts.saveper ?? 1), 'Year'));
  parts.push(eq('TIME STEP', String(opts.timeStep ?? 0.25), 'Year'));
  return parts.join('');
}

/** Output columns worth keeping from a chain: the entry, the last stage and the total. */
export function chainColumns(stages: number): string[] {
  return ['entry', `stage ${stages}`, 'total'];
}
