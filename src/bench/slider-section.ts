/**
 * `npm run bench`'s last section: the web simulator's slider → redrawn-charts latency in headless
 * Chromium on the Peru model (the measurement is src/web/bench-latency.ts), printed with the load
 * average it was taken under. Without a browser (or when it cannot start) the section says it was
 * skipped and why; the rest of the bench stands.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { measureSliderLatency, type SliderLatency } from '../web/bench-latency.js';
import { CHROMIUM, chromiumAvailable } from '../web/e2e/browser.js';

/** The latency section: timings with the load average they were taken under, or why it was skipped. */
export async function sliderSection(): Promise<{ line: string; result?: SliderLatency & { loadAverage: number[] } }> {
  const skip = (why: string) => ({ line: `Web simulator latency (slider → charts redrawn): skipped: ${why}` });
  const peru = resolve('models/peru/peru.mdl');
  if (!existsSync(peru)) return skip('models/peru/peru.mdl not found');
  if (!chromiumAvailable()) return skip(`${CHROMIUM} not found (install chromium, or set IGEM_CHROMIUM)`);
  console.error('  web simulator latency: headless Chromium on the Peru model…');
  let r: SliderLatency;
  try {
    r = await measureSliderLatency({ model: peru, n: Number(process.env.IGEM_BENCH_SLIDER_MOVES ?? 40) });
  } catch (e) {
    return skip(`the browser or the page could not start: ${(e as Error).message.split('\n')[0]!.slice(0, 200)}`);
  }
  const load = loadavg();
  const line =
    `Web simulator latency, Peru model, headless Chromium (${r.moves} moves of "${r.lever}"): slider → charts redrawn median ${r.median.toFixed(1)} ms (target ≤ 30), ` +
    `p95 ${r.p95.toFixed(1)} ms (target ≤ 50), max ${r.max.toFixed(1)} ms; model run in the worker median ${r.runMedian.toFixed(1)} ms; ` +
    `load average ${load.map((x) => x.toFixed(2)).join(' ')} (1/5/15 min) on ${cpus().length} cores`;
  return { line, result: { ...r, loadAverage: load } };
}
