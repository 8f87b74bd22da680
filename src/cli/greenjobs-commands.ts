/**
 * `igem greenjobs …`: green jobs measured from labour-force survey microdata.
 *   measure SURVEY… --descriptor FILE…   green jobs, jobs in transition, other jobs with intervals
 *   rules                                prints the definition in force
 *   export-io SURVEY --descriptor FILE   writes the measured shares the IO green-jobs module reads
 *   synthetic --out FILE                 writes the SYNTHETIC sample (documented generator, fixed seed)
 * Bad input is an InputError (exit 2) naming the file, line and field.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { xlsxBytes } from '../sd/data/workbook-write.js';
import {
  baseYearJson, classify, DIMENSIONS, estimateTables, ioShareFiles, jsonReport, loadDescriptor, loadRules, readSurvey, splitsCsv,
  generateSynthetic, syntheticCsv, syntheticTargets, TABLE_HEADERS, tableRows, textReport, type Rules, type YearTables,
} from '../econ/greenjobs/index.js';
import { cellText } from '../econ/io/grid.js';
import { readGrid } from '../econ/io/read-grid.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { printStdout } from './cli-lang.js';
import { action } from './exit.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_RULES = join(ROOT, 'models/peru/greenjobs/rules.json');
const DEFAULT_IO = join(ROOT, 'models/peru/io');

interface MeasureOptions {
  descriptor: string[];
  rules?: string;
  by?: string;
  json?: boolean;
  out?: string;
  fpc?: boolean;
  lonelyPsu?: string;
  unknown?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function parseDims(by: string | undefined): string[] {
  const dims = (by ?? 'sector,sex,age').split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dims) if (!DIMENSIONS.includes(d)) throw new InputError('--by', { en: `unknown dimension "${d}" (known: ${DIMENSIONS.join(', ')})`, es: `dimensión desconocida "${d}" (conocidas: ${DIMENSIONS.join(', ')})` });
  return ['all', ...dims.filter((d) => d !== 'all')];
}

async function measure(surveys: string[], o: MeasureOptions, dims: string[]): Promise<YearTables[]> {
  if (!o.descriptor?.length) throw new InputError('--descriptor', { en: 'give the descriptor (JSON) of each survey file', es: 'indique el descriptor (JSON) de cada archivo de encuesta' });
  if (o.descriptor.length !== 1 && o.descriptor.length !== surveys.length) {
    throw new InputError('--descriptor', { en: `give one descriptor for all files or one per file (${surveys.length} files, ${o.descriptor.length} descriptors)`, es: `indique un descriptor para todos los archivos o uno por archivo (${surveys.length} archivos, ${o.descriptor.length} descriptores)` });
  }
  if (o.lonelyPsu && !['error', 'certainty', 'adjust'].includes(o.lonelyPsu)) throw new InputError('--lonely-psu', { en: 'must be error, certainty or adjust', es: 'debe ser error, certainty o adjust' });
  if (o.unknown && o.unknown !== 'error' && o.unknown !== 'keep') throw new InputError('--unknown', { en: 'must be error or keep', es: 'debe ser error o keep' });
  const rules: Rules = loadRules(o.rules ?? DEFAULT_RULES);
  const out: YearTables[] = [];
  for (const [k, path] of surveys.entries()) {
    const survey = await readSurvey(path, loadDescriptor(o.descriptor[o.descriptor.length === 1 ? 0 : k]));
    const classified = classify(survey, rules, (o.unknown as 'error' | 'keep' | undefined) ?? rules.unknownCodes);
    const { rows } = estimateTables(classified, dims, { fpc: o.fpc, lonelyPsu: o.lonelyPsu as 'error' | undefined });
    out.push({ year: survey.year, source: path, synthetic: survey.synthetic, classified, rows });
  }
  return out.sort((a, b) => a.year - b.year);
}

function writeOut(path: string, years: YearTables[]): void {
  const rows = tableRows(years);
  try {
    if (/\.xlsx$/i.test(path)) {

      const synthetic = years.some((y) => y.synthetic);
      writeFileSync(path, xlsxBytes([{ name: synthetic ? 'SYNTHETIC green jobs' : 'green jobs', rows: [TABLE_HEADERS, ...rows] }]));
    } else if (/\.csv$/i.test(path)) {
      const cell = (v: string | number): string => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
      writeFileSync(path, [TABLE_HEADERS, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n');
    } else throw new InputError('--out', { en: `"${path}" must end in .csv or .xlsx`, es: `"${path}" debe terminar en .csv o .xlsx` });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, { en: `cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, es: `no se puede escribir el archivo (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
  }
}

export function registerGreenjobsCommands(program: Command): void {
  const gj = program.command('greenjobs').description('green jobs measured from labour-force survey microdata (ILO 19th ICLS), with design-based intervals');

  gj.command('measure')
    .description('green jobs, jobs in transition and other jobs with 95 % intervals by domain')
    .argument('<surveys...>', 'person-level survey files (CSV, TSV, XLSX, SPSS .sav); several files = several years')
    .requiredOption('--descriptor <files>', 'descriptor JSON per file (comma-separated or repeated; one descriptor serves all files)', collect)
    .option('--rules <file>', 'the definition (default models/peru/greenjobs/rules.json)')
    .option('--by <dims>', `domains, comma-separated: ${DIMENSIONS.join(', ')}`, 'sector,sex,age')
    .option('--json', 'print JSON')
    .option('--out <file>', 'write the table as .csv or .xlsx')
    .option('--fpc', 'apply the finite-population correction (needs the fpc field in the descriptor)')
    .option('--lonely-psu <rule>', 'strata with one PSU: error, certainty or adjust (default: the rules file)')
    .option('--unknown <rule>', 'unknown activity codes: error (default) or keep (counted and reported as "Unclassified")')
    .action(action(async (surveys: string[], o: MeasureOptions) => {
      if (o.json && o.out) throw new InputError('--json/--out', { en: 'choose one of --json and --out', es: 'elija solo una de --json y --out' });
      const years = await measure(surveys, o, parseDims(o.by));
      if (o.json) console.log(JSON.stringify(jsonReport(years), (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
      else if (o.out) {
        writeOut(o.out, years);
        {
        const synthetic = years.some((y) => y.synthetic) ? { en: ' (SYNTHETIC data)', es: ' (datos SYNTHETIC)' } : undefined;
        printStdout({ en: `wrote ${o.out}${synthetic?.en ?? ''}`, es: `escrito: ${o.out}${synthetic?.es ?? ''}` });
      }
      } else console.log(textReport(years));
    }));

  gj.command('rules')
    .description('print the green-jobs definition in force')
    .option('--rules <file>', 'the definition (default models/peru/greenjobs/rules.json)')
    .option('--json', 'print the rules file as JSON')
    .action(action((o: { rules?: string; json?: boolean }) => {
      const r = loadRules(o.rules ?? DEFAULT_RULES);
      if (o.json) { console.log(JSON.stringify(r.raw, null, 2)); return; }
      const def = r.raw.definition as { en?: string; es?: string } | undefined;
      const f = r.formality;
      const lines = [
        `${String(r.raw.title ?? 'Green jobs')}  (${r.path})`,
        '', `EN: ${def?.en ?? ''}`, `ES: ${def?.es ?? ''}`, '', `Source: ${String(r.raw.source ?? '')}`, '',
        `Environmental activities (CIIU rev. 4 prefix → share): ${[...r.activityShare].map(([k, v]) => `${k}=${v}`).join(', ')}`,
        `Environmental occupations (CNO → share): ${[...r.occupationShare].map(([k, v]) => `${k}=${v}`).join(', ')}`,
        `A person's environmental share: max(activity share, occupation share), counted as a fractional weight.`,
        `Decent work: formality by ${f.method}${f.method === 'components' ? ` (employees: ${f.employees.join(' + ')}; others: ${f.others.join(' + ')}; social security = any of ${f.socialSecurityAnyOf.join(', ')}; family workers ${f.familyWorkersFormal ? 'formal' : 'never formal'})` : ''}; ` +
          `monthly labour income ≥ ${r.minimumWageMultiple} × RMV; weekly hours ≤ ${r.maxWeeklyHours}; missing values fail the test.`,
        `Minimum wage (RMV, in force on ${r.minimumWageMonthDay} of the survey year): ${r.minimumWage.map((m) => `${m.from} S/ ${m.value} (${m.source})`).join('; ')}`,
        `Age groups: ${r.ageGroups.map((g) => g.label).join(', ')}. Quality: CV > ${r.cvFlag} flagged "referencial"${r.cvSuppress ? `, CV > ${r.cvSuppress} suppressed` : ''}; ${r.confidence * 100} % intervals; single-PSU strata: ${r.lonelyPsu}.`,
      ];
      console.log(lines.join('\n'));
    }));

  gj.command('export-io')
    .description('write the measured per-sector shares for the IO green-jobs module, the youth/sex splits and the base-year JSON')
    .argument('<survey>', 'person-level survey file')
    .requiredOption('--descriptor <file>', 'descriptor JSON', collect)
    .option('--rules <file>', 'the definition (default models/peru/greenjobs/rules.json)')
    .option('--io-dir <dir>', 'IO folder whose descriptor gets the new files', DEFAULT_IO)
    .option('--out-dir <dir>', 'folder for the splits CSV and base-year JSON (default: beside the rules)')
    .option('--activate', 'point the IO descriptor at the measured shares even when the survey is SYNTHETIC (real surveys: always)')
    .action(action(async (survey: string, o: MeasureOptions & { ioDir: string; outDir?: string; activate?: boolean }) => {
      const [y] = await measure([survey], o, ['all', 'sector', 'sex', 'age']);
      const c = y.classified;
      const tag = `${y.synthetic ? 'SYNTHETIC-' : ''}${y.year}`;
      const ioDescriptorPath = join(o.ioDir, 'peru-io-2019-estimated.descriptor.json');
      const ioTable = join(o.ioDir, 'peru-io-2019-estimated.csv');
      const ioSectors = ioSectorsOf(ioTable);
      const files = ioShareFiles(c, y.rows.filter((r) => r.dimension === 'sector'), ioSectors);
      const clsName = `green-classification-measured-${tag}.csv`;
      const infName = `informality-measured-${tag}.csv`;
      writeFileSync(join(o.ioDir, clsName), files.classification);
      writeFileSync(join(o.ioDir, infName), files.informality);
      const outDir = o.outDir ?? join(dirname(resolve(o.rules ?? DEFAULT_RULES)), 'measured');
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, `green-jobs-splits-${tag}.csv`), splitsCsv(c, y.rows));
      writeFileSync(join(outDir, `base-year-${tag}.json`), JSON.stringify(baseYearJson(c, y.rows), null, 2) + '\n');
      // SYNTHETIC measurements replace the assumed shares only when asked: the IO text tables do not
      // carry the SYNTHETIC label.
      const activate = !y.synthetic || o.activate === true;
      if (activate) {
        const desc = JSON.parse(readFileSync(ioDescriptorPath, 'utf8')) as Record<string, unknown>;
        desc.greenJobs = { classification: clsName, informality: infName, $comment: `measured by \`igem greenjobs export-io ${basename(survey)}\`; the assumed shares stay in green-classification.csv and informality.csv` };
        writeFileSync(ioDescriptorPath, JSON.stringify(desc, null, 2) + '\n');
      }
      console.log(`wrote ${join(o.ioDir, clsName)}, ${join(o.ioDir, infName)}, ${join(outDir, `green-jobs-splits-${tag}.csv`)}, ${join(outDir, `base-year-${tag}.json`)}` +
        `${activate ? `; ${ioDescriptorPath} now points at the measured shares` : `; ${ioDescriptorPath} unchanged (SYNTHETIC data: add --activate to use them)`}`);
    }));

  gj.command('synthetic')
    .description('write the SYNTHETIC person-level sample (ENAHO module 500 layout) whose weighted margins match the published figures')
    .requiredOption('--out <file>', 'CSV file; its name must contain SYNTHETIC')
    .option('--shared <dir>', 'the shared Peru data folder', join(ROOT, '../shared/data/peru'))
    .option('--io-dir <dir>', 'the Peru IO folder (employment structure, informality)', DEFAULT_IO)
    .option('--seed <n>', 'seed', '20221')
    .action(action((o: { out: string; shared: string; ioDir: string; seed: string }) => {
      if (!/SYNTHETIC/.test(basename(o.out))) throw new InputError('--out', { en: 'the file name must contain SYNTHETIC', es: 'el nombre del archivo debe contener SYNTHETIC' });
      const seed = Number(o.seed);
      if (!Number.isInteger(seed)) throw new InputError('--seed', { en: `must be a whole number, got "${o.seed}"`, es: `debe ser un número entero, se recibió "${o.seed}"` });
      const t = syntheticTargets(o.shared, o.ioDir);
      const s = generateSynthetic(t, seed);
      writeFileSync(o.out, syntheticCsv(s));
      console.log(`wrote ${o.out}: ${s.rows.length} SYNTHETIC records, largest margin gap ${s.maxMarginGap.toExponential(2)}\n${t.provenance.map((p) => `  ${p}`).join('\n')}`);
    }));
}

/** Sector names from the IO table's header row (first cell is the title; stops at final demand). */
function ioSectorsOf(table: string): string[] {
  const header = readGrid(table).rows[0].map(cellText);
  const end = header.indexOf('Household consumption');
  return header.slice(1, end < 0 ? undefined : end);
}
