/** `igem loops`, `igem causes`, `igem uses`: the model's structure, as Vensim's and Stella's tools show it. */
import type { Command } from 'commander';
import type { BilingualText } from '../sd/ir/diagnostics.js';
import { canonicalName } from '../sd/ir/names.js';
import { causalGraph, causesTree, feedbackLoops, formatTree, loopCounts, rankLoops, usesTree, type CausalGraph } from '../sd/analyze/structure/index.js';
import { loopDominance, loopShares, type ScoredLoop } from '../sd/run/loop-dominance.js';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { readModelIR } from '../sd/node/read-ir.js';
import { action, UsageError } from './exit.js';
import { cliLang, printStdout } from './cli-lang.js';
import { combinedLoopLine, dominantLine, elementLoopLine, loopLine, moreElementLoopsLine, notScoredLine, notSearchedLine, perLoopSearchLine, savedTimesLine, shareText, summaryLine } from './loops-text.js';

function variableKey(graph: CausalGraph, name: string): string {
  const key = canonicalName(name);
  if (graph.nodes.has(key)) return key;
  const near = [...graph.nodes.values()].filter((n) => n.key.includes(key)).slice(0, 5).map((n) => n.display);
  const hint = near.length ? { en: ` (did you mean: ${near.join(', ')}?)`, es: ` (¿quiso decir: ${near.join(', ')}?)` } : undefined;
  throw new UsageError({ en: `no variable named '${name}' in the model${hint?.en ?? ''}`, es: `no hay ninguna variable llamada '${name}' en el modelo${hint?.es ?? ''}` });
}

const positiveInt = (label: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError({ en: `${label} must be a whole number ≥ 1, got '${value}'`, es: `${label} debe ser un número entero ≥ 1, se recibió '${value}'` });
  return n;
};

/** Element loops printed under a loop through arrays (by share); --json lists every one. */
const ELEMENT_LOOPS_SHOWN = 5;

/** The most loops `igem loops` lists one by one. */
const MAX_LIMIT = 1_000_000;

