/* global console */
/**
 * Prints a real world price index table (year, nominal US$, US CPI, index), its 2015-2019 mean, and the Vensim lookup
 * that holds that mean from 2030 (the stated path of both the crude and the coal builders).
 */
import { mean } from './us-cpi-after-2023.mjs';

export function printRealIndex(rows, header) {
  console.log(header);
  for (const r of rows) console.log(`${r.y},${r.usd.toFixed(2)},${r.cpi.toFixed(3)},${r.index.toFixed(4)}`);
  const calm = mean(rows.filter((r) => r.y >= 2015 && r.y <= 2019).map((r) => r.index));
  console.log(`2015-2019 mean real index ${calm.toFixed(4)} (held from 2030)`);
  const points = rows.map((r) => `(${r.y},${r.index.toFixed(4)})`).concat([`(2030,${calm.toFixed(4)})`, `(2050,${calm.toFixed(4)})`]);
  console.log(`\n[(2000,0)-(2050,3)],${points.join(',')}`);
}
