/** Tests' shortcut: compile a Vensim text, list its loops and score them (loop-dominance.ts). */
import { compileVensim } from '../engine.js';
import { causalGraph } from '../../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../../analyze/structure/feedback-loops.js';
import { loopDominance, type DominanceOptions } from '../loop-dominance.js';

/** The loops' scores, with the compiled model (for the run the scores are checked against) and the loop report. */
export function dominanceOf(text: string, options: DominanceOptions = {}, compile: Parameters<typeof compileVensim>[1] = {}) {
  const { model, ir } = compileVensim(text, compile);
  const graph = causalGraph(ir);
  const report = feedbackLoops(graph);
  return { model, report, ...loopDominance(model, ir, graph, report, options) };
}
