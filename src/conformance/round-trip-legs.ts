/**
 * The legs of a model's round trip through the writers: source → .mdl → read, source → XMILE →
 * read, and the written XMILE → .mdl → read. Each leg is identical (sameResults, but for the
 * variables the .mdl writer generates for an XMILE INIT or DELAY inside a larger expression, which
 * Vensim takes only as a whole right-hand side: withoutWriterHelpers), refused by the
 * writer with a located message in both languages, or different (a defect: the written model
 * does not load, or computes something else). The XMILE writer is given what `igem convert` gives
 * it (src/sd/node/xmile-write-options.ts): the model's data host, so GET DIRECT constants and ranges
 * are written as the values read, and the tables the engine read, so data variables and GET …
 * LOOKUPS are written as graphical functions.
 */
import type { CompiledResult } from '../sd/run/engine.js';
import { compileVensim, compileXmile } from '../sd/run/engine.js';
import { ModelError } from '../sd/ir/diagnostics.js';
import type { ModelIR } from '../sd/ir/model.js';
import type { RunResult } from '../sd/run/types.js';
import { writeVensim } from '../sd/vensim/writer.js';
import { writeXmile } from '../sd/xmile/writer.js';
import type { DataHost } from '../sd/data/types.js';
import { knownTables } from '../sd/run/known-tables.js';
import { sameKeptColumns, sameResults } from './same-results.js';

export type LegName = 'mdl' | 'xmile' | 'xmile→mdl';

export type LegOutcome =
  | { leg: LegName; status: 'same' }
  /** Identical, but XMILE needed a generated flow ('<stock> net flow') for a rate that is an expression. */
  | { leg: LegName; status: 'same-plus-net-flows'; detail: string }
  | { leg: LegName; status: 'refused'; code: string; message: string; messageEs: string; located: boolean }
  | { leg: LegName; status: 'differs'; detail: string };

/** The leg's writer refused: a ModelError, or (a defect) anything else. */
function refusal(leg: LegName, e: unknown): LegOutcome {
  if (!(e instanceof ModelError)) return { leg, status: 'differs', detail: `writer threw ${(e as Error).name}: ${(e as Error).message}` };
  const d = e.diagnostics[0]!;
  return { leg, status: 'refused', code: d.code, message: d.message, messageEs: d.messageEs ?? '', located: !!d.loc && d.loc.line > 0 };
}

function leg(name: LegName, ir: ModelIR, expected: RunResult, write: (ir: ModelIR) => string, read: (text: string) => CompiledResult): { outcome: LegOutcome; read?: CompiledResult; run?: RunResult } {
  let text: string;
  try {
    text = write(ir);
  } catch (e) {
    return { outcome: refusal(name, e) };
  }
  let again: CompiledResult;
  try {
    again = read(text);
  } catch (e) {
    return { outcome: { leg: name, status: 'differs', detail: `written model does not load: ${(e as Error).message.split('\n')[0]}` } };
  }
  const run = again.model.run();
  const diff = withoutWriterHelpers(expected, run, again.ir);
  if (!diff) return { outcome: { leg: name, status: 'same' }, read: again, run };
  const added = netFlowsOnly(expected, run);
  return { outcome: added ? { leg: name, status: 'same-plus-net-flows', detail: added } : { leg: name, status: 'differs', detail: diff }, read: again, run };
}

/**
 * `sameResults(a, b)`, except that `b` may add the columns of variables the .mdl writer generated
 * (src/sd/vensim/initial-variables.ts; their comment says "Written by IGEM."), as read in `bIr`.
 */
export function withoutWriterHelpers(a: RunResult, b: RunResult, bIr: ModelIR): string | undefined {
  const helpers = new Set(bIr.equations.filter((q) => q.doc.includes('Written by IGEM.')).map((q) => q.lhs.display));
  const added = b.names.filter((n) => !a.names.includes(n));
  if (helpers.size && added.length && added.every((n) => helpers.has(n.replace(/\[.*$/, '')))) return sameKeptColumns(a, b);
  return sameResults(a, b);
}

/**
 * The columns `b` adds to `a` are all generated net flows of stocks of `a`, and the columns of
 * `a` are identical in `b`: the added names, else undefined.
 */
function netFlowsOnly(a: RunResult, b: RunResult): string | undefined {
  const own = new Set(a.names);
  const added = b.names.filter((n) => !own.has(n));
  if (!added.length || !added.every((n) => own.has(n.replace(/ net flow(\[.*\])?$/, '$1')))) return undefined;
  return sameKeptColumns(a, b) ? undefined : added.join(', ');
}

/** How written text is read again (a model with data files reads them from its folder). */
export interface Readers {
  mdl: (text: string) => CompiledResult;
  xmile: (text: string) => CompiledResult;
}

const plain: Readers = { mdl: (t) => compileVensim(t), xmile: (t) => compileXmile(t) };

/** The three legs for a model already compiled from its source (its files read through dataHost), and its run. */
export function roundTripLegs(first: CompiledResult, run: RunResult = first.model.run(), readers: Readers = plain, dataHost?: DataHost): LegOutcome[] {
  const mdl = leg('mdl', first.ir, run, writeVensim, readers.mdl);
  const known = knownTables(first.model);
  const xmile = leg('xmile', first.ir, run, (ir) => writeXmile(ir, { dataHost, known }), readers.xmile);
  const out = [mdl.outcome, xmile.outcome];
  // The written XMILE, read again, written as .mdl: compared with the XMILE run.
  if (xmile.read && xmile.run) out.push(leg('xmile→mdl', xmile.read.ir, xmile.run, writeVensim, readers.mdl).outcome);
  return out;
}
