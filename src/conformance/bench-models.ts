/**
 * The large published models in ../shared/bench-models: where they are, and how our results
 * compare with Vensim's where its output exists.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseRunTable } from '../sd/data/run-table.js';
import { loadModel, readTextFile } from '../sd/node/load.js';
import { compareResults, headerKey, type CompareResult } from './compare.js';

export function benchModelsRoot(): string | undefined {
  // ../../shared: a git worktree under <work>/wt/<name> sees the same folder one level further up.
  const candidates = [process.env.IGEM_BENCH_MODELS, resolve(process.cwd(), '../shared/bench-models'), resolve(process.cwd(), '../../shared/bench-models')];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/**
 * Every .mdl file of the Vensim test suite (../shared/sd-test-models/tests, seen from the main
 * checkout or a worktree) and of the bench models: empty where neither is at hand.
 */
export function suiteAndBenchModelFiles(): string[] {
  const roots = [join(process.cwd(), '..', 'shared', 'sd-test-models', 'tests'), join(process.cwd(), '..', '..', 'shared', 'sd-test-models', 'tests')];
  const suite = roots.find((r) => existsSync(r));
  const bench = benchModelsRoot();
  const models: string[] = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.mdl')) models.push(p);
    }
  };
  if (suite) walk(suite);
  if (bench) walk(bench);
  return models;
}

export interface BenchModel {
  name: string;
  mdl: string;
  expected?: string;
  /** Pass rule against Vensim's output: every column within 1e-3 of its largest magnitude. */
  gate: boolean;
}

export function benchModels(root: string): BenchModel[] {
  return [
    { name: 'Earth4All GL', mdl: join(root, 'earth4all/E4A-global-GL.mdl'), expected: join(root, 'earth4all/expected/e4a_gl_vensim.csv'), gate: true },
    { name: 'Earth4All TLTL', mdl: join(root, 'earth4all/E4A-global-TLTL.mdl'), expected: join(root, 'earth4all/expected/e4a_tltl_vensim.csv'), gate: true },
    { name: 'MEDEAS World', mdl: join(root, 'pymedeas_w/models/pymedeas_w/pymedeas_w.mdl'), expected: join(root, 'pymedeas_w/expected/default_out.tab'), gate: false },
    { name: 'FeliX v25', mdl: join(root, 'felix/v25/FeliX3_YoGL_v25.mdl'), gate: false },
    { name: 'FeliX SDGs v45', mdl: join(root, 'felix/sdgs45/FeliX3_SDGs_v45.mdl'), gate: false },
    { name: 'FeliX algae', mdl: join(root, 'felix/algae/Felix3_algae_new_bau_NatureCommunications.mdl'), gate: false },
  ];
}

export interface BenchModelCheck {
  name: string;
  rows: number;
  columns: number;
  finalTime: number;
  comparison?: CompareResult & { matching: number; expectedColumns: number };
}

/**
 * The columns of Vensim's published output that the model has, as `run` takes them (outer quotes
 * and their escapes removed): Earth4All's 317, for instance.
 */
export function publishedColumns(outputNames: readonly string[], expectedNames: readonly string[]): string[] {
  const ours = new Set(outputNames.map(headerKey));
  return expectedNames.filter((n) => ours.has(headerKey(n))).map((n) => n.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"'));
}

/** The published columns of a bench model's expected output file. */
export function publishedColumnsOf(outputNames: readonly string[], expectedPath: string): string[] {
  return publishedColumns(outputNames, parseRunTable(readTextFile(expectedPath), basename(expectedPath)).names);
}

/** Runs a model as published; compares every column of Vensim's output present in ours. */
export function checkBenchModel(b: BenchModel): BenchModelCheck {
  const model = loadModel(b.mdl);
  if (!b.expected) {
    const r = model.run({ columns: model.outputNames.slice(0, 50) });
    return { name: b.name, rows: r.time.length, columns: model.outputNames.length, finalTime: r.time[r.time.length - 1]! };
  }
  const expected = parseRunTable(readTextFile(b.expected), basename(b.expected));
  const r = model.run({ columns: publishedColumns(model.outputNames, expected.names) });
  const cmp = compareResults(r, expected, { rtol: 0, atolScale: 1e-3, subsetTimes: true });
  const expectedColumns = expected.names.filter((n) => !/^time$/i.test(n.trim())).length;
  return {
    name: b.name,
    rows: r.time.length,
    columns: model.outputNames.length,
    finalTime: r.time[r.time.length - 1]!,
    comparison: { ...cmp, matching: cmp.columnsChecked - cmp.columnsFailed.length, expectedColumns },
  };
}
