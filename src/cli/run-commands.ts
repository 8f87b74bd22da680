/** `igem run`, `igem check` and `igem demo`: simulate a model and report on it. */
import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { diagnosticLines, printStderr, printStdout } from './cli-lang.js';
import { declaredAt, findUnused, readInText } from '../sd/analyze/check.js';
import { unitDiagnostics } from '../sd/analyze/units.js';
import { loadModelWithDiagnostics, modelDataHost } from '../sd/node/load.js';
import { runRealityChecks } from '../sd/run/reality-check.js';
import { realityReport } from './reality-check-lines.js';
import { action, EXIT_SIMULATION } from './exit.js';
import { NonFiniteScan, scanResult, scanningSink } from '../sd/run/nonfinite-scan.js';
import { reportLines, type NonFiniteReport } from '../sd/run/nonfinite-report.js';
import { formatJson, tableDelimiter, tableSink, writeChunksAtomic, writeFileAtomic } from './output-writers.js';
import { runNamingOptions, runOptionsFrom, type RunFlags } from './run-options.js';

/** Thrown by the standard-output sink to stop a run whose reader went away. */
class StdoutClosed extends Error {}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The example model bundled with the project (models/examples/green-growth.mdl). */
export function exampleModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'models', 'examples', 'green-growth.mdl');
}

/**
 * Saved values that are not finite (NaN, ±∞): one warning per root cause on standard error, and exit
 * status 1 (a simulation failure), since Vensim ends a run at its first floating-point error; the
 * output is still written whole, for the user to look at.
 */
function warnNonFinite(report: NonFiniteReport): void {
  if (report.columns === 0) return;
  for (const line of reportLines(report)) printStderr(line);
  process.exitCode = EXIT_SIMULATION;
}

export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description('simulate a Vensim model and write one row per saved time')
    .argument('<model>', 'the .mdl file')
    .option('--set <NAME=VALUE>', 'override a constant (repeatable)', collect, [])
    .option('--params <file>', 'overrides from a JSON ({"Name": value}) or CSV (name,value) file')
    .option('--data <file>', 'series for data variables without an equation (.tab/.csv or Vensim .dat, repeatable)', collect, [])
    .option('--columns <A,B,...>', 'only these variables (a whole array by its name)')
    .option('--start <t>', 'INITIAL TIME')
    .option('--end <t>', 'FINAL TIME')
    .option('--dt <t>', 'TIME STEP')
    .option('--saveper <t>', 'SAVEPER')
    .option('--method <euler|rk4|rk2>', 'integration method (default: the model\'s own)')
    .option('--out <file>', 'write .csv, .tsv or .json instead of printing CSV')
    .action(
      action((model: string, flags: RunFlags & { out?: string; data: string[] }) => {
        const opts = runOptionsFrom(flags);
        const { model: m } = loadModelWithDiagnostics(model, { dataFiles: flags.data, method: opts.method });
        const out = flags.out;
        const delimiter = tableDelimiter(out);
        if (delimiter === undefined) {
          // JSON holds each column whole, so the run is kept in memory first.
          const result = runNamingOptions(() => m.run(opts));
          const report = m.explainNonFinite(scanResult(result), opts);
          writeFileAtomic(out!, formatJson(result, report));
          printStderr({ en: `wrote ${result.time.length} rows × ${result.names.length} columns to ${out}`, es: `se escribieron ${result.time.length} filas × ${result.names.length} columnas en ${out}` });
          warnNonFinite(report);
          return;
        }
        // A table is written block by block as the run goes: memory holds one block of rows, not the run.
        const scan = new NonFiniteScan();
        const stream = (write: (text: string) => void) => runNamingOptions(() => m.stream(scanningSink(tableSink(delimiter, write), scan), opts));
        if (out) {
          const done = writeChunksAtomic(out, stream);
          printStderr({ en: `wrote ${done.rows} rows × ${done.names.length} columns to ${out}`, es: `se escribieron ${done.rows} filas × ${done.names.length} columnas en ${out}` });
        } else {
          try {
            stream((text) => {
              // Standard output closed by its reader (`| head`): stop the run instead of computing the rest for nobody.
              if (process.stdout.destroyed) throw new StdoutClosed();
              process.stdout.write(text);
            });
          } catch (err) {
            if (!(err instanceof StdoutClosed)) throw err;
          }
        }
        warnNonFinite(m.explainNonFinite(scan.found(), opts));
      }),
    );

  program
    .command('check')
    .description('check a model and print every diagnostic with file, line and column')
    .argument('<model>', 'the .mdl file')
    .option('--units', 'also check every equation\'s units (dimensional analysis; Vensim units synonyms and XMILE model units apply)')
    .option('--reality', 'also run the model\'s Reality Check Constraints and print pass or fail for each; exit status 1 when one fails, 2 when one cannot be run or no saved time falls in its RC CHECK window')
    .action(
      action((model: string, flags: { units?: boolean; reality?: boolean }) => {
        const { model: m, ir, warnings } = loadModelWithDiagnostics(model);
        const outputsOnly = new Set(ir.equations.filter((e) => e.supplementary).map((e) => e.lhs.name));
        const all = [...warnings, ...findUnused(m.scalar, outputsOnly, declaredAt(ir), readInText(ir)), ...(flags.units ? unitDiagnostics(ir) : [])];
        for (const line of diagnosticLines(all)) console.log(line);
        const stocks = m.scalar.nodes.filter((n) => n.kind === 'stock' && !n.hidden).length;
        printStdout({ en: `ok: ${m.outputNames.length} variables (${stocks} stocks), ${all.length} warning(s)`, es: `ok: ${m.outputNames.length} variables (${stocks} niveles), ${all.length} advertencia(s)` });
        if (!flags.reality) return;
        const report = realityReport(runRealityChecks(ir, { dataHost: modelDataHost(model) }));
        for (const line of report.lines) printStdout(line);
        for (const line of diagnosticLines(report.refusals)) console.error(line);
        printStdout(report.summary);
        if (report.exitCode) process.exitCode = report.exitCode;
      }),
    );

  program
    .command('demo')
    .description('run the bundled example model and print a short table')
    .action(
      action(() => {
        const path = exampleModelPath();
        const { model: m } = loadModelWithDiagnostics(path);
        const cols = ['Population', 'GDP', 'Fossil CO2 Emissions'];
        const base = m.run({ columns: cols });
        const policy = m.run({ columns: cols, params: { 'carbon tax': 50 } });
        console.log(`IGEM example: ${path}`);
        console.log('Business as usual vs a carbon tax of 50 soles/tCO2 from 2025\n');
        const header = ['Year', 'Population (M)', 'GDP (bn S/)', 'CO2 BAU (Mt)', 'CO2 tax (Mt)'];
        console.log(header.map((h) => h.padStart(15)).join(''));
        for (let i = 0; i < base.time.length; i += 2) {
          const row = [base.time[i]!, base.series[0]![i]! / 1e6, base.series[1]![i]! / 1e3, base.series[2]![i]!, policy.series[2]![i]!];
          console.log(row.map((x, k) => (k === 0 ? String(x) : x.toFixed(1)).padStart(15)).join(''));
        }
      }),
    );
}
