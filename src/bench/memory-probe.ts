/**
 * Prints the peak memory (max RSS, MB) of compiling and running one model 20 times, in its own process
 * so that nothing else the bench loaded counts.
 */
import { loadModel } from '../sd/node/load.js';

const [path, column] = process.argv.slice(2);
if (!path) {
  console.error('usage: memory-probe MODEL.mdl [COLUMN]   (without COLUMN every variable is saved)');
  process.exit(2);
}
const model = loadModel(path);
for (let i = 0; i < 20; i++) model.run(column ? { columns: [column] } : {});
console.log((process.resourceUsage().maxRSS / 1024).toFixed(1));
