/**
 * Annual means of a monthly FRED-style CSV (header line, then `date,value` rows), keeping only complete years.
 * Shared by the builders of the forest (coffee) and oil (Brent) real price series.
 */
import { readFileSync } from 'node:fs';

export function annualMeans(path) {
  const sums = new Map();
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  lines.forEach((line, i) => {
    const [date, value] = line.split(',');
    const year = Number(date.slice(0, 4));
    const v = Number(value);
    if (!Number.isFinite(v) || !Number.isInteger(year)) throw new Error(`${path}:${i + 2}: bad row '${line}'`);
    const s = sums.get(year) ?? { total: 0, n: 0 };
    sums.set(year, { total: s.total + v, n: s.n + 1 });
  });
  return new Map([...sums].filter(([, s]) => s.n === 12).map(([y, s]) => [y, s.total / 12]));
}
