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
 * Usage: node models/peru/calibration/calibrate.mjs [--stage NAME] [--report-only]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const model = join(here, '..', 'peru.mdl');
const igem = join(root, 'bin', 'igem.js');
const history = join(here, 'history.csv');
const stages = JSON.parse(readFileSync(join(here, 'stages.json'), 'utf8'));
const onlyStage = process.argv.includes('--stage') ? process.argv[process.argv.indexOf('--stage') + 1] : undefined;
const reportOnly = process.argv.includes('--report-only');
const rel = (p) => relative(process.cwd(), p) || '.';

/** Long-format rows of history.csv whose variable is in `names` (all when undefined). */
function historySubset(names) {
  const lines = readFileSync(history, 'utf8').trim().split('\n');
  const wanted = names && new Set(names.map((n) => n.toLowerCase()));
  const keep = lines.slice(1).filter((l) => {
    const m = /^[^,]*,("(?:[^"]|"")*"|[^,]*)/.exec(l);
    const name = m[1].replace(/^"|"$/g, '').replace(/""/g, '"').toLowerCase();
    return !wanted || wanted.has(name);
  });
  return [lines[0], ...keep].join('\n') + '\n';
}

function igemCalibrate(args) {
  return execFileSync(process.execPath, [igem, 'calibrate', model, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const work = mkdtempSync(join(tmpdir(), 'peru-calibration-'));
const allParams = {};
try {
  for (const stage of stages) {
    if (onlyStage && stage.name !== onlyStage) continue;
    const data = join(work, `${stage.name}.csv`);
    writeFileSync(data, historySubset(stage.series));
    const spec = join(work, `${stage.name}.json`);
    const { name: _name, series: _series, ...rest } = stage;
    writeFileSync(spec, JSON.stringify({ ...rest, data }, null, 2));
    if (reportOnly) {
      for (const p of Object.keys(stage.parameters)) allParams[p] = true;
      continue;
    }
    console.error(`stage ${stage.name}: ${Object.keys(stage.parameters).length} constants, ${stage.series.length} series`);
    const out = join(work, `${stage.name}-params.json`);
    const text = igemCalibrate(['--spec', spec, '--out-params', out]);
    console.error(text.split('\n').filter((l) => /payoff|MAPE|^\s*\S+.*\d/.test(l)).slice(0, 60).join('\n'));
    execFileSync(process.execPath, [join(here, 'apply-params.mjs'), model, out], { stdio: 'inherit' });
    for (const p of Object.keys(stage.parameters)) allParams[p] = true;
  }
  if (onlyStage) process.exit(0);

  // Final pass: every series, every calibrated constant, no further optimisation (one evaluation).
  const bounds = {};
  for (const stage of stages) Object.assign(bounds, stage.parameters);
  const spec = join(work, 'report.json');
  const data = join(work, 'all.csv');
  writeFileSync(data, historySubset(undefined));
  writeFileSync(spec, JSON.stringify({ data, parameters: bounds, method: 'powell', starts: 1, maxEvaluations: 1, time: { end: 2018 } }, null, 2));
  const report = join(here, 'report.md');
  const params = join(here, 'calibrated-params.json');
  const text = igemCalibrate(['--spec', spec, '--report', report, '--out-params', params]);
  process.stdout.write(text);
  console.error(`wrote ${rel(report)} and ${rel(params)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
