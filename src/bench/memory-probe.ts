/**
 * Prints the peak memory (MB) of compiling and running one model 20 times, in its own process
 * so that nothing else the bench loaded counts.
 *
 * On Linux the peak is VmHWM from /proc/self/status, the high-water mark of this process's own
 * memory, which starts afresh at exec. `resourceUsage().maxRSS` does not: Linux carries it over
 * from the process that forked this one, so a probe started by a 300 MB bench printed 300 MB
 * whatever the model used. Elsewhere maxRSS is the fallback.
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../sd/node/load.js';

/** This process's peak resident memory in MB. */
function peakResidentMb(): number {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // No /proc (not Linux): maxRSS below.
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [path, column] = process.argv.slice(2);
if (!path) {
  console.error('usage: memory-probe MODEL.mdl [COLUMN]   (without COLUMN every variable is saved)');
  process.exit(2);
}
const model = loadModel(path);
for (let i = 0; i < 20; i++) model.run(column ? { columns: [column] } : {});
console.log(peakResidentMb().toFixed(1));
