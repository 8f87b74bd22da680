/**
 * The graph the strongest-path search walks (loop-dominance.ts), with the stocks of smooths and
 * delays as nodes of their own: a link into a scalar that calls SMOOTH, DELAY3 … goes to the
 * element (visible or hidden, stateful.ts) of it that reads the input, then along the function's
 * own stocks and flows to the variable, as the listed loops are scored (element-loops.ts). A
 * cycle of that graph is then read back as a loop of variables.
 */
import type { ScalarModel } from '../analyze/scalar-model.js';
import type { ElementGraph } from '../analyze/structure/element-loops.js';
import { elementLinkSign } from '../analyze/structure/element-polarity.js';
import { mulSigns, type Sign } from '../analyze/structure/polarity.js';

export interface Expanded {
  scalar: ScalarModel;
  graph: ElementGraph;
  /** Each node's key: a scalar's variable key, a hidden node's own name. */
  keys: string[];
}

/** Links by key: `links` (variable keys) with each link into a variable of `chained` written through its nodes. */
export function searchGraph(links: ReadonlyMap<string, ReadonlySet<string>>, chained: ReadonlySet<string>, expanded: () => Expanded): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  };
  const nodesOf = (v: string, { graph }: Expanded) => [...(graph.nodesOf.get(v) ?? []), ...(graph.innerOf.get(v) ?? [])];
  for (const [from, tos] of links) {
    for (const to of tos) {
      if (!chained.has(to)) {
        add(from, to);
        continue;
      }
      const x = expanded();
      for (const b of nodesOf(to, x)) {
        for (const a of x.graph.reads(b)) {
          const node = x.scalar.nodes[a]!;
          if (!node.hidden && node.varName === from) add(x.keys[a]!, x.keys[b]!);
        }
      }
    }
  }
  // Inside each function: its stocks and flows in turn. A hidden stock's reading of itself is its
  // own adjustment, not a link of a loop of the model.
  for (const v of chained) {
    const x = expanded();
    for (const b of nodesOf(v, x)) {
      for (const a of x.graph.reads(b)) {
        const node = x.scalar.nodes[a]!;
        if (a !== b && node.hidden && node.kind !== 'initial' && node.varName === v) add(x.keys[a]!, x.keys[b]!);
      }
    }
  }
  return out;
}

/**
 * The variables of a cycle of keys, each once (a function's hidden nodes are its variable's): empty
 * for a cycle inside one function (its own stocks and flows, not a loop of the model) unless it
 * passes through the variable, which reads itself (`selfLink`).
 */
export function variablesOf(cycle: readonly string[], varOf: (key: string) => string, selfLink: (v: string) => boolean): string[] {
  const vars = cycle.map(varOf);
  const out = vars.filter((v, i) => v !== vars[(i + 1) % vars.length]);
  if (out.length === 0) return cycle.includes(vars[0]!) && selfLink(vars[0]!) ? [vars[0]!] : [];
  return new Set(out).size === out.length ? out : [];
}

/** `keys` turned to start at the first node of `first` (its hidden nodes, then itself), as the loop's variables start. */
export function startingAt(keys: readonly string[], first: string, varOf: (key: string) => string): string[] {
  let start = keys.indexOf(first);
  if (start < 0) return [...keys];
  const n = keys.length;
  while (varOf(keys[(start - 1 + n) % n]!) === first && keys[(start - 1 + n) % n] !== first) start = (start - 1 + n) % n;
  return [...keys.slice(start), ...keys.slice(0, start)];
}

/**
 * A cycle's polarity from its element links (each falling back to its variable link's sign where
 * undetermined), as the listed loops' element loops are signed (element-loops.ts).
 */
export function cyclePolarity(keys: readonly string[], scalar: ScalarModel, nodeOf: (key: string) => number, varOf: (key: string) => string, sign: (from: string, to: string) => Sign): 'R' | 'B' | 'U' {
  const s = keys.reduce<Sign>((acc, a, j) => {
    const b = keys[(j + 1) % keys.length]!;
    const own = elementLinkSign(scalar, nodeOf(a), nodeOf(b));
    return mulSigns(acc, own === '+' || own === '-' ? own : sign(varOf(a), varOf(b)));
  }, '+');
  return s === '+' ? 'R' : s === '-' ? 'B' : 'U';
}
