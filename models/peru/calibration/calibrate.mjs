#!/usr/bin/env node
/**
 * Recalibrates the Peru model with `igem calibrate`, stage by stage (stages.json), writing each
 * stage's constants into peru.mdl, then evaluates the final model on every historical series and
 * writes the fit report (report.md) and the calibrated constants (calibrated-params.json).
 *
 * Stages follow the model's causal order (population -> economy -> energy -> ...): each stage
 * fits only its own constants to its own series, with the earlier stages' values already in the
 * model. The final pass re-optimises nothing: it runs the calibration tool on all series with
 * every stage's constants and a budget of one evaluation, so that the report shows the fit of the
 * model as committed.
 *
 * Usage: node models/peru/calibration/calibrate.mjs [--stage NAME | --from NAME] [--report-only]
 * --from NAME refits that stage and every later one (the earlier stages' constants stay as in peru.mdl),
 * then the re-anchor and the report: for a change that cannot move the earlier stages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALIDATION_ONLY_SERIES, fitAnchor, fittedAfter2015, forestMarkdown, povertyMarkdown, validationMarkdown, validationRows, yearSpan } from './validation.mjs';
import { populationMarkdown, projectionMarkdown } from './population-validation.mjs';
import { bopMarkdown } from './bop-validation.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const model = join(here, '..', 'peru.mdl');
const modelArg = relative(root, model);
const igem = join(root, 'bin', 'igem.js');
const history = join(here, 'history.csv');
const stages = JSON.parse(readFileSync(join(here, 'stages.json'), 'utf8'));
const onlyStage = process.argv.includes('--stage') ? process.argv[process.argv.indexOf('--stage') + 1] : undefined;
const reportOnly = process.argv.includes('--report-only');
const fromStage = process.argv.includes('--from') ? process.argv[process.argv.indexOf('--from') + 1] : undefined;
if (fromStage && !stages.some((s) => s.name === fromStage)) {
  console.error(`error: --from ${fromStage}: no such stage in stages.json (${stages.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const fromIndex = fromStage ? stages.findIndex((s) => s.name === fromStage) : 0;
const rel = (p) => relative(process.cwd(), p) || '.';

/**
 * Long-format rows of history.csv whose variable is in `names` (all but the validation-only series when undefined),
 * up to `lastYear`; `seriesEnd` (name -> year) ends single series earlier, so that a stage run past 2015 for an
 * inventory year does not fit the other series' out-of-sample years.
 */
function historySubset(names, lastYear = Infinity, seriesEnd = {}) {
  const lines = readFileSync(history, 'utf8').trim().split('\n');
  const wanted = names && new Set(names.map((n) => n.toLowerCase()));
  const validationOnly = new Set(VALIDATION_ONLY_SERIES.map((n) => n.toLowerCase()));
  const ends = new Map(Object.entries(seriesEnd).map(([n, y]) => [n.toLowerCase(), y]));
  const keep = lines.slice(1).filter((l) => {
    const year = Number(l.slice(0, l.indexOf(',')));
    if (year > lastYear) return false;
    const m = /^[^,]*,("(?:[^"]|"")*"|[^,]*)/.exec(l);
    const name = m[1].replace(/^"|"$/g, '').replace(/""/g, '"').toLowerCase();
    if (year > (ends.get(name) ?? Infinity)) return false;
    return wanted ? wanted.has(name) : !validationOnly.has(name);
  });
  return [lines[0], ...keep].join('\n') + '\n';
}

