/**
 * Shared body of the engine-vs-SDEverywhere test files: each file checks one range of the seeds of
 * differential-suite.ts (the same N), so that vitest runs the ranges in parallel. Models SDEverywhere
 * does not support are counted by reason; rejections and disagreements must be recorded in
 * known-peer-differences.json (see there for the rules).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel } from './differential.js';
import { checkWithSde, unsupportedBySde, type SdeOutcome } from './differential-sde.js';
import { generateModel } from './differential-generator.js';
import { modelCount } from './differential-suite.js';
import { affectedVariables } from './sde-features.js';

export const SDE_PARTS = 4;

export interface PeerRejection {
  id: string;
  message: string;
}
export interface PeerDifference {
  id: string;
  feature: string;
  minimal: string;
  column: string;
  time: number;
  ours: number;
  /** null stands for NaN (JSON has no NaN). */
  sde: number | null;
  referee: string;
  seeds: number[];
  /** Seeds whose SDEverywhere-subset model (generateModel(seed, { sdeSubset: true })) is excused. */
  variantSeeds: number[];
}
export const knownPeer = JSON.parse(readFileSync(new URL('./known-peer-differences.json', import.meta.url), 'utf8')) as {
  rejections: PeerRejection[];
  differences: PeerDifference[];
};

/** The recorded entry that explains this outcome, undefined if none does. */
export function explanation(seed: number, text: string, outcome: SdeOutcome, variant = false): string | undefined {
  if (outcome.kind === 'rejected') return knownPeer.rejections.find((r) => new RegExp(r.message).test(outcome.message))?.id;
  if (outcome.kind === 'disagree') {
    // Every differing column must be one that a recorded difference of this seed can affect.
    const recorded = knownPeer.differences.filter((d) => (variant ? d.variantSeeds : d.seeds).includes(seed));
    const reach = recorded.map((d) => ({ id: d.id, affected: affectedVariables(d.feature, text) ?? new Set<string>() }));
    const used = new Set<string>();
    for (const c of outcome.columns) {
      const by = reach.find((r) => r.affected.has(c.column.replace(/\[.*$/, '')));
      if (!by) return undefined;
      used.add(by.id);
    }
    return [...used].join(' + ');
  }
  return undefined;
}

export function differentialSdePart(part: number): void {
  const n = modelCount();
  const from = Math.floor((n * part) / SDE_PARTS);
  const to = Math.floor((n * (part + 1)) / SDE_PARTS);
  describe(`differential: engine vs SDEverywhere 0.7.28, seeds ${from}..${to - 1}`, () => {
    it('agrees on every common column at every saved time, or the difference is recorded', async () => {
      const tally = new Map<string, number>();
      const bump = (key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);
      const unexplained: string[] = [];
      const tallyOutcome = async (seed: number, text: string, variant: boolean): Promise<void> => {
        const label = variant ? 'subset model' : 'model';
        const outcome = await checkWithSde(text);
        if (outcome.kind === 'agree') bump(`${label}: compared, agree`);
        else if (outcome.kind === 'unsupported') bump(`${label}: not sent (SDEverywhere documents no support): ${outcome.reason}`);
        else {
          const id = explanation(seed, text, outcome, variant);
          if (id) bump(`${label}: ${outcome.kind}, recorded: ${id}`);
          else {
            const what =
              outcome.kind === 'rejected'
                ? `rejected: ${outcome.message.split('\n')[0]}`
                : `${outcome.column} at time ${outcome.time}: engine ${outcome.engine}, SDEverywhere ${outcome.sde}`;
            unexplained.push(`seed ${seed} (${label}): ${what}`);
          }
        }
      };
      for (let seed = from; seed < to; seed++) {
        const { text } = generateModel(seed);
        await tallyOutcome(seed, text, false);
        if (!unsupportedBySde(text)) continue;
        // The seed's model has a feature SDEverywhere does not take: its subset model runs on all
        // three sides (the reference interpreter too, since differential-suite.ts checks only the
        // full models).
        const subset = generateModel(seed, { sdeSubset: true }).text;
        const ref = checkModel(seed, subset);
        if (ref) unexplained.push(`seed ${seed} (subset model): engine vs reference: ${ref.column} at time ${ref.time}: engine ${ref.engine}, reference ${ref.reference}`);
        await tallyOutcome(seed, subset, true);
      }
      // The tally is the report of what was compared and what was not (vitest prints it).
      console.log(`seeds ${from}..${to - 1}:\n` + [...tally].sort().map(([k, v]) => `  ${v}\t${k}`).join('\n'));
      expect(unexplained, unexplained.slice(0, 20).join('\n')).toEqual([]);
    }, 280_000);
  });
}
