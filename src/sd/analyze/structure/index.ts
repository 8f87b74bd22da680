/** Structure analysis of a model (browser-safe): causal graph, causes/uses trees, feedback loops. */
export { causalGraph, type CausalGraph, type CausalLink, type CausalNode } from './causal-graph.js';
export { causesTree, usesTree, formatTree, type TreeNode } from './trees.js';
export { feedbackLoops, type FeedbackLoop, type LoopFamily, type LoopReport, type LoopPolarity } from './feedback-loops.js';
export { derivativeSign, type Sign } from './polarity.js';
export { rankLoops, loopCounts, type LoopCounts } from './loop-rank.js';
export { drawnDiagram, type DrawnDiagram } from './drawn-diagram.js';
export { layoutGroups, layoutGroup, type LayoutGroup } from './auto-layout.js';
