/* global process, console */
/**
 * Lima mode choice (issue 11): computes the two alternative-specific constants of the logit so that
 * the model's own 2012 run reproduces the base shares (car 0.282, bus 0.598, mass transit 0.120 of
 * Lima passenger-km without motorcycles; see `Lima Car Mode Constant` in peru.mdl). The constants
 * feed back on congestion, so it iterates to a fixed point. Prints the values to write into the model.
 * Uses the built engine (dist/): `npm run build`.
 *
 *   node models/peru/calibration/lima-mode-constants.mjs [model.mdl]
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
const BASE = { car: 0.282, bus: 0.598, 'mass transit': 0.12 };
const YEAR = 2012;

const model = loadModel(process.argv[2] ?? join(root, 'models/peru/peru.mdl'));
const at = (r, name) => {
  const s = r.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return s[r.time.findIndex((t) => Math.abs(t - YEAR) < 1e-9)];
};
let params = {};
for (let i = 0; i < 30; i++) {
  const r = model.run({ params });
  const beta = at(r, 'Mode Cost Sensitivity');
  const gamma = at(r, 'Car Income Elasticity');
  const bus = at(r, 'Lima Bus Generalised Cost');
  const next = {
    'Lima Car Mode Constant': Math.log(BASE.car / BASE.bus) + beta * (at(r, 'Lima Car Generalised Cost') - bus) - gamma * Math.log(at(r, 'Perceived Relative Income')),
    'Lima Mass Transit Mode Constant': Math.log(BASE['mass transit'] / BASE.bus) + beta * (at(r, 'Lima Mass Transit Generalised Cost') - bus),
  };
  const change = Object.keys(next).reduce((m, k) => Math.max(m, Math.abs(next[k] - (params[k] ?? Infinity))), 0);
  params = next;
  if (change < 1e-6) break;
}
const check = model.run({ params });
console.log(JSON.stringify(params, null, 2));
for (const m of Object.keys(BASE)) console.log(`${m}: logit share ${at(check, `Lima Logit Share[${m}]`).toFixed(5)} (base ${BASE[m]})`);
