/**
 * Model features on which SDEverywhere 0.7.28 computes values that Vensim's documented equations
 * contradict (minimal models in known-peer-differences.json, pinned in differential-sde-check.test.ts).
 * A generated model whose runs differ is excused only if it is listed under a difference AND has
 * that difference's feature, so a listed seed whose model changes stops being excused.
 */

/** Vensim's first- and third-order smooths and material delays (each call has its own stocks). */
const DYNAMIC = /\b(SMOOTH3I|SMOOTH3|SMOOTHI|SMOOTH|DELAY1I|DELAY1|DELAY3I|DELAY3)\s*\(/gi;

interface Equation {
  lhs: string;
  rhs: string;
}

interface Call {
  name: string;
  args: string[];
  /** The call is the whole right-hand side. */
  whole: boolean;
}

/** The equations of a model written one per line (`lhs = rhs ~~|`), as the generator writes them. */
function equations(text: string): Equation[] {
  const out: Equation[] = [];
  for (const line of text.split('\n')) {
    const m = /^([^=:(]+?)\s*=\s*(.*?)\s*~~\|$/.exec(line);
    if (m) out.push({ lhs: m[1]!, rhs: m[2]! });
  }
  return out;
}

/** Calls of the dynamic functions in an expression, with their top-level arguments. */
function dynamicCalls(rhs: string): Call[] {
  const calls: Call[] = [];
  for (const m of rhs.matchAll(DYNAMIC)) {
    const open = m.index + m[0].length - 1;
    const args: string[] = [];
    let depth = 0;
    let start = open + 1;
    let end = rhs.length;
    for (let i = open; i < rhs.length; i++) {
      const c = rhs[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') {
        depth--;
        if (depth === 0) {
          args.push(rhs.slice(start, i).trim());
          end = i + 1;
          break;
        }
      } else if (c === ',' && depth === 1) {
        args.push(rhs.slice(start, i).trim());
        start = i + 1;
      }
    }
    calls.push({ name: m[1]!.toUpperCase(), args, whole: m.index === 0 && end === rhs.length });
  }
  return calls;
}

/** Dimensions that are not a sub-range (whose elements are not all in another, larger dimension). */
function fullDimensions(text: string): Set<string> {
  const dims = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    // A mapping (`-> …`) after the elements is not part of them.
    const m = /^(\w+)\s*:\s*(.*?)\s*(?:->.*)?~~\|$/.exec(line);
    if (m) dims.set(m[1]!, m[2]!.split(',').map((s) => s.trim()));
  }
  const isSub = (name: string, els: string[]): boolean =>
    [...dims].some(([other, o]) => other !== name && o.length > els.length && els.every((e) => o.includes(e)));
  return new Set([...dims].filter(([n, els]) => !isSub(n, els)).map(([n]) => n));
}

/** A number or a plain variable name (possibly subscripted). */
const SIMPLE = /^(-?\d+(\.\d+)?|[A-Za-z][\w ]*(\[[^\]]*\])?)$/;

type EquationTest = (e: Equation, fullDims: Set<string>, all: Equation[]) => boolean;

/** The variable and subscripts written in the first argument of each VECTOR ELM MAP. */
const elmMapSources = (rhs: string): { name: string; subs: string[] }[] =>
  [...rhs.matchAll(/\bVECTOR ELM MAP\(\s*([A-Za-z][\w ]*?)\s*\[([^\]]*)\]/gi)].map((m) => ({ name: m[1]!, subs: m[2]!.split(',') }));

const subscriptsOf = (lhs: string): string[] => /\[(.*)\]/.exec(lhs)?.[1]!.split(',').map((x) => x.trim()) ?? [];

/** Per feature named in known-peer-differences.json: does one equation have it. */
const EQUATION_TESTS: Record<string, EquationTest> = {
  /** A smooth or delay whose delay time is an expression, not a number or a variable. */
  'dynamic-delay-time-expression': (e) => dynamicCalls(e.rhs).some((c) => c.args[1] !== undefined && !SIMPLE.test(c.args[1])),
  /** Two or more smooths or delays in one equation, side by side or nested. */
  'several-dynamic-calls-in-one-equation': (e) => dynamicCalls(e.rhs).length >= 2,
  /** A smooth or delay in an equation for a sub-range or single elements of a variable. */
  'dynamic-call-in-partial-equation': (e, full) => dynamicCalls(e.rhs).length > 0 && subscriptsOf(e.lhs).some((x) => !full.has(x)),
  /** A DELAY1 or DELAY3 (or their I forms) in an equation over two subscripts. */
  'delay-two-dimensional': (e) => subscriptsOf(e.lhs).length >= 2 && dynamicCalls(e.rhs).some((c) => c.name.startsWith('DELAY')),
  /** A smooth or delay inside a larger expression. */
  'dynamic-call-inside-expression': (e) => dynamicCalls(e.rhs).some((c) => !c.whole),
  /** VECTOR SELECT (the selection's weights are where SDEverywhere differs). */
  'vector-select': (e) => /\bVECTOR SELECT\s*\(/i.test(e.rhs),
  /** VECTOR ELM MAP from an element of a variable with two subscripts (Vensim's flat offset). */
  'vector-elm-map-two-dimensional': (e) => elmMapSources(e.rhs).some((m) => m.subs.length >= 2),
  /** VECTOR ELM MAP over a variable defined by several equations (element by element). */
  'vector-elm-map-of-several-equations': (e, _full, all) =>
    elmMapSources(e.rhs).some((m) => all.filter((x) => baseName(x.lhs) === m.name).length >= 2),
  /** TREND in an equation over a subscript range. */
  'trend-in-arrayed-equation': (e) => subscriptsOf(e.lhs).length > 0 && /\bTREND\s*\(/i.test(e.rhs),
};

export const SDE_FEATURE_NAMES = Object.keys(EQUATION_TESTS);

const baseName = (lhs: string): string => lhs.replace(/\[.*$/, '').trim();

/**
 * The variables (base names) a feature can affect: those with an equation that has it, and every
 * variable that uses one of them, directly or through others. Undefined if the feature is unknown.
 * A recorded difference excuses disagreements in these variables only.
 */
export function affectedVariables(feature: string, text: string): Set<string> | undefined {
  const test = EQUATION_TESTS[feature];
  if (!test) return undefined;
  const eqs = equations(text);
  const full = fullDimensions(text);
  const names = new Set(eqs.map((e) => baseName(e.lhs)));
  const affected = new Set(eqs.filter((e) => test(e, full, eqs)).map((e) => baseName(e.lhs)));
  const uses = eqs.map((e) => ({ name: baseName(e.lhs), refs: (e.rhs.match(/[A-Za-z_]\w*/g) ?? []).filter((w) => names.has(w)) }));
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of uses) {
      if (!affected.has(u.name) && u.refs.some((r) => affected.has(r))) {
        affected.add(u.name);
        grew = true;
      }
    }
  }
  return affected;
}

/** The model has the feature in at least one equation. */
export function hasFeature(feature: string, text: string): boolean {
  return (affectedVariables(feature, text)?.size ?? 0) > 0;
}
