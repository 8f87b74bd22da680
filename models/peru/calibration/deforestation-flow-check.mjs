/* global process, console */
/**
 * Check of a flow formulation of agricultural-frontier deforestation (issue 11, model v2), kept as
 * a reproducible negative result: the model keeps the level formulation (see models/peru/README.md,
 * "Deforestation drivers"). Runs the committed model once, takes its agricultural land demand,
 * gold-mining deforestation and conservation/certification reduction, and refits
 *
 *   Deforestation = (base + share × max(0, SMOOTH(growth of Agricultural Land Demand, τ))) × (1 − reduction)
 *                   + gold mining × (1 − reduction)
 *
 * on the same in-sample points as the forest stage (2001-2013 mean, 2014, 2015, 2001-2015 total;
 * relative errors, least squares, base and share ≥ 0), for several smoothing times τ and for fixed
 * bases. Prints in-sample, 2016-2019, 2020-2023 and whole-period MAPE against Geobosques. Since
 * both terms are linear in (base, share), each fit is an exact bounded least-squares solve.
 * Uses the built engine (dist/): `npm run build`, then
 *
 *   node models/peru/calibration/deforestation-flow-check.mjs
 *
 * The whole-period MAPE here averages the model's 2001-2013 path (report.md compares its 2007 value),
 * so the level formulation shows 19.1 % here and 18.8 % in report.md.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));

// Geobosques gross loss of humid Amazon forest, ha (calibration/FOREST-SOURCES.md, anchors.csv).
const annual = { 2014: 177566, 2015: 156505, 2016: 164662, 2017: 155914, 2018: 154766, 2019: 148426, 2020: 203272, 2021: 137976, 2022: 146575, 2023: 132216 };
const mean2001to2013 = 113501;
const total2001to2015 = 1809590;

const run = loadModel(join(root, 'models/peru/peru.mdl')).run();
const at = (name, year) => {
  const i = run.time.findIndex((t) => Math.abs(t - year) < 1e-9);
  if (i < 0) throw new Error(`no saved time ${year} for ${name}`);
  return run.get(name)[i];
};
const years = [];
for (let y = 2000; y <= 2030; y++) years.push(y);
const series = (name) => years.map((y) => at(name, y));
const land = series('Agricultural Land Demand');
const mining = series('Mining Deforestation');
const reduction = series('Deforestation Reduction');
const current = series('Deforestation');

const growth = land.map((x, i) => (i === 0 ? land[1] - land[0] : x - land[i - 1]));
const smooth = (x, tau) => x.reduce((out, v, i) => [...out, i === 0 ? v : out[i - 1] + (v - out[i - 1]) / tau], []);
const idx = (y) => y - 2000;
const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;

/** Relative errors of a path on the in-sample points: mean 2001-2013, 2014, 2015, total 2001-2015. */
const inSample = (d) => [
  mean(d.slice(1, 14)) / mean2001to2013 - 1,
  d[idx(2014)] / annual[2014] - 1,
  d[idx(2015)] / annual[2015] - 1,
  d.slice(1, 16).reduce((s, v) => s + v, 0) / total2001to2015 - 1,
];
function score(d) {
  const ins = inSample(d).slice(0, 3).map(Math.abs);
  const err = (a, b) => Array.from({ length: b - a + 1 }, (_, k) => Math.abs(d[idx(a + k)] / annual[a + k] - 1));
  const oos = err(2016, 2019);
  const late = err(2020, 2023);
  return { ins: mean(ins), oos: mean(oos), late: mean(late), all: mean([...ins, ...oos, ...late]) };
}

/** Bounded least squares of the in-sample relative errors for d = c + b·u + s·v (b, s ≥ 0). */
function fit(c, u, v) {
  const rows = (p) => inSample(p);
  const path = (b, s) => c.map((ci, i) => ci + b * (u ? u[i] : 0) + s * v[i]);
  const e0 = rows(path(0, 0));
  const eu = u ? rows(path(1, 0)).map((x, k) => x - e0[k]) : null;
  const ev = rows(path(0, 1)).map((x, k) => x - e0[k]);
  const dot = (a, b) => a.reduce((s, x, k) => s + x * b[k], 0);
  const only = (g) => Math.max(0, -dot(g, e0) / dot(g, g));
  if (!eu) {
    const s = only(ev);
    return { b: 0, s, d: path(0, s) };
  }
  const [a11, a12, a22] = [dot(eu, eu), dot(eu, ev), dot(ev, ev)];
  const [r1, r2] = [-dot(eu, e0), -dot(ev, e0)];
  const det = a11 * a22 - a12 * a12;
  let b = (r1 * a22 - r2 * a12) / det;
  let s = (a11 * r2 - a12 * r1) / det;
  if (b < 0 || s < 0) {
    const cands = [{ b: 0, s: only(ev) }, { b: only(eu), s: 0 }];
    const sse = ({ b: bb, s: ss }) => rows(path(bb, ss)).reduce((t, x) => t + x * x, 0);
    ({ b, s } = cands.sort((x, y) => sse(x) - sse(y))[0]);
  }
  return { b, s, d: path(b, s) };
}

const kept = reduction.map((r) => 1 - r);
const miningKept = mining.map((m, i) => m * kept[i]);
const line = (label, d, extra = '') => {
  const q = score(d);
  const f = (x) => (100 * x).toFixed(1).padStart(5);
  console.log(`${label.padEnd(34)} in ${f(q.ins)}  2016-19 ${f(q.oos)}  2020-23 ${f(q.late)}  2001-23 ${f(q.all)} | thousand ha 2019 ${(d[idx(2019)] / 1e3).toFixed(0)}, 2023 ${(d[idx(2023)] / 1e3).toFixed(0)}, 2030 ${(d[idx(2030)] / 1e3).toFixed(0)} ${extra}`);
};
line('level formulation (committed)', current);
console.log(`growth of agricultural land demand, thousand ha/yr: ${years.map((y, i) => `${y} ${(growth[i] / 1e3).toFixed(0)}`).join(', ')}`);
for (const tau of [1, 2, 3, 5, 8]) {
  const v = smooth(growth, tau).map((g, i) => Math.max(0, g) * kept[i]);
  const { b, s, d } = fit(miningKept, kept, v);
  line(`flow, τ = ${tau} yr`, d, `(base ${b.toFixed(0)} ha/yr, share ${s.toFixed(3)})`);
}
for (const base of [40000, 60000, 80000, 100000]) {
  for (const tau of [1, 3]) {
    const v = smooth(growth, tau).map((g, i) => Math.max(0, g) * kept[i]);
    const c = miningKept.map((m, i) => m + base * kept[i]);
    const { s, d } = fit(c, null, v);
    line(`flow, base ${base / 1e3}k fixed, τ = ${tau}`, d, `(share ${s.toFixed(3)})`);
  }
}
process.exitCode = 0;
