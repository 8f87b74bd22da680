/* global process, console */
/**
 * Business-as-usual regression check for model edits: runs two versions of a model with no
 * parameters and reports the largest relative difference over every column they share, and the
 * columns only one of them has. Used when a lever is replaced by a mechanism (issue 11): a zero
 * budget must leave business as usual unchanged. Uses the built engine (dist/): `npm run build`.
 *
 *   git show <commit>:models/peru/peru.mdl > /tmp/old.mdl
 *   node models/peru/calibration/bau-diff.mjs /tmp/old.mdl models/peru/peru.mdl
 *
 * Exits 1 when a shared column differs by more than 1e-9 (relative).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error('usage: node models/peru/calibration/bau-diff.mjs OLD.mdl NEW.mdl');
  process.exit(2);
}
const before = loadModel(oldPath).run();
const after = loadModel(newPath).run();
let worst = 0;
let where = '';
for (const name of after.names) {
  const x = before.get(name);
  if (!x) continue;
  const y = after.get(name);
  for (let i = 0; i < y.length; i++) {
    const d = Math.abs(x[i] - y[i]) / Math.max(1e-9, Math.abs(x[i]));
    if (d > worst) { worst = d; where = `${name} at ${after.time[i]}`; }
  }
}
const added = after.names.filter((n) => !before.get(n));
const removed = before.names.filter((n) => !after.get(n));
console.log(`shared columns: ${after.names.length - added.length}; largest relative difference: ${worst}${where ? ` (${where})` : ''}`);
console.log(`only in the new model (${added.length}): ${added.join('; ')}`);
console.log(`only in the old model (${removed.length}): ${removed.join('; ')}`);
process.exit(worst > 1e-9 ? 1 : 0);
