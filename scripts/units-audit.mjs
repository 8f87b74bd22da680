/**
 * Runs the units check (src/sd/analyze/units.ts) over every model at hand and prints, per model,
 * the equations checked, the inconsistencies reported and the time taken; totals per set at the end.
 * With --list, every inconsistency follows its model; with --cli, each model also goes through
 * `igem check --units` and any exit that is not a located message (a stack trace) is flagged.
 *
 *   npm run build && node scripts/units-audit.mjs [--list] [--cli] [--set NAME]
 *
 * Sets: sd-test-models (every .mdl/.xmile/.stmx/.itmx under ../shared/sd-test-models/tests), corpus
 * (corpus/catalog.json), bench (../shared/bench-models, or IGEM_BENCH_MODELS) and peru (with and
 * without the project's unit aliases). Models that the reader rejects are counted as such.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const { readVensim } = await dist('sd/vensim/reader.js');
const { readXmile } = await dist('sd/xmile/reader.js');
const { readTextFile } = await dist('sd/node/load.js');
const { unitCheck } = await dist('sd/analyze/units.js');

const args = process.argv.slice(2);
const list = args.includes('--list');
const cli = args.includes('--cli');
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const shared = process.env.IGEM_SHARED ?? resolve(root, '../../shared');
const benchDir = process.env.IGEM_BENCH_MODELS ?? join(shared, 'bench-models');
const MODEL = /\.(mdl|xmile|stmx|itmx)$/i;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : MODEL.test(d.name) ? [join(dir, d.name)] : [])).sort();
}

const corpus = JSON.parse(readFileSync(join(root, 'corpus/catalog.json'), 'utf8')).map((m) => join(root, 'corpus/models', m.name, m.file));
const peruAliases = JSON.parse(readFileSync(join(root, 'models/peru/project.json'), 'utf8')).unitAliases;
const sets = [
  ['sd-test-models', walk(join(shared, 'sd-test-models/tests')).map((f) => ({ file: f }))],
  ['corpus', corpus.map((f) => ({ file: f }))],
  ['bench', walk(benchDir).filter((f) => /\.mdl$/i.test(f)).map((f) => ({ file: f }))],
  ['peru', [{ file: join(root, 'models/peru/peru.mdl') }, { file: join(root, 'models/peru/peru.mdl'), aliases: peruAliases, note: 'project unit aliases' }]],
].filter(([name]) => !only || name === only);

console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const totals = [];
for (const [set, models] of sets) {
  const t = { set, models: 0, unreadable: 0, checked: 0, issues: 0, withIssues: 0, ms: 0, cliStack: 0, cliFailed: 0 };
  for (const { file, aliases, note } of models) {
    const name = `${relative(root, file)}${note ? ` (${note})` : ''}`;
    const t0 = performance.now();
    let ir;
    try {
      const text = readTextFile(file);
      ir = /\.mdl$/i.test(file) ? readVensim(text, file) : readXmile(text, file);
    } catch (err) {
      t.unreadable++;
      console.log(`${set}\t${name}\tunreadable: ${String(err.message).split('\n')[0]}`);
      continue;
    }
    const r = unitCheck(ir, aliases ? { aliases } : {});
    const ms = performance.now() - t0;
    t.models++;
    t.checked += r.checked;
    t.issues += r.issues.length;
    t.withIssues += r.issues.length > 0 ? 1 : 0;
    t.ms += ms;
    let cliNote = '';
    if (cli && !note) {
      const p = spawnSync(process.execPath, [join(root, 'bin/igem.js'), 'check', '--units', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const stack = /\n\s+at .+:\d+:\d+\)?\n/.test(p.stderr);
      if (stack) t.cliStack++;
      if (p.status !== 0) t.cliFailed++;
      cliNote = `\tcli exit ${p.status}${stack ? ' STACK TRACE' : ''}${p.status !== 0 ? `: ${p.stderr.trim().split('\n')[0]}` : ''}`;
    }
    console.log(`${set}\t${name}\tchecked ${r.checked}\tissues ${r.issues.length}\t${ms.toFixed(0)} ms${cliNote}`);
    if (list) for (const i of r.issues) console.log(`  ${i.loc?.line ?? '?'}:${i.loc?.column ?? '?'} ${i.variable}: ${i.message}`);
  }
  totals.push(t);
}
console.log('\nset\tmodels\tunreadable\tequations checked\tinconsistencies\tmodels with any\tms' + (cli ? '\tcli stack traces\tcli non-zero exits' : ''));
for (const t of totals) console.log(`${t.set}\t${t.models}\t${t.unreadable}\t${t.checked}\t${t.issues}\t${t.withIssues}\t${t.ms.toFixed(0)}${cli ? `\t${t.cliStack}\t${t.cliFailed}` : ''}`);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
