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
 *
 * Where the peak is (new arrays, /proc/self/smaps after runs 3-19, load 9-14): the Node binary's
 * pages 37 MB, shared libraries 4, V8's heap 51-56 (young generation 32 committed and touched, old
 * 15-22, code 1.5), and the C heap holding the results' blocks 58 MB (arrayBuffers up to 55 MB,
 * 5-7 results). Levers measured (memory-probe, 3 runs each, load 8-15; only flags marked
 * "diagnosis" were passed, never in the bench):
 * - The young generation. V8 doubles the semi-space whenever the bytes that survived young
 *   collections since its last growth exceed its size; the compile allocates 49 MB (sampling
 *   profiler), and code generation keeps every statement's template until it emits them (15 of its
 *   28 MB survive a young collection), which takes the semi-space from 1 to 16 MB by the end of
 *   codegen. The runs would grow it anyway: each result's 10,124 views (1.1 MB) survive each young
 *   collection, 5-8 MB over 20 runs. Diagnosis, --max-semi-space-size=8: 138/138/134 MB (=4:
 *   137/138/136; default 160/159/157 in the same minute), i.e. the young generation is worth ~20 MB,
 *   but an 8 MB semi-space needs under ~15 MB of survivors from start to end (1+2+4+8) instead of
 *   ~26 (compile 19, runs 5-8). Dropping codegen's templates as soon as they are emitted: the young
 *   generation is still 32 MB after the compile (3 of 3).
 * - Boxed numbers before optimization. Run 0 allocates ~58 MB of heap numbers, nearly all in the generated
 *   step and euler chunks (sampling profiler), and on a loaded machine the last chunks are optimized
 *   only in run 4 (TurboFan takes 1-75 ms a chunk on the background thread): the young collections
 *   this causes promote results 0 and 1, so arrayBuffers reach 55 MB at run 6 until a full
 *   collection. Diagnosis, the code optimized first (10 runs `into` one result, then the 20 runs in
 *   new arrays): 150/150/149 MB against 177/157/157 without (load 14). Moving the blocks at a run's
 *   end (above) cannot stop it: the next run's collections promote the previous result while it is live.
 * - Modules: importing src/sd/node/load.js adds 11 MB, 9 of them for the modules the Vensim path
 *   uses; the other 2 are the XMILE reader and its parts (engine.ts and load.ts import them), which a
 *   synchronous loadModel cannot import lazily. What the compile keeps: 11.4 MB of live heap in all
 *   (heap snapshot), ~6 of them the model (57,800 objects 3.4 MB, 34,000 strings 2.4 MB).
 * - Per-run temporaries besides the result: the state vector and rates, 112 KB of array buffers.
 *   Constant columns shared between results: 104 of the 10,124 columns are constants, 83 KB a run.
 * - Compiling in a worker thread, so that its heap goes when it ends (diagnosis: the model cloned
 *   back to the main thread with receiveMessageOnPort): 68 MB after the compile instead of 97, but
 *   the clone's survivors take the main thread's semi-space to 8 MB and the first runs' (the last
 *   result's views) to 16 MB by run 2, so the peak is the same: 156/146/170 MB against 165/157/160
 *   for this probe in the same minute (load 19); and the compile's own peak is 108-111 MB, above
 *   the one-output peak. Not kept (it also adds a thread start to every compile).
 * - Columns made on first access (a result keeps its blocks; `get` makes one view, `series` all),
 *   against main built apart, interleaved pairs: 167-177 MB (median 170) against 150-159 (157), 5
 *   pairs, load 14-16; with one buffer per result as well 164/185/164 against 150/160/167 (load 13);
 *   with --reuse 111-113 against 113-114. Worse because the views were what started most young
 *   collections between runs: without them a run allocates almost nothing on the heap, the dead
 *   results wait for the array-buffer young collection, which came in back-to-back pairs (the
 *   first one's buffers are freed on a helper thread, so the next block still finds the count over
 *   32 MB) that promote the live and the previous result, and the freed arrays reached 71-79 MB
 *   before a full collection (--trace-gc, diagnosis). Not kept.
 * - Smaller generated functions (CHUNK_CHARS 800 instead of 2,000) so TurboFan takes them sooner:
 *   runs 0-4 still had 4/2/1/1/1 young collections (load 15); 156-165 MB (median 158) against
 *   157-184 (164), 6 pairs, load 14-15, within the noise. Not kept.
 * - Fewer compile survivors (not tried; --trace-gc-nvp, diagnosis): the semi-space grows to 8 MB in
 *   the expansion, after Node's start, the parse and the expansion survived 11 MB, and to 16 MB in
 *   codegen; ordering and codegen survive 16 MB more, so staying at 8 MB needs ordering, codegen and
 *   all 20 runs to survive under 8 MB together.
 * So the peak is Node (41) + the young generation (32 MB, which the first runs reach even from a
 * compile that left it at 16) + the old generation (15-22) + 4-7 results (33-58): under 150 MB only
 * with a smaller young generation or fewer dead results at once, which V8 decides; no engine change
 * measured here moves it (December 2026, Node 20.20, V8 11.3).
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
try {
  const model = loadModel(path);
  const options = column ? { columns: [column] } : {};
  let last: RunResult | undefined;
  for (let i = 0; i < 20; i++) last = model.run(reuse && last ? { ...options, into: last } : options);
  console.log(peakResidentMb().toFixed(1));
} catch (e) {
  // A file that cannot be read, a model that does not compile, a run that fails: its message, not a stack trace.
  const { reportError } = await import('../cli/exit.js');
  process.exitCode = reportError(e);
}
