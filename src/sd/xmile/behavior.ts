/**
 * Non-negativity settings: `<behavior>` gives defaults (a bare `<non_negative/>` for stocks and
 * flows alike, or inside `<stock>` / `<flow>`), and each stock or flow may override it with
 * `<non_negative/>` or `<non_negative>false</non_negative>` (XMILE 1.0 §2.4, §4.2, §4.3).
 * Without any setting nothing is non-negative (the suite's non_negative_flows case: OutFlow0
 * has no setting and goes to −20).
 */
import type { SourceText } from './source-text.js';
import { childOption } from './xml-flags.js';
import { child, type XmlElement } from './xml-tree.js';

export interface Behavior {
  stock: boolean;
  flow: boolean;
}

/** The `<non_negative>` child of an element: true, false, or undefined when absent (rule in xml-flags.ts). */
export function nonNegativeFlag(el: XmlElement, src: SourceText): boolean | undefined {
  return childOption(el, 'non_negative', src);
}

/** Defaults from the file's and then the model's `<behavior>` (the later overrides). */
export function readBehavior(blocks: XmlElement[], src: SourceText): Behavior {
  const b: Behavior = { stock: false, flow: false };
  for (const block of blocks) {
    const all = nonNegativeFlag(block, src);
    if (all !== undefined) b.stock = b.flow = all;
    const s = child(block, 'stock');
    const f = child(block, 'flow');
    const sv = s ? nonNegativeFlag(s, src) : undefined;
    const fv = f ? nonNegativeFlag(f, src) : undefined;
    if (sv !== undefined) b.stock = sv;
    if (fv !== undefined) b.flow = fv;
  }
  return b;
}
