/**
 * Causes and uses trees, as Vensim's Causes Tree and Uses Tree tools draw them: a variable, then
 * what it reads (or what reads it), to a chosen depth. A variable met again on the same branch is
 * shown once more, marked, and not expanded, so loops do not repeat forever.
 */
import type { CausalGraph, CausalLink } from './causal-graph.js';
import type { Sign } from './polarity.js';

export interface TreeNode {
  key: string;
  display: string;
  /** Polarity of the link to the parent (absent at the root). */
  polarity?: Sign;
  initialOnly?: boolean;
  /** True when this variable already appears above on the branch (a loop). */
  repeated?: boolean;
  children: TreeNode[];
}

function build(graph: CausalGraph, key: string, depth: number, dir: 'causes' | 'uses', path: Set<string>, via?: CausalLink): TreeNode {
  const node = graph.nodes.get(key)!;
  const t: TreeNode = { key, display: node.display, children: [] };
  if (via) {
    t.polarity = via.polarity;
    if (via.initialOnly) t.initialOnly = true;
  }
  if (path.has(key)) {
    t.repeated = true;
    return t;
  }
  if (depth <= 0) return t;
  path.add(key);
  const links = dir === 'causes' ? graph.in.get(key)! : graph.out.get(key)!;
  for (const l of links) t.children.push(build(graph, dir === 'causes' ? l.from : l.to, depth - 1, dir, path, l));
  path.delete(key);
  return t;
}

export function causesTree(graph: CausalGraph, key: string, depth = 2): TreeNode {
  return build(graph, key, depth, 'causes', new Set());
}

export function usesTree(graph: CausalGraph, key: string, depth = 2): TreeNode {
  return build(graph, key, depth, 'uses', new Set());
}

/** Says that a link acts only at the initial time, in each language. */
const INITIAL_WORD = { en: 'initial', es: 'inicial' } as const;

/** The tree as indented text, one variable a line, polarity before the name; `lang` words a link that acts only initially. */
export function formatTree(t: TreeNode, lang: 'en' | 'es' = 'en', indent = ''): string {
  const mark = t.polarity ? `(${t.polarity}${t.initialOnly ? `, ${INITIAL_WORD[lang]}` : ''}) ` : '';
  const lines = [`${indent}${mark}${t.display}${t.repeated ? ' ↺' : ''}`];
  for (const c of t.children) lines.push(formatTree(c, lang, indent + '  '));
  return lines.join('\n');
}
