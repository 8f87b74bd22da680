/**
 * `igem scenario run|compare|report|list|units PROJECT`: runs a scenario project (a folder with
 * project.json, e.g. models/peru), prints the indicator table and writes CSV and a self-contained
 * HTML report (inline SVG charts) to the output folder (default out/), printing where.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { allScenarioNames, analyseScenarios, type ScenarioAnalysis } from '../analysis/scenarios/analyse.js';
import { cell } from '../analysis/scenarios/indicators.js';
import { readProject, type ScenarioProject } from '../analysis/scenarios/project.js';
import { scenarioReportHtml, seriesCsv } from '../analysis/scenarios/report-html.js';
import { costEffectiveness } from '../analysis/scenarios/cost-effectiveness.js';
import { readUncertainty, uncertainVerdicts, type UncertainCheck, type UncertaintySpec } from '../analysis/scenarios/uncertainty.js';
import { indicatorCsv, indicatorText } from '../analysis/scenarios/table-format.js';
import { checkUnits } from '../analysis/scenarios/unit-check.js';
import { readTextFile } from '../sd/node/load.js';
import { readVensim } from '../sd/vensim/reader.js';
import { fmt } from '../analysis/report/format.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { printStderr, printStdout } from './cli-lang.js';
import { action } from './exit.js';
import { writeFileAtomic } from './output-writers.js';

interface OutOptions {
  out?: string;
  json?: boolean;
  uncertainty?: boolean;
  uncertaintyRuns?: string;
}

/** The project's uncertainty file (calibration/uncertainty.json), when it has one and it is wanted. */
function uncertaintyOf(p: ScenarioProject, o: OutOptions): UncertaintySpec | undefined {
  const file = join(p.dir, 'calibration', 'uncertainty.json');
  if (o.uncertainty === false || !existsSync(file)) return undefined;
  const runs = o.uncertaintyRuns === undefined ? undefined : Number(o.uncertaintyRuns);
  if (runs !== undefined && !Number.isInteger(runs)) throw new InputError('--uncertainty-runs', { en: `must be a whole number, got "${o.uncertaintyRuns}"`, es: `debe ser un número entero, se recibió "${o.uncertaintyRuns}"` });
  return readUncertainty(file, runs);
}

