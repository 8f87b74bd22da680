/**
 * `igem io …`: input-output and SAM analysis from the command line.
 *   multipliers TABLE   output, income, value-added, employment and satellite multipliers, linkages
 *   impact TABLE        effects of a final-demand shock, by round (direct, indirect, induced)
 *   greenjobs TABLE     green jobs, jobs in transition and other jobs, base year or for a shock
 *   check TABLE         layout and balance report
 *   link MODEL          yearly output, value added, jobs, green jobs, emissions from an SD run
 * Bad input of any kind is an InputError (exit status 2) naming the file and row/column or field.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../sd/ir/diagnostics.js';
import { loadModel } from '../sd/node/load.js';
import {
  baseYearGreenJobs, buildModels, computeImpact, computeMultipliers, greenImpactJson, greenJobsImpact,
  greenJson, greenRows, impactJson, impactRows, linkages, linkRows, linkRunToIo, loadIoTable, loadSam, multiplierRows,
  multipliersJson, netImpact, readShock, readShockDetailed, samMultipliers, structuralPaths,
  tableHeading, textTable, toCsv, totalsOf, validateLinkMapping, type GreenImpact, type GreenSpec, type IoTable,
  type LoadedTable, type Row,
} from '../econ/io/index.js';
import { greenSpecFor } from '../econ/io/green-spec.js';
import { readJson } from '../econ/io/read-grid.js';
import { assertBalanced, formatIssues } from '../econ/io/validate.js';
import { printStdout } from './cli-lang.js';
import { action } from './exit.js';

interface TableOptions {
  descriptor?: string;
  tolerance?: string;
  type?: string;
  json?: boolean;
  out?: string;
}

function parseType(value: string | undefined): 1 | 2 {
  if (value === undefined || value === '1') return 1;
  if (value === '2') return 2;
  throw new InputError('--type', { en: `must be 1 or 2, got "${value}"`, es: `debe ser 1 o 2, se recibió "${value}"` });
}

function parseTolerance(value: string | undefined): { relative: number } | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!(v >= 0)) throw new InputError('--tolerance', { en: `must be a relative tolerance ≥ 0 (e.g. 0.001), got "${value}"`, es: `debe ser una tolerancia relativa ≥ 0 (p. ej. 0.001), se recibió "${value}"` });
  return { relative: v };
}

function load(path: string, o: TableOptions, requireBalance = true): LoadedTable {
  const tolerance = parseTolerance(o.tolerance);
  return loadIoTable(path, { descriptorPath: o.descriptor, tolerance, requireBalance });
}

function modelsFor(table: IoTable, type: 1 | 2) {
  const models = buildModels(table);
  if (type === 2 && !models.closed) throw new InputError(`${table.source}`, { en: `--type 2 needs household accounts: ${models.notes.join('; ')}`, es: `--type 2 necesita cuentas de hogares: ${models.notes.join('; ')}` });
  return models;
}

/** JSON to stdout, CSV to --out, or an aligned table to stdout. */
function emit(o: TableOptions, json: () => unknown, table: () => { headers: string[]; rows: Row[] }, text: () => string): void {
  if (o.json && o.out) throw new InputError('--json/--out', { en: 'choose one of --json and --out', es: 'elija solo una de --json y --out' });
  if (o.json) {
    console.log(JSON.stringify(json(), (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
    return;
  }
  if (o.out) {
    const { headers, rows } = table();
    try {
      writeFileSync(o.out, toCsv(headers, rows));
    } catch (err) {
      throw new InputError(o.out, { en: `cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, es: `no se puede escribir el archivo (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    }
    printStdout({ en: `wrote ${o.out}`, es: `escrito: ${o.out}` });
    return;
  }
  console.log(text());
}

const jobsSummary = (label: string, g: GreenImpact): string => {
  const line = (name: string, s?: GreenImpact['total']): string => {
    if (!s) return '';
    const t = totalsOf(s);
    return `  ${name.padEnd(9)} total ${t.total.toFixed(3)}  green ${t.green.toFixed(3)}  in transition ${t.transition.toFixed(3)}  other ${t.other.toFixed(3)}\n`;
  };
  return `${label}\n${line('direct', g.direct)}${line('indirect', g.indirect)}${line('induced', g.induced)}${line('all', g.total)}`;
};

export function registerIoCommands(program: Command): void {
  const io = program.command('io').description('input-output and SAM analysis: multipliers, impacts, green jobs');

  io.command('multipliers')
    .description('output (type I/II), income, value-added, employment and satellite multipliers; backward/forward linkages')
    .argument('<table>', 'IO table (CSV, TSV, XLSX) or, with --sam, a SAM')
    .option('--descriptor <file>', 'JSON naming rows and columns (default: <table>.descriptor.json if present)')
    .option('--type <n>', '1 (open model) or 2 (households endogenous)', '1')
    .option('--json', 'print JSON: { sectors, leontief, output_multipliers, … }')
    .option('--out <file>', 'write the per-sector multipliers as CSV')
    .option('--tolerance <rel>', 'relative balance tolerance (default 0.001)')
    .option('--sam', 'the file is a SAM: print accounting multipliers')
    .option('--exogenous <accounts>', 'SAM accounts to treat as exogenous, comma-separated (default: government, capital, rest of world, taxes)')
    .action(
      action((path: string, o: TableOptions & { sam?: boolean; exogenous?: string }) => {
        if (o.sam) return samCommand(path, o);
        const type = parseType(o.type);
        const { table } = load(path, o);
        const models = modelsFor(table, type);
        const m = computeMultipliers(table, models);
        const link = linkages(models.open);
        emit(
          o,
          () => multipliersJson(table, m, link, models.open, models.closed, type),
          () => multiplierRows(m, link, type),
          () => {
            const { headers, rows } = multiplierRows(m, link, type);
            const keep = headers.map((h, i) => (/^(sector|output_|income_type|value_added|employment|jobs|backward|forward_linkage|linkage_class)/.test(h) && !/_simple_total$/.test(h) ? i : -1)).filter((i) => i >= 0);
            const notes = m.notes.map((n) => `note: ${n}`).join('\n');
            return `${tableHeading(table)}\nmultipliers per unit of final demand (type ${type})\n\n${textTable(keep.map((i) => headers[i]), rows.map((r) => keep.map((i) => r[i])))}${notes ? `\n\n${notes}` : ''}`;
          },
        );
      }),
    );

  io.command('impact')
    .description('effects of a final-demand change: output, value added, jobs, emissions … by round')
    .argument('<table>', 'IO table')
    .requiredOption('--demand <file>', 'final-demand change: CSV with columns sector,value (table units)')
    .option('--displaced <file>', 'demand the programme displaces (same format): results are net of it')
    .option('--descriptor <file>', 'table descriptor')
    .option('--type <n>', '1 (direct + indirect) or 2 (+ induced)', '1')
    .option('--paths <n>', 'also list the n largest structural paths (of jobs, or of output when there is no employment)', '0')
    .option('--json', 'print JSON')
    .option('--out <file>', 'write per-sector results as CSV')
    .option('--tolerance <rel>', 'relative balance tolerance')
    .action(
      action((path: string, o: TableOptions & { demand: string; displaced?: string; paths: string }) => {
        const type = parseType(o.type);
        const { table } = load(path, o);
        const { open, closed } = modelsFor(table, type);
        const useClosed = type === 2 ? closed : undefined;
        const gross = readShock(o.demand, table.sectors);
        const displaced = o.displaced ? readShock(o.displaced, table.sectors) : undefined;
        const df = displaced ? gross.map((v, i) => v - displaced[i]) : gross;
        const result = computeImpact(table, open, df, useClosed);
        const nPaths = Number(o.paths);
        if (!(Number.isInteger(nPaths) && nPaths >= 0)) throw new InputError('--paths', { en: `must be a whole number ≥ 0, got "${o.paths}"`, es: `debe ser un número entero ≥ 0, se recibió "${o.paths}"` });
        const emp = table.satellites.find((s) => s.kind === 'employment');
        const intensity = emp ? emp.values.map((v, j) => v / table.x[j]) : table.sectors.map(() => 1);
        const spa = nPaths > 0 ? structuralPaths(open, intensity, df, { top: nPaths }) : undefined;
        emit(
          o,
          () => impactJson(table, result, type, {
            net_of_displaced: displaced !== undefined,
            structural_paths: spa ? { of: emp ? emp.name : 'output', total: spa.total, coverage: spa.coverage, paths: spa.paths } : null,
          }),
          () => impactRows(result),
          () => {
            const { headers, rows } = impactRows(result);
            let text = `${tableHeading(table)}\nimpact of ${o.demand}${displaced ? ` net of ${o.displaced}` : ''} (type ${type})\n\n${textTable(headers, rows)}`;
            if (spa) {
              text += `\n\nlargest structural paths of ${emp ? emp.name : 'output'} (final demand → … → where the effect occurs):\n`;
              text += spa.paths.map((p) => `  ${p.value.toFixed(4).padStart(12)}  ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.names.join(' → ')}`).join('\n');
            }
            return text;
          },
        );
      }),
    );

  io.command('greenjobs')
    .description('green jobs (ILO definition), jobs in transition and other jobs by sector, base year or for a shock')
    .argument('<table>', 'IO table with an employment satellite')
    .option('--demand <file>', 'final-demand change (CSV sector,value): jobs it creates, by round')
    .option('--displaced <file>', 'demand the programme displaces: prints gross, displaced and net effects')
    .option('--green <file>', 'classification: CSV sector,environmental_share (default: green-classification.csv beside the table)')
    .option('--informality <file>', 'CSV sector,informal_share (default: informality.csv beside the table)')
    .option('--descriptor <file>', 'table descriptor')
    .option('--type <n>', '1 (direct + indirect) or 2 (+ induced)', '1')
    .option('--json', 'print JSON')
    .option('--out <file>', 'write per-sector results as CSV')
    .option('--tolerance <rel>', 'relative balance tolerance')
    .action(
      action((path: string, o: TableOptions & { demand?: string; displaced?: string; green?: string; informality?: string }) => {
        const type = parseType(o.type);
        const loaded = load(path, o);
        const { table } = loaded;
        const spec = greenSpecFor(loaded, o);
        const base = baseYearGreenJobs(table, spec);
        const unit = table.satellites.find((s) => s.kind === 'employment')?.unit;
        if (o.displaced && !o.demand) throw new InputError('--displaced', { en: 'needs --demand', es: 'necesita --demand' });
        if (!o.demand) {
          emit(o, () => greenJson(table, spec, base), () => greenRows(table.sectors, base, spec), () => {
            const { headers, rows } = greenRows(table.sectors, base, spec);
            return `${tableHeading(table)}\ngreen jobs in the base year${unit ? ` (${unit})` : ''}: green = environmental share × formal share × jobs; in transition = environmental share × informal share × jobs\n\n${textTable(headers, rows)}`;
          });
          return;
        }
        const { open, closed } = modelsFor(table, type);
        const useClosed = type === 2 ? closed : undefined;
        const shock = readShockDetailed(o.demand, table.sectors);
        const gross = greenJobsImpact(table, open, spec, shock.values, useClosed, shock.environmentalShare);
        const other = o.displaced ? readShockDetailed(o.displaced, table.sectors) : undefined;
        const displaced = other ? greenJobsImpact(table, open, spec, other.values, useClosed, other.environmentalShare) : undefined;
        const net = displaced ? netImpact(gross, displaced) : gross;
        emit(
          o,
          () => greenJson(table, spec, base, {
            type, demand: o.demand, displaced: o.displaced ?? null,
            gross: greenImpactJson(gross), displaced_effect: displaced ? greenImpactJson(displaced) : null, net: greenImpactJson(net),
          }),
          () => greenRows(table.sectors, net.total, spec),
          () => {
            const { headers, rows } = greenRows(table.sectors, net.total, spec);
            let text = `${tableHeading(table)}\njobs created by ${o.demand}${displaced ? ` net of ${o.displaced}` : ''} (type ${type})${unit ? `, ${unit}` : ''}\n\n`;
            text += jobsSummary('gross effect', gross);
            if (displaced) text += jobsSummary('displaced demand', displaced) + jobsSummary('net effect', net);
            return `${text}\nby sector (${displaced ? 'net' : 'gross'}, all rounds):\n${textTable(headers, rows)}`;
          },
        );
      }),
    );

  io.command('check')
    .description('layout and balance report: every unbalanced account with its gap (exit status 2 if any)')
    .argument('<table>', 'IO table, or a SAM with --sam')
    .option('--descriptor <file>', 'table descriptor')
    .option('--tolerance <rel>', 'relative balance tolerance (default 0.001)')
    .option('--sam', 'the file is a SAM')
    .option('--json', 'print the report as JSON')
    .action(
      action((path: string, o: TableOptions & { sam?: boolean }) => {
        if (o.sam) {
          const { sam, report } = loadSam(path, parseTolerance(o.tolerance) ? { relative: Number(o.tolerance), absolute: 0.5 } : undefined);
          console.log(o.json ? JSON.stringify(report, null, 2) : `SAM ${path}: ${sam.accounts.length} accounts (${sam.accounts.join(', ')})\n${report.balanced ? 'balanced' : formatIssues(report, Infinity)}`);
          assertBalanced(report);
          return;
        }
        const { table, report, descriptorPath, info } = load(path, o, false);
        if (o.json) {
          console.log(JSON.stringify({ table: { source: table.source, title: table.title ?? null, status: table.status ?? null }, assumptions: info.assumptions, ...report }, null, 2));
        }
        else {
          const lines = [
            tableHeading(table),
            descriptorPath ? `descriptor: ${descriptorPath}` : 'descriptor: none (layout recognised from labels)',
            `sectors (${table.sectors.length}): ${table.sectors.join(', ')}`,
            `final demand: ${table.finalDemand.map((f) => f.name).join(', ') || '(none)'}`,
            `primary inputs: ${table.primaryInputs.map((p) => p.name).join(', ') || '(none)'}`,
            `labour income: ${table.labourIncome ?? '(not found: no type II)'}; household consumption: ${table.householdConsumption ?? '(not found: no type II)'}`,
            `satellites: ${table.satellites.map((s) => `${s.name} [${s.kind}]`).join(', ') || '(none)'}`,
            ...info.assumptions.map((a) => `assumed: ${a}`),
            `balance: ${report.accountsChecked} checks, tolerance ${report.tolerance.relative * 100} % or ${report.tolerance.absolute} units: ${report.balanced ? 'balanced' : `${report.issues.length} unbalanced`}`,
          ];
          if (!report.balanced) lines.push(formatIssues(report, Infinity));
          console.log(lines.join('\n'));
        }
        for (let i = 0; i < table.x.length; i++) if (!(table.x[i] > 0)) throw new InputError(path, { en: `sector "${table.sectors[i]}" is empty (total output ${table.x[i]})`, es: `el sector "${table.sectors[i]}" está vacío (producción total ${table.x[i]})` });
        if (!report.balanced) throw new InputError(path, { en: `not balanced: ${report.issues.length} account(s) off`, es: `no está balanceada: ${report.issues.length} cuenta(s) descuadrada(s)` });
      }),
    );

  io.command('link')
    .description('run an SD model and push the yearly final-demand changes it implies through the IO table')
    .argument('<model>', 'Vensim .mdl model')
    .requiredOption('--mapping <file>', 'JSON: { "type": 1|2, "entries": [{ "variable", "sectors": {sector: share}, "scale", "mode" }] }')
    .requiredOption('--table <file>', 'IO table')
    .option('--descriptor <file>', 'table descriptor')
    .option('--set <name=value...>', 'scenario parameter values (the run uses them)')
    .option('--vs-baseline', 'use scenario minus the run with the model\'s own parameters')
    .option('--green <file>', 'green classification (sector,environmental_share)')
    .option('--informality <file>', 'informality by sector (sector,informal_share)')
    .option('--json', 'print JSON')
    .option('--out <file>', 'write long CSV: year,sector,indicator,value')
    .option('--tolerance <rel>', 'relative balance tolerance')
    .action(
      action((modelPath: string, o: TableOptions & { mapping: string; table: string; set?: string[]; vsBaseline?: boolean; green?: string; informality?: string }) => {
        const loaded = load(o.table, o);
        const { table } = loaded;
        const mapping = validateLinkMapping(readJson(o.mapping), o.mapping, table.sectors);
        const params: Record<string, number> = {};
        for (const s of o.set ?? []) {
          const m = /^(.+?)=(.+)$/.exec(s);
          if (!m || !Number.isFinite(Number(m[2]))) throw new InputError('--set', { en: `expected NAME=NUMBER, got "${s}"`, es: `se esperaba NAME=NUMBER, se recibió "${s}"` });
          params[m[1].trim()] = Number(m[2]);
        }
        let green: GreenSpec | undefined;
        try {
          green = greenSpecFor(loaded, o);
        } catch (err) {
          if (o.green || o.informality || !(err instanceof InputError)) throw err;
        }
        const model = loadModel(modelPath);
        const run = model.run({ params });
        const baseline = o.vsBaseline ? model.run() : undefined;
        const r = linkRunToIo(run, mapping, { table, green, baseline, where: o.mapping });
        const rows = linkRows(r);
        const total = (m?: number[][]) => (m ? m.map((row) => row.reduce((a, b) => a + b, 0)) : undefined);
        const emissions = r.satellites.find((s) => s.kind === 'emissions');
        const summary = {
          headers: ['year', 'final_demand_change', 'output', 'value_added', 'jobs', 'green_jobs', 'jobs_in_transition', ...(emissions ? [emissions.name] : [])],
          rows: r.years.map((y, t) => [y, total(r.finalDemand)![t], total(r.output)![t], total(r.valueAdded)![t], total(r.jobs)?.[t], total(r.greenJobs)?.[t], total(r.jobsInTransition)?.[t], ...(emissions ? [total(emissions.values)![t]] : [])] as Row),
        };
        emit(
          o,
          () => ({ table: tableHeading(table), model: modelPath, mapping: o.mapping, ...r }),
          () => ({ headers: ['year', 'sector', 'indicator', 'value'], rows }),
          () => `${tableHeading(table)}\nmodel: ${modelPath}${o.vsBaseline ? ' (scenario minus baseline)' : ''}; mapping: ${o.mapping} (type ${r.type})\ntotals over sectors by year:\n\n${textTable(summary.headers, summary.rows, [0, 3, 3, 3, 3, 3, 3, 3])}${r.notes.length ? `\n\n${r.notes.map((n) => `note: ${n}`).join('\n')}` : ''}`,
        );
      }),
    );
}

function samCommand(path: string, o: TableOptions & { exogenous?: string }): void {
  const tol = parseTolerance(o.tolerance);
  const { sam, report } = loadSam(path, tol ? { relative: tol.relative, absolute: 0.5 } : undefined);
  assertBalanced(report);
  const exogenous = o.exogenous?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const m = samMultipliers(sam, exogenous);
  const headers = ['account', ...m.endogenous];
  const rows: Row[] = m.endogenous.map((a, i) => [a, ...m.Ma[i]]);
  rows.push(['column sum', ...m.columnSums]);
  emit(
    o,
    () => ({ source: sam.source, accounts: sam.accounts, endogenous: m.endogenous, exogenous: m.exogenous, coefficients: m.An, multipliers: m.Ma, column_sums: m.columnSums }),
    () => ({ headers, rows }),
    () => `SAM ${sam.source}\nexogenous: ${m.exogenous.join(', ')}\naccounting multipliers M_a = (I − A_n)⁻¹ (column: injection, row: income received)\n\n${textTable(headers, rows)}`,
  );
}
