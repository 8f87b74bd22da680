/**
 * Differential testing against a peer: one generated model run in the compiled engine and in
 * SDEverywhere 0.7.28's generated JavaScript, compared on every common column at every saved time
 * up to FINAL TIME, with the tolerance of the engine-vs-reference check (differential.ts).
 */
import { compileVensim } from '../sd/run/engine.js';
import { canonicalColumn } from '../sd/ir/names.js';
import { close } from './differential.js';
import { preparePeerFromText } from './sde-peer.js';

/**
 * Features SDEverywhere documents as unsupported; models that use them are not sent to it.
 * Anything else is sent, and a rejection must match a recorded one (known-peer-differences.json).
 */
export const SDE_UNSUPPORTED: readonly { reason: string; pattern: RegExp; source: string }[] = [
  {
    reason: 'macro',
    pattern: /:MACRO:/,
    source: 'SDEverywhere README, Caveats: "You must rewrite equations that use macros or code them in C."',
  },
  {
    reason: 'DELAY FIXED',
    pattern: /\bDELAY FIXED\s*\(/i,
    source:
      "@sdeverywhere/compile 0.7.28 raises 'DELAY FIXED function not yet implemented for JS code gen', " +
      'which its own JavaScript generator tests expect (packages/compile/src/generate/gen-code-js.spec.ts)',
  },
  {
    reason: 'DELAY CONVEYOR',
    pattern: /\bDELAY CONVEYOR\s*\(/i,
    source: "@sdeverywhere/compile 0.7.28 stops with \"Unhandled function '_DELAY_CONVEYOR' in readEquations\" (seen on the generated models that use it)",
  },
  {
    reason: 'FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE',
    pattern: /\b(?:FIND MARKET PRICE|DEMAND AT PRICE|SUPPLY AT PRICE)\s*\(/i,
    source:
      "@sdeverywhere/compile 0.7.28 stops with \"Unhandled function '_FIND_MARKET_PRICE' in readEquations\" (and '_DEMAND_AT_PRICE', " +
      "'_SUPPLY_AT_PRICE' once the others are taken out; seen on a generated market model, seed 1)",
  },
  ...[
    ['PROD', 'PROD', '_PROD'],
    ['VECTOR RANK', 'VECTOR RANK', '_VECTOR_RANK'],
    ['VECTOR REORDER', 'VECTOR REORDER', '_VECTOR_REORDER'],
    ['DELAY N', 'DELAY N', '_DELAY_N'],
    ['SMOOTH N', 'SMOOTH N', '_SMOOTH_N'],
    ['FORECAST', 'FORECAST', '_FORECAST'],
    ['LOOKUP EXTRAPOLATE', 'LOOKUP EXTRAPOLATE', '_LOOKUP_EXTRAPOLATE'],
  ].map(([reason, fn, id]) => ({
    reason: reason!,
    pattern: new RegExp(`\\b${fn}\\s*\\(`, 'i'),
    source: `@sdeverywhere/compile 0.7.28 stops with "Unhandled function '${id}' in readEquations" (seen on a one-equation model)`,
  })),
  {
    reason: 'VECTOR SELECT with a numerical action other than 0 or 3',
    // The generator writes the arguments without parentheses (differential-functions.ts).
    pattern: /\bVECTOR SELECT\s*\([^()]*,\s*(?:[124-9]|10)\s*,\s*[^,()]*\)/i,
    source: '@sdeverywhere/compile 0.7.28 stops with "Unsupported numerical_action value (4) for VECTOR SELECT" (its code generator takes 0 and 3)',
  },
];

export type SdeOutcome =
  | { kind: 'unsupported'; reason: string }
  /** SDEverywhere generated no runnable code, or reported an error while reading the model. */
  | { kind: 'rejected'; message: string }
  | { kind: 'agree'; columns: number; points: number }
  | ({ kind: 'disagree'; columns: ColumnDifference[] } & ColumnDifference);

/** The first saved time at which one column differs. */
export interface ColumnDifference {
  column: string;
  time: number;
  engine: number;
  sde: number;
}

/** Why SDEverywhere is not asked about this model, or undefined if it is. */
export function unsupportedBySde(text: string): string | undefined {
  return SDE_UNSUPPORTED.find((u) => u.pattern.test(text))?.reason;
}

/**
 * Runs `text` in the engine and `sdeText` (the same text unless a test mutates it on purpose, to
 * show that the comparison can fail) in SDEverywhere.
 */
export async function checkWithSde(text: string, sdeText = text): Promise<SdeOutcome> {
  const reason = unsupportedBySde(sdeText);
  if (reason) return { kind: 'unsupported', reason };
  const engine = compileVensim(text).model.run();

  // SDEverywhere prints some errors (and stack traces) instead of throwing; keep them off the test
  // output and count a model it complained about as rejected.
  const printed: string[] = [];
  const saved = { error: console.error, log: console.log, warn: console.warn };
  const capture = (...args: unknown[]): void => void printed.push(args.map(String).join(' '));
  console.error = capture;
  console.log = capture;
  console.warn = capture;
  let peer;
  try {
    peer = await preparePeerFromText(sdeText, 'generated model');
  } catch (e) {
    return { kind: 'rejected', message: (e as Error).message };
  } finally {
    Object.assign(console, saved);
  }
  const complaint = printed.find((p) => /^ERROR/.test(p));
  if (complaint) return { kind: 'rejected', message: `SDEverywhere printed: ${complaint}` };

  let series;
  try {
    series = peer.run();
  } catch (e) {
    return { kind: 'rejected', message: `SDEverywhere's generated JavaScript fails while running: ${(e as Error).message}` };
  }
  const ours = new Map(engine.names.map((n, i) => [canonicalColumn(n), engine.series[i]!]));
  const final = engine.time[engine.time.length - 1]!;
  let columns = 0;
  let points = 0;
  // Every differing column (its first differing point), so that a recorded difference can be
  // held to the columns it can affect.
  const differ: ColumnDifference[] = [];
  for (const [k, name] of peer.outputNames.entries()) {
    if (name === 'Time') continue;
    const mine = ours.get(canonicalColumn(name));
    if (!mine) {
      differ.push({ column: `${name}: column missing from the engine output`, time: NaN, engine: NaN, sde: NaN });
      continue;
    }
    columns++;
    const theirs = series[k]!;
    for (let i = 0; i < theirs.length; i++) {
      const t = peer.time[i]!;
      // SDEverywhere's save count rounds (FINAL - INITIAL) / SAVEPER, so it may add a point past
      // FINAL TIME (known-peer-differences.json, sde-save-point-past-final-time); not compared.
      if (t > final + 1e-9) break;
      if (!close(engine.time[i]!, t)) {
        differ.push({ column: `${name} (time)`, time: t, engine: engine.time[i]!, sde: t });
        break;
      }
      points++;
      if (!close(mine[i]!, theirs[i]!)) {
        differ.push({ column: name, time: t, engine: mine[i]!, sde: theirs[i]! });
        break;
      }
    }
  }
  if (differ.length > 0) return { kind: 'disagree', ...differ[0]!, columns: differ };
  return { kind: 'agree', columns, points };
}
