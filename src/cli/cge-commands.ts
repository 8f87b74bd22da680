/** `igem cge run DIR`: the CGE model of a directory (models/peru/cge) for a scenario, per year. */
import type { Command } from 'commander';
import { xlsxBytes } from '../sd/data/workbook-write.js';
import { runCgeModel } from '../econ/cge/run-model.js';
import type { CgeResults } from '../econ/cge/results.js';
import { printStderr } from './cli-lang.js';
import { action, UsageError } from './exit.js';
import { writeFileAtomic } from './output-writers.js';

function parseYears(s: string | undefined): [number, number] | undefined {
  if (!s) return undefined;
  const m = /^(\d{4}):(\d{4})$/.exec(s);
  if (!m) throw new UsageError({ en: `--years ${s}: use A:B, e.g. 2019:2050`, es: `--years ${s}: use A:B, p. ej. 2019:2050` });
  return [Number(m[1]), Number(m[2])];
}

function rows(r: CgeResults): (string | number)[][] {
  const out: (string | number)[][] = [['variable', ...r.years]];
  for (const [k, v] of Object.entries(r.variables)) out.push([k, ...v]);
  for (const [h, e] of Object.entries(r.households)) {
    out.push([`ev:${h}`, ...e.ev]);
    out.push([`ev_pct:${h}`, ...e.ev_pct]);
  }
  return out;
}

export function registerCgeCommands(program: Command): void {
  const cge = program.command('cge').description('Modelo de equilibrio general computable / computable general equilibrium model');
  cge
    .command('run <dir>')
    .description('Corre el CGE recursivo de DIR para un escenario / run the recursive CGE of DIR for a scenario')
    .option('--scenario <name>', 'escenario en DIR/scenarios (base = línea base)', 'base')
    .option('--closure <file>', 'archivo JSON de cierre que reemplaza opciones del cierre por defecto')
    .option('--years <A:B>', 'años, desde el año base de la MCS')
    .option('--json', 'imprime JSON')
    .option('--out <file>', 'write .csv or .xlsx (escribe .csv o .xlsx)')
    .action(
      action((dir: string, o: { scenario: string; closure?: string; years?: string; json?: boolean; out?: string }) => {
        const { results } = runCgeModel(dir, { scenario: o.scenario, closureFile: o.closure, years: parseYears(o.years) });
        if (o.out) {
          if (o.out.endsWith('.xlsx')) {
            writeFileAtomic(o.out, xlsxBytes([{ name: 'cge', rows: rows(results) }]));
          } else if (o.out.endsWith('.csv')) {
            writeFileAtomic(o.out, rows(results).map((r) => r.join(',')).join('\n') + '\n');
          } else throw new UsageError({ en: `--out ${o.out}: use .csv or .xlsx`, es: `--out ${o.out}: use .csv o .xlsx` });
          printStderr({ en: `wrote ${o.out}`, es: `escrito: ${o.out}` });
          return;
        }
        if (o.json) {
          console.log(JSON.stringify(results));
          return;
        }
        const last = results.years.length - 1;
        const pick = ['real_gdp', 'cpi', 'real_exchange_rate', 'co2', 'fuel_use', 'government_savings'];
        console.log(`escenario / scenario: ${results.scenario}; converged: ${results.converged}; max residual ${results.max_residual.toExponential(2)}`);
        console.log(['variable', results.years[0], results.years[last]].join('\t'));
        for (const k of pick) console.log([k, results.variables[k]![0]!.toPrecision(6), results.variables[k]![last]!.toPrecision(6)].join('\t'));
        for (const [h, e] of Object.entries(results.households)) console.log([`ev_pct:${h}`, '', e.ev_pct[last]!.toFixed(3)].join('\t'));
      }),
    );
}