export function registerStructureCommands(program: Command): void {
  for (const dir of ['causes', 'uses'] as const) {
    program
      .command(dir)
      .description(dir === 'causes' ? 'the causes tree of a variable (what it reads, with link polarity)' : 'the uses tree of a variable (what reads it, with link polarity)')
      .argument('<model>', 'the .mdl or XMILE file')
      .argument('<variable>', 'the variable name')
      .option('--depth <n>', 'levels to show', '2')
      .option('--json', 'print the tree as JSON')
      .action(
        action((model: string, variable: string, flags: { depth: string; json?: boolean }) => {
          const graph = causalGraph(readModelIR(model));
          const key = variableKey(graph, variable);
          const depth = positiveInt('--depth', flags.depth);
          const tree = dir === 'causes' ? causesTree(graph, key, depth) : usesTree(graph, key, depth);
          if (flags.json) console.log(JSON.stringify(tree, null, 2));
          else printStdout({ en: formatTree(tree, 'en'), es: formatTree(tree, 'es') });
        }),
      );
  }

  program
    .command('loops')
    .description('feedback loops with polarity (R reinforcing, B balancing, U undetermined), ranked; --dominance adds loop scores over a run')
    .argument('<model>', 'the .mdl or XMILE file')
    .option('--limit <n>', 'stop after this many loops', '2000')
    .option('--dominance', 'run the model and score each loop (Loops That Matter)')
    .option('--json', 'print JSON')
    .action(
      action((model: string, flags: { limit: string; dominance?: boolean; json?: boolean }) => {
        const limit = positiveInt('--limit', flags.limit);
        // Every listed loop is held in memory: Earth4All, which has more than a million, took
        // 1.9 GB to list one million (and 27 s); above that a model can exhaust memory instead of
        // answering.
        if (limit > MAX_LIMIT)
          throw new UsageError({
            en: `--limit ${limit} is above ${MAX_LIMIT}: listing that many loops can exhaust memory (one million took 1900 MB on Earth4All); above the limit the loops are found along the strongest paths of a run with --dominance`,
            es: `--limit ${limit} supera ${MAX_LIMIT}: listar tantos bucles puede agotar la memoria (un millón ocupó 1900 MB en Earth4All); por encima del límite los bucles se buscan por los caminos más fuertes de una simulación con --dominance`,
          });
        const compiled = flags.dominance ? loadModelWithDiagnostics(model) : undefined;
        const ir = compiled?.ir ?? readModelIR(model);
        const graph = causalGraph(ir);
        const listed = feedbackLoops(graph, { limit });
        const dom = compiled ? loopDominance(compiled.model, ir, graph, listed) : undefined;
        // Above the limit, loop dominance finds its loops from the run (strongest paths) and lists those.
        const report = dom?.report ?? listed;
        const name = (k: string) => graph.nodes.get(k)?.display ?? k;
        // A loop through arrays is scored element by element (`B1[A1]`), one through a smooth's or delay's
        // stocks by each path through them (`U1.1`, `U1.2`): its share is its largest element loop's.
        const share = dom ? loopShares(dom.loops) : new Map<string, number>();
        const elementLoops = new Map<string, ScoredLoop[]>();
        for (const s of dom?.loops ?? []) {
          if (s.id === s.loop) continue;
          if (!elementLoops.has(s.loop)) elementLoops.set(s.loop, []);
          elementLoops.get(s.loop)!.push(s);
        }
        // Element loops that combine the links of several listed loops (E1, E2 …) belong to none of them.
        const listedIds = new Set(report.loops.map((l) => l.id));
        const combined = (dom?.loops ?? []).filter((s) => !listedIds.has(s.loop));
        if (flags.json) {
          console.log(
            JSON.stringify(
              {
                truncated: report.truncated,
                method: report.method,
                loops: report.loops.map((l) => ({
                  id: l.id,
                  polarity: l.polarity,
                  variables: l.variables.map(name),
                  links: l.links.map((x) => x.polarity),
                  family: l.family,
                  variants: l.variants,
                  share: share.get(l.id),
                  // Its own score's partition, or (scored by paths: `U1.1`, `B1[A1]`) its first path's.
                  partition: dom?.loops.find((s) => s.loop === l.id)?.partition,
                  elementLoops: elementLoops.get(l.id)?.map((e) => ({ id: e.id, polarity: e.polarity, elements: e.elements, share: e.share, partition: e.partition })),
                })),
                families: report.families.map((f) => ({ ...f, stocks: f.stocks.map(name) })),
                ...(combined.length > 0 && { combinedElementLoops: combined.map((e) => ({ id: e.id, polarity: e.polarity, elements: e.elements, share: e.share, partition: e.partition })) }),
                dominance: dom && { periods: dom.periods, notScored: dom.notScored, ...(dom.savedTimesOnly && { savedTimesOnly: dom.savedTimesOnly }) },
              },
              null,
              2,
            ),
          );
          return;
        }
        // Each line in the CLI's language (with `both`, English then Spanish).
        const lang = cliLang();
        const print = (text: BilingualText) => printStdout(text, lang);
        for (const l of rankLoops(report.loops, dom ? share : undefined)) {
          const elements = elementLoops.get(l.id);
          const path = `${l.variables.map((v, i) => `${name(v)} -(${l.links[i]!.polarity})->`).join(' ')} ${name(l.variables[0]!)}`;
          print(loopLine({ id: l.id, length: l.variables.length, family: l.family + 1, share: share.has(l.id) ? shareText(share.get(l.id)!, elements !== undefined) : undefined, variants: l.variants, path }));
          // Its element loops, largest share first (the first few; --json lists them all).
          const shown = [...(elements ?? [])].sort((a, b) => b.share - a.share);
          for (const e of shown.slice(0, ELEMENT_LOOPS_SHOWN)) print(elementLoopLine(e.id, e.polarity, e.share, [...e.elements, e.elements[0]].join(' -> ')));
          if (shown.length > ELEMENT_LOOPS_SHOWN) print(moreElementLoopsLine(shown.length - ELEMENT_LOOPS_SHOWN, l.id));
        }
        for (const e of combined) print(combinedLoopLine(e.id, e.polarity, e.share, [...e.elements, e.elements[0]].join(' -> ')));
        const counts = loopCounts(report, dom ? share : undefined);
        print(
          summaryLine({
            ...counts,
            method: report.method,
            truncated: report.truncated,
            limit,
            scored: dom ? counts.scored : undefined,
            exhausted: dom?.exhausted,
            elementLoops: elementLoops.size + combined.length ? (dom?.loops ?? []).filter((x) => x.id !== x.loop).length : 0,
            combined: combined.length,
          }),
        );
        if (dom) {
          const groups = new Set(dom.periods.map((p) => p.partition)).size;
          for (const p of dom.periods) print(dominantLine(p.from, p.to, p.loop, groups > 1 ? p.partition + 1 : undefined));
          if (dom.notSearched?.length) print(notSearchedLine(dom.notSearched.length, dom.notSearched[0]!));
          if (dom.stocksLeftOut) print(dom.stocksLeftOut);
          if (dom.elementSearch === 'per-loop') print(perLoopSearchLine(limit));
          if (dom.savedTimesOnly) print(savedTimesLine(dom.savedTimesOnly.every, dom.savedTimesOnly.values));
          if (dom.notScored.length) print(notScoredLine(dom.notScored.length, dom.notScored[0]!.id, dom.notScored[0]!.reason));
        }
      }),
    );
}
