/** Tests' shortcut: compile a Vensim text, list its loops and score them (loop-dominance.ts). */
import { compileVensim } from '../engine.js';
import { causalGraph } from '../../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../../analyze/structure/feedback-loops.js';
import { loopDominance, type DominanceOptions } from '../loop-dominance.js';

export function dominanceOf(text: string, options: DominanceOptions = {}) {
  const { model, ir } = compileVensim(text);
  const graph = causalGraph(ir);
  const report = feedbackLoops(graph);
  return { report, ...loopDominance(model, ir, graph, report, options) };
}