function uncertaintyCsv(checks: UncertainCheck[]): string {
  const head = 'scenario,indicator,target,year,op,value,relative,p5,p50,p95,verdict,edge';
  const q = (x: string) => (/[",]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  return [head, ...checks.map((c) => [q(c.scenario), q(c.indicator), q(c.target), c.year, c.op, c.value, c.relative, c.p5, c.p50, c.p95, c.verdict, c.edge].join(','))].join('\n') + '\n';
}

function outDir(o: OutOptions): string {
  const dir = resolve(o.out ?? 'out');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new InputError(dir, { en: `cannot create the output folder (${(err as NodeJS.ErrnoException).code ?? err})`, es: `no se puede crear la carpeta de salida (${(err as NodeJS.ErrnoException).code ?? err})` });
  }
  return dir;
}

const shown = (p: string) => relative(process.cwd(), p) || p;

/** Writes the indicator CSV, the series CSV and the HTML report; returns their paths. */
function writeOutputs(a: ScenarioAnalysis, dir: string, stem: string, title: string, uncertain?: { spec: UncertaintySpec; checks: UncertainCheck[] }): string[] {
  const csv = join(dir, `${stem}-indicators.csv`);
  const series = join(dir, `${stem}-series.csv`);
  const html = join(dir, `${stem}.html`);
  writeFileAtomic(csv, indicatorCsv(a.table));
  writeFileAtomic(series, seriesCsv(a.runs, a.project.charts));
  writeFileAtomic(
    html,
    scenarioReportHtml({
      title,
      subtitle: `Model ${shown(a.project.modelPath)}; scenarios from ${shown(join(a.project.dir, 'scenarios'))}.`,
      table: a.table,
      runs: a.runs,
      charts: a.project.charts,
      jobs: a.jobs,
      reference: a.runs[0].scenario.name,
      notes: a.project.notes,
      uncertain,
    }),
  );
  if (!uncertain) return [html, csv, series];
  const unc = join(dir, `${stem}-uncertainty.csv`);
  writeFileAtomic(unc, uncertaintyCsv(uncertain.checks));
  return [html, csv, series, unc];
}

function projectStem(p: ScenarioProject): string {
  return basename(p.dir);
}

function printJson(a: ScenarioAnalysis): void {
  const rows = a.table.rows.map((r) => ({
    scenario: r.scenario,
    indicator: r.indicator.name,
    sdg: r.indicator.id,
    unit: r.indicator.unit,
    year: r.year,
    value: r.value,
    targets: r.checks.map((c) => ({ label: c.target.label, op: c.target.op, value: c.target.value, met: c.met ?? null })),
  }));
  process.stdout.write(JSON.stringify({ project: a.project.dir, scenarios: a.table.scenarios, rows }, null, 2) + '\n');
}

function finish(a: ScenarioAnalysis, o: OutOptions, stem: string, title: string): void {
  const files = writeOutputs(a, outDir(o), stem, title);
  if (o.json) printJson(a);
  else console.log(indicatorText(a.table));
  printStderr({ en: `wrote ${files.map(shown).join(', ')}`, es: `escrito: ${files.map(shown).join(', ')}` });
}

export function registerScenarioCommands(program: Command): void {
  const scenario = program.command('scenario').description('policy scenarios of a project folder (project.json, scenarios/*.json, indicators.json)');

  scenario
    .command('list')
    .description('list the scenarios of a project and the levers each one sets')
    .argument('<project>', 'project folder, e.g. models/peru')
    .action(
      action((dir: string) => {
        const p = readProject(dir);
        for (const s of p.scenarios) {
          const levers = Object.entries(s.levers).map(([k, v]) => `${k}=${fmt(v, 6)}`);
          console.log(`${s.name}${s.name === p.baseline ? ' (baseline)' : ''}: ${s.title}${levers.length ? `\n  ${levers.join('\n  ')}` : ''}`);
        }
      }),
    );

  scenario
    .command('units')
    .description("check that every equation of the project's model agrees with its declared units")
    .argument('<project>', 'project folder, e.g. models/peru')
    .action(
      action((dir: string) => {
        const p = readProject(dir);
        const issues = checkUnits(readVensim(readTextFile(p.modelPath), p.modelPath), { aliases: p.unitAliases });
        for (const i of issues) {
          const at = `${p.modelPath}:${i.loc?.line ?? '?'}:${i.loc?.column ?? '?'}: ${i.variable}`;
          printStdout({ en: `${at}: ${i.message}`, es: `${at}: ${i.messageEs}` });
        }
        printStdout({ en: `${issues.length} unit issue(s) in ${shown(p.modelPath)}`, es: `${issues.length} problema(s) de unidades en ${shown(p.modelPath)}` });
        if (issues.length > 0) process.exitCode = 1;
      }),
    );

  scenario
    .command('run')
    .description('run one scenario next to the baseline; print and write its indicator table (CSV, HTML)')
    .argument('<project>', 'project folder, e.g. models/peru')
    .requiredOption('--scenario <name>', 'scenario file name without .json')
    .option('--out <dir>', 'output folder (default out)')
    .option('--json', 'print the indicator table as JSON')
    .action(
      action((dir: string, o: OutOptions & { scenario: string }) => {
        const p = readProject(dir);
        const names = o.scenario === p.baseline ? [p.baseline] : [p.baseline, o.scenario];
        const a = analyseScenarios(p, names);
        finish(a, o, `${projectStem(p)}-${o.scenario}`, `${p.title}: scenario ${o.scenario}`);
      }),
    );

  scenario
    .command('compare')
    .description('run several scenarios and compare their indicators (differences from the first)')
    .argument('<project>', 'project folder, e.g. models/peru')
    .argument('<scenarios...>', 'two or more scenario names; the first is the reference')
    .option('--out <dir>', 'output folder (default out)')
    .option('--json', 'print the indicator table as JSON')
    .action(
      action((dir: string, names: string[], o: OutOptions) => {
        if (names.length < 2) throw new InputError('scenarios', { en: 'give at least two scenarios to compare', es: 'indique al menos dos escenarios para comparar' });
        const p = readProject(dir);
        const a = analyseScenarios(p, names);
        finish(a, o, `${projectStem(p)}-compare-${names.join('-')}`, `${p.title}: ${names.join(' vs ')}`);
      }),
    );

  scenario
    .command('report')
    .description('run the baseline and every scenario; write the full report (HTML with charts, CSV)')
    .argument('<project>', 'project folder, e.g. models/peru')
    .option('--out <dir>', 'output folder (default out)')
    .option('--json', 'print the indicator table as JSON')
    .option('--no-uncertainty', 'skip the Monte Carlo verdicts (calibration/uncertainty.json)')
    .option('--uncertainty-runs <n>', 'Monte Carlo runs per scenario (default: the file\'s "runs")')
    .action(
      action(async (dir: string, o: OutOptions) => {
        const p = readProject(dir);
        const a = analyseScenarios(p, allScenarioNames(p));
        const spec = uncertaintyOf(p, o);
        const uncertain = spec
          ? { spec, checks: await uncertainVerdicts(a.model, a.runs.map((r) => r.scenario), p.baseline, p.indicators, p.years, spec) }
          : undefined;
        const files = writeOutputs(a, outDir(o), `${projectStem(p)}-report`, `${p.title}: scenario report`, uncertain);
        if (o.json) {
          printJson(a);
        } else {
          const ghg = p.indicators.find((i) => i.source === 'model' && i.variable === 'Total GHG Emissions');
          console.log(`${p.title}: ${a.runs.length} scenarios, compiled in ${fmt(a.compileMillis, 3)} ms, ${fmt(a.runs.reduce((s, r) => s + r.millis, 0) / a.runs.length, 3)} ms per run`);
          for (const r of a.runs) {
            const g = ghg ? cell(a.table, r.scenario.name, ghg.name, 2030) : undefined;
            const met = g ? g.checks.map((c) => `${c.target.label} ${c.met ? 'met' : 'missed'}`).join(', ') : '';
            console.log(`  ${r.scenario.name.padEnd(22)} ${r.scenario.title}${g ? ` — GHG 2030 ${fmt(g.value, 4)} ${ghg!.unit}${met ? ` (${met})` : ''}` : ''}`);
          }
          if (uncertain) {
            console.log(`NDC 2030 under uncertainty (${uncertain.spec.runs} runs x ${uncertain.spec.parameters.length} assumptions; met only if the 95th percentile is below the cap):`);
            for (const c of uncertain.checks.filter((x) => ghg && x.indicator === ghg.name)) {
              console.log(`  ${c.scenario.padEnd(22)} ${c.target}: ${fmt(c.p5, 4)}-${fmt(c.p95, 4)} (median ${fmt(c.p50, 4)}) vs ${c.value} -> ${c.verdict}${c.edge ? ' (on the edge / en el límite: the cap is within the sampling error of p5 or p95)' : ''}`);
            }
          }
          const costs = costEffectiveness(a.runs, a.runs[0].scenario.name);
          if (costs.length) console.log('cost 2025-2050 / costo: billion soles 2007; soles per tCO2e avoided; soles per additional job-year');
          for (const c of costs) {
            const f = (v: number | undefined) => (v === undefined ? '–' : fmt(v, 4));
            console.log(`  ${c.scenario.padEnd(22)} ${c.cost > 0 ? `${f(c.cost / 1e3)} bn` : 'no public cost in the model (a tax, or targets without a budget)'}; ${f(c.solesPerTonne)} soles/tCO2e (${f(c.ghgAvoided)} Mt avoided); ${f(c.solesPerJobYear)} soles/job-year`);
          }
        }
        printStderr({ en: `wrote ${files.map(shown).join(', ')}`, es: `escrito: ${files.map(shown).join(', ')}` });
      }),
    );
}
