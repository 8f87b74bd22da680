/**
 * The burst measurement shared by the test (loose bounds, 2-core CI) and the bench script
 * (the strict targets): one slow run plus many small ones sent at once, with health probes
 * and resident-size samples taken while they are served. In process (fastify inject): no
 * network beyond the process.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';

/**
 * A model whose run would take hours: stopped by the run time budget. Every element feeds every
 * other (through `total`), so a run that keeps one column still computes them all.
 */
export const SLOW_MODEL = [
  '{UTF-8}',
  'dim: (e1-e200) ~~|',
  's[dim] = INTEG(growth[dim], 0) ~~|',
  'growth[dim] = 1 + total * 1e-12 ~~|',
  'total = SUM(s[dim!]) ~~|',
  'FINAL TIME = 5e7 ~~|',
  'INITIAL TIME = 0 ~~|',
  'SAVEPER = 1e7 ~~|',
  'TIME STEP = 1 ~~|',
].join('\n');

export interface BurstOptions {
  smallModelId: string;
  smallRuns: number;
  smallColumns?: string[];
  /** Milliseconds between health probes. */
  probeEveryMs?: number;
  /** Keep the small runs' bodies (for tests that check their values). */
  keepBodies?: boolean;
}

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface BurstResult {
  small: Latencies & { statuses: Record<number, number> };
  health: Latencies & { statuses: Record<number, number> };
  slowStatus: number;
  /** The slow run was still unanswered when the last small run was answered. */
  slowPendingAtEnd: boolean;
  /** The small runs' bodies, when asked for. */
  bodies?: string[];
  rssPeakMb: number;
  /** From the first small request sent to the last one answered. */
  wallMs: number;
  /** CPU time over that span: the main thread (the event loop) alone, and every thread of the process (run threads included). */
  cpuMs: { main?: number; all: number };
}

/** CPU time of the main thread in ms (Linux: its schedstat), or undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function latencies(ms: number[]): Latencies {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { count: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

/** Uploads the slow model, starts its run, then sends the small runs at once. */
export async function measureBurst(app: FastifyInstance, o: BurstOptions): Promise<BurstResult> {
  const up = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'slow.mdl', text: SLOW_MODEL } });
  if (up.statusCode !== 201) throw new Error(`slow model upload: ${up.statusCode} ${up.body}`);
  const slowId = up.json().id as string;
  const body = (modelId: string, columns?: string[]) => ({ method: 'POST' as const, url: '/api/runs', payload: { modelId, ...(columns ? { columns } : {}) } });
  // Warm every thread with the small model (each compiles it once).
  await Promise.all(Array.from({ length: 4 }, () => app.inject(body(o.smallModelId, o.smallColumns))));

  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  let slowAnswered = false;
  const slow = app.inject(body(slowId, ['s[e1]'])).finally(() => (slowAnswered = true));
  await new Promise((r) => setTimeout(r, 100)); // the slow run holds its thread

  const health: number[] = [];
  const healthStatuses: Record<number, number> = {};
  let probing = true;
  const probes = (async () => {
    while (probing) {
      const t = performance.now();
      const h = await app.inject({ method: 'GET', url: '/api/health' });
      health.push(performance.now() - t);
      healthStatuses[h.statusCode] = (healthStatuses[h.statusCode] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, o.probeEveryMs ?? 10));
    }
  })();
  const statuses: Record<number, number> = {};
  const bodies: string[] = [];
  const t0 = performance.now();
  const main0 = mainThreadCpuMs();
  const all0 = processCpuMs();
  const small = await Promise.all(
    Array.from({ length: o.smallRuns }, async () => {
      const t = performance.now();
      const r = await app.inject(body(o.smallModelId, o.smallColumns));
      statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1;
      if (o.keepBodies) bodies.push(r.body);
      return performance.now() - t;
    }),
  );
  const wallMs = performance.now() - t0;
  const slowPendingAtEnd = !slowAnswered;
  const main1 = mainThreadCpuMs();
  const cpuMs = { main: main0 !== undefined && main1 !== undefined ? main1 - main0 : undefined, all: processCpuMs() - all0 };
  probing = false;
  await probes;
  const slowStatus = (await slow).statusCode;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  return {
    small: { ...latencies(small), statuses },
    health: { ...latencies(health), statuses: healthStatuses },
    slowStatus,
    slowPendingAtEnd,
    ...(o.keepBodies ? { bodies } : {}),
    rssPeakMb: rssPeak / 2 ** 20,
    wallMs,
    cpuMs,
  };
}
