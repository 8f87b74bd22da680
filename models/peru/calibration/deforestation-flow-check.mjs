/* global process, console */
/**
 * Check of a flow formulation of agricultural-frontier deforestation (issue 11, model v2), kept as a
 * reproducible negative result: peru.mdl keeps the level formulation (models/peru/README.md,
 * "Deforestation drivers"). For each smoothing time τ it writes a scratch copy of peru.mdl in which
 *
 *   Agricultural Frontier Deforestation = Frontier Base Clearing
 *       + Forest Share of New Agricultural Land × MAX(0, Perceived Agricultural Land Demand Growth)
 *   Perceived Agricultural Land Demand Growth = SMOOTHI(yearly growth of Agricultural Land Demand, τ, g0)
 *
 * (mining, conservation and certification unchanged; g0 = 147,600 ha/yr, the growth of agricultural land
 * plus natural pasture between CENAGRO 1994 and 2012, calibration/FOREST-SOURCES.md), fits the base and
 * the share with the forest stage of stages.json (same series, same 2000-2015 window, same other
 * constants), then prints the deforestation MAPE against Geobosques as report.md counts it (in sample:
 * the 2007 value against the 2001-2013 mean, 2014, 2015; 2016-2019; 2020-2023; the 11 together). The
 * last row lets the fit choose τ in [1, 8] as well. Uses the built CLI: `npm run build`, then
 *
 *   node models/peru/calibration/deforestation-flow-check.mjs     (about 2 minutes)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const igem = join(root, 'bin', 'igem.js');
const work = mkdtempSync(join(tmpdir(), 'defor-flow-'));

const level = 'Agricultural Frontier Deforestation=\n\tForest Area*Base Deforestation Fraction*Agricultural Land Pressure^Deforestation Pressure Elasticity\n\t\t*Road Access Effect*Frontier Price Effect\n';
const source = readFileSync(join(here, '..', 'peru.mdl'), 'utf8');
if (!source.includes(level)) throw new Error('peru.mdl: the level formulation of Agricultural Frontier Deforestation was not found; update this check');

const flowModel = (tau) => source.replace(level, `Agricultural Frontier Deforestation=
	Frontier Base Clearing+Forest Share of New Agricultural Land*MAX(0, Perceived Agricultural Land Demand Growth)
	~	ha/Year
	~	scratch (flow check)
	|

Frontier Base Clearing=
	50000
	~	ha/Year
	~	scratch
	|

Forest Share of New Agricultural Land=
	0.35
	~	Dmnl
	~	scratch
	|

Land Clearing Response Time=
	${tau}
	~	Year
	~	scratch
	|

Initial Agricultural Land Demand Growth=
	147600
	~	ha/Year
	~	CENAGRO 1994-2012: agricultural land +91.6 thousand ha/yr, natural pasture +56.1 thousand
	|

Perceived Agricultural Land Demand Growth=
	SMOOTHI(Agricultural Land Demand Growth, Land Clearing Response Time, Initial Agricultural Land Demand Growth)
	~	ha/Year
	~	scratch
	|

Agricultural Land Demand Growth=
	(Agricultural Land Demand-DELAY FIXED(Agricultural Land Demand, Growth Span, INITIAL(Agricultural Land Demand)-Initial Agricultural Land Demand Growth*Growth Span))/Growth Span
	~	ha/Year
	~	scratch
	|

Growth Span=
	1
	~	Year
	~	scratch
	|

Level Frontier Deforestation Unused=
	Forest Area*Base Deforestation Fraction*Agricultural Land Pressure^Deforestation Pressure Elasticity
		*Road Access Effect*Frontier Price Effect
`);

// The forest stage, with the two level constants replaced by the flow's two.
const stage = JSON.parse(readFileSync(join(here, 'stages.json'), 'utf8')).find((s) => s.name === 'forest');
// The check keeps its 2000-2015 protocol: the stage's holdout window when it has one (the stage itself now fits to 2023).
const windowEnd = stage.holdout?.end ?? stage.time.end;
const lines = readFileSync(join(here, 'history.csv'), 'utf8').trim().split('\n');
const wanted = new Set(stage.series.map((n) => n.toLowerCase()));
const history = [lines[0], ...lines.slice(1).filter((l) => {
  const [t, name] = l.split(',');
  return Number(t) <= windowEnd && wanted.has(name.replace(/^"|"$/g, '').toLowerCase());
})].join('\n') + '\n';
writeFileSync(join(work, 'history.csv'), history);

// Geobosques, as in history.csv (2007 = the 2001-2013 mean).
const data = { 2007: 113501.46, 2014: 177566, 2015: 156505, 2016: 164662, 2017: 155914, 2018: 154766, 2019: 148426, 2020: 203272, 2021: 137976, 2022: 146575, 2023: 132216 };

function check(label, tau, freeTau) {
  const mdl = join(work, `flow-${tau}.mdl`);
  writeFileSync(mdl, flowModel(tau));
  const parameters = { ...stage.parameters };
  delete parameters['Base Deforestation Fraction'];
  delete parameters['Deforestation Pressure Elasticity'];
  parameters['Frontier Base Clearing'] = [0, 200000];
  parameters['Forest Share of New Agricultural Land'] = [0, 1];
  if (freeTau) parameters['Land Clearing Response Time'] = [1, 8];
  const spec = join(work, 'spec.json');
  const { name: _name, series: _series, holdout: _holdout, ...settings } = stage;
  writeFileSync(spec, JSON.stringify({ ...settings, time: { ...settings.time, end: windowEnd }, parameters, starts: freeTau ? 4 : stage.starts }));
  const params = join(work, 'params.json');
  const out = execFileSync(process.execPath, [igem, 'calibrate', mdl, '--data', join(work, 'history.csv'), '--spec', spec, '--out-params', params], { cwd: root, encoding: 'utf8' });
  const payoff = /payoff ([0-9.e+-]+)/.exec(out)?.[1] ?? '?';
  const csv = join(work, 'run.csv');
  execFileSync(process.execPath, [igem, 'run', mdl, '--params', params, '--end', '2030', '--columns', 'Deforestation', '--out', csv], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  report(label, csv, JSON.parse(readFileSync(params, 'utf8')), payoff);
}

function report(label, csv, p, payoff) {
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const at = (y) => rows.find((r) => Math.abs(r[0] - y) < 1e-9)[1];
  const err = (ys) => ys.reduce((s, y) => s + Math.abs(at(y) / data[y] - 1), 0) / ys.length * 100;
  const range = (a, b) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
  const fitted = p ? `base ${Math.round(p['Frontier Base Clearing'] ?? 0)} ha/yr, share ${(p['Forest Share of New Agricultural Land'] ?? 0).toFixed(3)}${p['Land Clearing Response Time'] ? `, τ ${p['Land Clearing Response Time'].toFixed(2)}` : ''}, payoff ${payoff}` : `payoff ${payoff}`;
  console.log(`| ${label} | ${fitted} | ${[err([2007, 2014, 2015]), err(range(2016, 2019)), err(range(2020, 2023)), err(Object.keys(data).map(Number))].map((x) => x.toFixed(1)).join(' | ')} | ${[2019, 2023, 2030].map((y) => (at(y) / 1e3).toFixed(0)).join(' | ')} |`);
}

try {
  console.log('| formulation | fitted (forest stage, 2000-2015) | in sample | 2016-19 | 2020-23 | 2001-23 | 2019 | 2023 | 2030 (thousand ha) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const committed = join(work, 'level.csv');
  execFileSync(process.execPath, [igem, 'run', join(here, '..', 'peru.mdl'), '--end', '2030', '--columns', 'Deforestation', '--out', committed], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  report('level (committed)', committed, null, 'see report.md');
  for (const tau of [1, 2, 3, 5, 8]) check(`flow, τ = ${tau} yr`, tau, false);
  check('flow, τ fitted', 3, true);
} finally {
  rmSync(work, { recursive: true, force: true });
}
