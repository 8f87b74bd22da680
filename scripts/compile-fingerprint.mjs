/**
 * Fingerprints what the compiler makes of every model at hand, so a change meant to be faster can be
 * shown to change nothing: per model, the sha1 of the generated program (source, index tables, delay
 * and belt nodes), the ordering, the scalar nodes, lookup tables, data series and warnings, and with
 * --run the sha1 of every saved value of a default run. Compare the output of two builds with diff.
 *
 *   node scripts/compile-fingerprint.mjs [--run] > fingerprints.txt   (after npm run build)
 *
 * Models: every .mdl under ../shared/sd-test-models and ../shared/bench-models (or IGEM_SHARED),
 * models/peru/peru.mdl, and the bench's generated 10,000-equation model.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const { readVensim } = await dist('sd/vensim/reader.js');
const { expandModel } = await dist('sd/analyze/expand.js');
const { orderModel } = await dist('sd/analyze/order.js');
const { generate } = await dist('sd/compile/codegen.js');
const { parseFileTags } = await dist('sd/data/file-tags.js');
const { createNodeDataHost } = await dist('sd/node/data-host.js');
const { readTextFile } = await dist('sd/node/load.js');
const { CompiledModel } = await dist('sd/run/compiled-model.js');
const { methodFromSettings } = await dist('sd/run/engine.js');
const { generateModel } = await dist('bench/generated-model.js');

// ../shared beside a clone (the CI layout), ../../shared beside a worktree under wt/.
const shared = process.env.IGEM_SHARED ?? [resolve(root, '../shared'), resolve(root, '../../shared')].find(existsSync) ?? resolve(root, '../shared');
const run = process.argv.includes('--run');

function* mdlFiles(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* mdlFiles(p);
    else if (e.name.endsWith('.mdl')) yield p;
  }
}

const arrays = (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);

/** `file` is read for its data files; `shown` (relative) is the name locations carry, so that two checkouts print the same. */
function fingerprint(text, file, shown) {
  const h = createHash('sha1');
  try {
    const ir = readVensim(text, shown);
    const dataHost = file ? createNodeDataHost(dirname(file), parseFileTags(text)) : undefined;
    const { model, warnings } = expandModel(ir, { dataHost });
    const ordering = orderModel(model);
    const g = generate(model, ordering.ordering, undefined, { exprRefs: ordering.exprRefs });
    h.update(JSON.stringify(g, arrays));
    // The ordering and its diagnostics (exprRefs is a cache for generate, not an output).
    h.update(JSON.stringify({ ordering: ordering.ordering, diagnostics: ordering.diagnostics }, arrays));
    for (const n of model.nodes) h.update(JSON.stringify([n.name, n.varName, n.kind, n.hidden, n.data, n.units, n.doc, n.range, n.loc, n.expr, n.init, n.args]));
    h.update(JSON.stringify([model.lookups, model.data, model.outputs, model.control, model.eulerOnly], arrays));
    h.update(JSON.stringify((warnings ?? []).map((w) => w.message)));
    let out = '';
    if (run) {
      const cm = new CompiledModel(model, ordering.ordering, g, { method: ir.method ?? methodFromSettings(ir.settings) });
      const r = cm.run();
      const o = createHash('sha1');
      o.update(JSON.stringify(r.names));
      o.update(new Uint8Array(r.time.buffer, r.time.byteOffset, r.time.byteLength));
      for (const s of r.series) o.update(new Uint8Array(s.buffer, s.byteOffset, s.byteLength));
      out = ` run ${o.digest('hex')}`;
    }
    return `${h.digest('hex')}${out}`;
  } catch (err) {
    return `error ${String(err?.message ?? err).slice(0, 200).replace(/\s+/g, ' ')}`;
  }
}

const files = [...mdlFiles(join(shared, 'sd-test-models')), ...mdlFiles(join(shared, 'bench-models')), join(root, 'models/peru/peru.mdl')];
for (const f of files) {
  const shown = f.startsWith(shared) ? f.slice(shared.length + 1) : f.slice(root.length + 1);
  console.log(`${shown} ${fingerprint(readTextFile(f), f, shown)}`);
}
console.log(`generated-10k ${fingerprint(generateModel(20, 100), undefined, undefined)}`);
