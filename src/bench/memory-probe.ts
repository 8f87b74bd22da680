/**
 * Prints the peak memory (MB) of compiling and running one model 20 times, in its own process
 * so that nothing else the bench loaded counts.
 *
 * On Linux the peak is VmHWM from /proc/self/status, the high-water mark of this process's own
 * memory, which starts afresh at exec. `resourceUsage().maxRSS` does not: Linux carries it over
 * from the process that forked this one, so a probe started by a 300 MB bench printed 300 MB
 * whatever the model used. Elsewhere maxRSS is the fallback.
 *
 * With --reuse each run writes into the previous result (`into`), as the bench's headline timing and
 * SDEverywhere's runner do; without it each run returns fresh arrays that the collector must free.
 * Those freed arrays count until V8 collects them: a young result goes at the next young collection,
 * but results promoted to the old generation (in the first runs, while the generated code is not
 * yet optimized, its boxed numbers cause several young collections per run) wait for a full one.
 * V8 starts that full one when array-buffer memory has grown about 64 MB past its level at the last
 * one, and a young collection frees buffers on a background thread: with all 10,124 columns (8 MB a
 * run) the freed results held 40-63 MB at the peak (--trace-gc with process.memoryUsage().arrayBuffers
 * after each run), whatever the rest of the process weighs, and more when the machine is loaded.
 *
 * Why that mode sits near 150 MB even when no result is promoted: once the generated code is
 * optimized a run allocates almost nothing on V8's heap, so a young collection starts only when
 * the young generation's array buffers reach twice V8's default maximum semi-space, 32 MB on
 * 64-bit Node 20 (Heap::AllocateExternalBackingStore). Up to four dead results wait for it, so the
 * peak is about the one-output peak (~104 MB, of which the young generation the compile grew to
 * 32 MB and Node's own 41 MB) plus two live results and 32 MB of dead ones. Not from the results'
 * layout: one ArrayBuffer per run instead of 64 KB blocks gave 156-161 MB (blocks 156-167), and
 * moving the blocks to new buffer objects at the run's end (so that none is promoted) 161-169 MB;
 * nor from what the compile keeps, 6 MB of heap for the compiled model (load 12-15, December 2026).
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../sd/node/load.js';
import type { RunResult } from '../sd/run/types.js';

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

const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const [path, column] = args.filter((a) => a !== '--reuse');
if (!path) {
  console.error('usage: memory-probe MODEL.mdl [COLUMN] [--reuse]   (without COLUMN every variable is saved)');
  process.exit(2);
}
const model = loadModel(path);
const options = column ? { columns: [column] } : {};
let last: RunResult | undefined;
for (let i = 0; i < 20; i++) last = model.run(reuse && last ? { ...options, into: last } : options);
console.log(peakResidentMb().toFixed(1));