function igemCalibrate(args, modelFile = modelArg) {
  return execFileSync(process.execPath, [igem, 'calibrate', modelFile, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * A stage with `holdout: { end }` is also fitted on the shorter window, on a copy of the model (so peru.mdl keeps
 * the main fit), from the same start values; the constants go to `<stage>-holdout-params.json` for the report.
 */
function fitHoldout(stage, spec) {
  const copy = join(work, `${stage.name}-holdout.mdl`);
  writeFileSync(copy, readFileSync(model, 'utf8'));
  const holdoutSpec = join(work, `${stage.name}-holdout.json`);
  const main = JSON.parse(readFileSync(spec, 'utf8'));
  writeFileSync(holdoutSpec, JSON.stringify({ ...main, time: { ...main.time, end: stage.holdout.end } }, null, 2));
  const out = join(here, `${stage.name}-holdout-params.json`);
  console.error(`stage ${stage.name}: holdout fit to ${stage.holdout.end}`);
  igemCalibrate(['--spec', holdoutSpec, '--out-params', out], copy);
}

/** The MAPE targets: 5 % population and GDP; 10 % energy, generation by source, energy CO2; 15 % others. */
function targetOf(name) {
  if (/^(Total Population|Real GDP)$/.test(name)) return 5;
  if (/^(Primary Energy Demand|Electricity Generation|Generation\[|Fossil CO2 Emissions|Power Sector CO2)/.test(name)) return 10;
  return 15;
}

/** Series some stage fits; the final pass also shows the others (CAIT's totals, power-sector CO2) as comparisons. */
const stageSeries = new Set(stages.flatMap((st) => st.series));

/** Met column: a fitted series meets its target or misses it; a series no stage fits is a comparison, not a miss. */
function metCell(name, mape, target) {
  const within = mape !== null && mape <= target;
  if (!stageSeries.has(name)) return `comparison (${within ? 'within' : 'above'} target)`;
  return within ? 'yes' : '**no**';
}

function targetTable(fit) {
  const rows = fit.series.map((x) => {
    const t = targetOf(x.name);
    const th = x.theil;
    const parts = [['U^M', th.um], ['U^S', th.us], ['U^C', th.uc]].filter(([, v]) => v !== null);
    const main = parts.length ? parts.reduce((a, b) => (b[1] > a[1] ? b : a))[0] : '–';
    const f = (v) => (v === null ? '–' : Number(v.toPrecision(3)).toString());
    return `| ${x.name} | ${x.n} | ${f(x.mape)} | ${t} | ${metCell(x.name, x.mape, t)} | ${f(th.um)} | ${f(th.us)} | ${f(th.uc)} | ${main} |`;
  });
  return ['| Series | n | MAPE % | target % | met | U^M | U^S | U^C | largest |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function preface(fit, fittedLate) {
  const late = [...fittedLate].map(([name, x]) => `\`${name}\` ${yearSpan(x.years)} (${x.stage} stage)`);
  const stageRows = stages.map((st) => `| ${st.name} | ${Object.keys(st.parameters).length} | ${st.series.join(', ')} |`);
  return [
    '# Calibration of the Peru model: fitted on 2000-2015, tested on 2016-2019',
    '',
    'Generated by `npm run calibrate:peru` (models/peru/calibration/calibrate.mjs) with `igem calibrate`; do not edit by hand.',
    'Data: `history.csv`, built from the shared Peru data by `build-history.mjs` (series names are model variables; the',
    '`source` column names the original indicator).',
    '',
    'The constants are fitted in six stages that follow the model\'s causal order; each stage fits its own constants to',
    'its own series (relative errors, Powell) with the earlier stages\' values already written into `peru.mdl`:',
    '',
    '| Stage | Constants | Series |',
    '| --- | --- | --- |',
    ...stageRows,
    '',
    'This report is the final pass: every series and every calibrated constant, evaluated once without further',
    'optimisation (so "Start" equals "Value" in the parameter table, and the weights shown are the tool\'s defaults for',
    'the pass, not those of the stages). Bounds are prior ranges; a constant "at bound" is where the data pushed it.',
    '',
    ...(late.length
      ? [
          `Fitted after 2015 (exceptions to "tested on 2016-2019"; marked "fitted" in the validation table, not out of sample): ${late.join('; ')}.`,
          'Every other 2016-2019 point is never used for fitting.',
          '',
        ]
      : []),
    'Series that no stage fits are shown as comparisons ("comparison" in the met column), not as target misses.',
    '',
    '## In sample (2000-2015; poverty 2004-2015) against the targets of issue 5',
    '',
    targetTable(fit),
    '',
  ].join('\n');
}

/** The forest constants of the holdout fit (fitHoldout), if that file exists, with the window they were fitted on. */
function forestHoldout(stage) {
  const file = stage?.holdout && join(here, `${stage.name}-holdout-params.json`);
  if (!file || !existsSync(file)) return undefined;
  return { end: stage.holdout.end, params: JSON.parse(readFileSync(file, 'utf8')) };
}

const work = mkdtempSync(join(tmpdir(), 'peru-calibration-'));
const allParams = {};
try {
  for (const [index, stage] of stages.entries()) {
    if (onlyStage && stage.name !== onlyStage) continue;
    if (index < fromIndex) {
      for (const p of Object.keys(stage.parameters)) allParams[p] = true;
      continue;
    }
    const data = join(work, `${stage.name}.csv`);
    writeFileSync(data, historySubset(stage.series, Infinity, stage.seriesEnd));
    const spec = join(work, `${stage.name}.json`);
    const { name: _name, series: _series, holdout: _holdout, seriesEnd: _seriesEnd, note: _note, ...rest } = stage;
    writeFileSync(spec, JSON.stringify({ ...rest, data }, null, 2));
    if (reportOnly) {
      for (const p of Object.keys(stage.parameters)) allParams[p] = true;
      continue;
    }
    console.error(`stage ${stage.name}: ${Object.keys(stage.parameters).length} constants, ${stage.series.length} series`);
    if (stage.holdout) fitHoldout(stage, spec);
    const out = join(work, `${stage.name}-params.json`);
    const text = igemCalibrate(['--spec', spec, '--out-params', out]);
    console.error(text.split('\n').filter((l) => /payoff|MAPE|^\s*\S+.*\d/.test(l)).slice(0, 60).join('\n'));
    execFileSync(process.execPath, [join(here, 'apply-params.mjs'), model, out], { stdio: 'inherit' });
    for (const p of Object.keys(stage.parameters)) allParams[p] = true;
  }
  if (onlyStage) process.exit(0);

  // The 2023 re-anchor: one constant, fitted to 2023 GDP after every stage (so it cannot move the fit).
  if (!reportOnly) {
    const anchorFile = join(work, 'anchor.json');
    const anchor = fitAnchor(model);
    writeFileSync(anchorFile, JSON.stringify(anchor));
    execFileSync(process.execPath, [join(here, 'apply-params.mjs'), model, anchorFile], { stdio: 'inherit' });
    console.error(`re-anchor: ${JSON.stringify(anchor)}`);
  }

  // Final pass: every series, every calibrated constant, no further optimisation (one evaluation).
  const bounds = {};
  for (const stage of stages) Object.assign(bounds, stage.parameters);
  const spec = join(work, 'report.json');
  const data = join(work, 'all.csv');
  writeFileSync(data, historySubset(undefined, 2015));
  writeFileSync(spec, JSON.stringify({ data, parameters: bounds, method: 'powell', starts: 1, maxEvaluations: 1, time: { end: 2015 } }, null, 2));
  const report = join(here, 'report.md');
  const params = join(here, 'calibrated-params.json');
  const fit = JSON.parse(igemCalibrate(['--spec', spec, '--report', report, '--out-params', params, '--json']));
  const poverty = povertyMarkdown(model, history);
  const forestStage = stages.find((st) => st.name === 'forest');
  const forest = forestMarkdown(model, history, { fitEnd: forestStage?.time?.end ?? 2015, holdout: forestHoldout(forestStage) });
  const population = (await populationMarkdown(model)) + '\n' + (await projectionMarkdown(model));
  const bop = await bopMarkdown(model);
  const fittedLate = fittedAfter2015(stages, history);
  writeFileSync(report, preface(fit, fittedLate) + validationMarkdown(validationRows(model, history), fittedLate) + '\n' + population + '\n' + bop + '\n' + poverty + '\n' + forest + '\n' + readFileSync(report, 'utf8').replace(/^# .*\n/, ''));
  process.stderr.write(poverty);
  process.stderr.write(forest);
  process.stderr.write(population);
  process.stderr.write(bop);
  process.stdout.write(targetTable(fit) + '\n');
  console.error(`wrote ${rel(report)} and ${rel(params)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
