/** `igem integrated run DIR --scenario NAME`: the yearly SD–CGE linked run of a model folder and its report. */
import type { Command } from 'commander';
import { runIntegrated } from '../econ/link/run-integrated.js';
import { bilingualReport, markdownReport, reportData } from '../econ/link/report.js';
import { printStderr } from './cli-lang.js';
import { action, UsageError } from './exit.js';
import { writeFileAtomic } from './output-writers.js';

export function parseLinkYears(s: string | undefined): [number, number] | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{4}):(\d{4})$/.exec(s);
  if (!m) throw new UsageError({ en: `--years ${s}: use A:B, e.g. 2019:2050`, es: `--years ${s}: use A:B, p. ej. 2019:2050` });
  const a = Number(m[1]), b = Number(m[2]);
  if (a > b) throw new UsageError({ en: `--years ${s}: A must be ≤ B`, es: `--years ${s}: A debe ser ≤ B` });
  return [a, b];
}

export function registerIntegratedCommands(program: Command): void {
  const g = program.command('integrated').description('Corrida vinculada SD–CGE / linked SD–CGE run');
  g.command('run <dir>')
    .description('Corre el modelo SD y el CGE vinculados año a año para un escenario del CGE y escribe un reporte / run the SD model and the CGE linked year by year for a CGE scenario and write one report')
    .requiredOption('--scenario <name>', 'escenario del CGE (DIR/cge/scenarios) / CGE scenario')
    .option('--years <A:B>', 'años del reporte; el enlace corre desde el año base de la MCS / report years; the link runs from the SAM base year')
    .option('--out <file>', 'escribe .md o .json / write .md or .json')
    .option('--lang <es|en|both>', 'idioma del reporte Markdown / Markdown report language', 'both')
    .action(
      action((dir: string, o: { scenario: string; years?: string; out?: string; lang: string }) => {
        if (!['es', 'en', 'both'].includes(o.lang)) throw new UsageError({ en: `--lang ${o.lang}: use es, en or both`, es: `--lang ${o.lang}: use es, en o both` });
        if (o.out && !/\.(md|json)$/i.test(o.out)) throw new UsageError({ en: `--out ${o.out}: use .md or .json`, es: `--out ${o.out}: use .md o .json` });
        const r = runIntegrated(dir, { scenario: o.scenario, years: parseLinkYears(o.years) });
        const d = reportData(r);
        const md = o.lang === 'both' ? bilingualReport(d) : markdownReport(d, o.lang as 'es' | 'en');
        if (o.out) {
          writeFileAtomic(o.out, /\.json$/i.test(o.out) ? JSON.stringify(d, null, 1) + '\n' : md);
          printStderr({ en: `wrote ${o.out}`, es: `escrito: ${o.out}` });
        } else console.log(md);
        if (!d.converged) {
          printStderr({ en: 'warning: some years did not converge (see the report)', es: 'aviso: algunos años no convergieron (ver el reporte)' });
          process.exitCode = 1;
        }
      }),
    );
}
