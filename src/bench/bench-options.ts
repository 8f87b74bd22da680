/**
 * `npm run bench -- --only=gen10k,e4a --reps=3`: which sections of the bench to run and how many
 * interleaved repetitions to time per row. Running one section keeps the process small, so a
 * row timed alone may differ from the same row in the full bench (less heap for the GC to mark).
 */

/** The bench's sections, in the order it runs them. */
export const BENCH_SECTIONS = ['gen10k', 'peru', 'e4a', 'large', 'suite', 'memory', 'compile', 'modules', 'slider'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchOptions {
  /** Sections to run (all by default). */
  only: ReadonlySet<BenchSection>;
  /** Timed repetitions per row, each timing the peer, then ours, then ours writing into the previous result. */
  reps: number;
}

/** Reads `--only=a,b` and `--reps=n` (or IGEM_BENCH_ONLY, IGEM_BENCH_REPS); throws naming a bad value. */
export function parseBenchOptions(argv: readonly string[], env: Record<string, string | undefined> = {}): BenchOptions {
  let only = env.IGEM_BENCH_ONLY;
  let reps = env.IGEM_BENCH_REPS;
  for (const arg of argv) {
    const m = /^--(only|reps)=(.*)$/.exec(arg);
    if (!m) throw new Error(`bench: unknown argument ${arg} (use --only=${BENCH_SECTIONS.join(',')} and --reps=N)`);
    if (m[1] === 'only') only = m[2];
    else reps = m[2];
  }
  const sections = new Set<BenchSection>();
  for (const name of (only ?? BENCH_SECTIONS.join(',')).split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(BENCH_SECTIONS as readonly string[]).includes(name)) throw new Error(`bench: unknown section ${name} (sections: ${BENCH_SECTIONS.join(', ')})`);
    sections.add(name as BenchSection);
  }
  const n = reps === undefined ? 1 : Number(reps);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`bench: --reps must be a whole number from 1 to 50, not ${reps}`);
  return { only: sections, reps: n };
}
