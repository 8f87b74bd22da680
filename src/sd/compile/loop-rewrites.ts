/**
 * Rewrites of a loop over the elements of an array equation (codegen.ts, Emitter.loop): lookups
 * into consecutive slots as one `R.lookupRange`, and subexpressions that are the same for every
 * element computed once before the loop. Both take the loop body apart, so both apply only to a
 * body code generation marked as one plain statement (`target = expression;` or
 * `target += expression;`) and that parses as exactly that; any other body (several statements,
 * an `if`, a runtime call's statement) is looped over as it is. A body taken for an assignment
 * when it was two statements had its second statement's writes ignored: a value that statement
 * writes for one element and reads for a later one was read once before the loop (loop-rewrites.test.ts).
 */

/** Index tables' holes of each loop member, as codegen's templates hold them. */
export interface LoopMember {
  kinds: string;
  values: number[];
}

/** A normal lookup's chain of constants and the guard that the run has the model's own table (codegen.ts, chainOf). */
export type ChainOf = (t: number) => { guard: string; chain: string } | undefined;

/** A plain loop body taken apart: `target op rhs;`. */
export interface PlainStatement {
  /** `v[A + i]` or `d[(A + i)]`: one slot per element of consecutive slots. */
  target: string;
  /** A, the first slot written in `v`; -1 for a rate written into `d`. */
  writeFrom: number;
  op: '=' | '+=';
  rhs: string;
}

/** The loop as code: rewritten where the body is one plain statement that suits a rewrite, else as it is. */
export function loopOf(text: string, plain: boolean, group: readonly LoopMember[], m: number, chainOf: ChainOf): string {
  const st = plain ? plainStatement(text) : undefined;
  const rewritten = st && (lookupInPlace(st, group, m, chainOf) ?? hoistInvariants(st, m));
  return rewritten ?? `for (let i = 0; i < ${m}; i++) { ${text} }`;
}

const TARGET = /^(?:v\[(\d+) \+ i\]|d\[\(\d+ \+ i\)\]) (\+?=) /;

/**
 * `text` as one statement writing consecutive slots, or undefined: the right-hand side must be one
 * expression as `expr` (codegen.ts) prints it, so no `;`, no braces, no assignment, and brackets
 * that balance.
 */
export function plainStatement(text: string): PlainStatement | undefined {
  const head = TARGET.exec(text);
  if (!head || !text.endsWith(';')) return undefined;
  const rhs = text.slice(head[0].length, -1);
  if (!isOneExpression(rhs)) return undefined;
  return { target: head[0].slice(0, -head[2]!.length - 2), writeFrom: head[1] !== undefined ? Number(head[1]) : -1, op: head[2] as '=' | '+=', rhs };
}

const OPEN = '([';
const CLOSE = ')]';

function isOneExpression(s: string): boolean {
  const open: string[] = [];
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (ch === ';' || ch === '{' || ch === '}') return false;
    if (OPEN.includes(ch)) open.push(ch);
    else if (CLOSE.includes(ch) && open.pop() !== OPEN[CLOSE.indexOf(ch)]) return false;
    // `=` only inside `===`, `!==`, `<=`, `>=`: a lone one is an assignment.
    else if (ch === '=' && !'=!<>'.includes(s[k - 1] ?? ' ') && s[k + 1] !== '=') return false;
  }
  return open.length === 0 && s.length > 0;
}

/** Index of the `)` that closes the `(` at `at`, or -1. */
function closing(s: string, at: number): number {
  let depth = 0;
  for (let k = at; k < s.length; k++) {
    if (s[k] === '(') depth++;
    else if (s[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

/** A whole normal lookup's head: `R.lookup(T, `. */
const LOOKUP_HEAD = /^R\.lookup\((\d+), /;

/**
 * A loop of lookups (`v[A + i] = R.lookup(T, X);`) as a loop that writes each input into its own
 * slot, then one `R.lookupRange` over the slots (no number boxed per call, tables read once per
 * array). Only when no input reads those slots: the loop would see an input where it used to see
 * a looked-up value.
 */
function lookupInPlace(st: PlainStatement, group: readonly LoopMember[], m: number, chainOf: ChainOf): string | undefined {
  const head = LOOKUP_HEAD.exec(st.rhs);
  if (st.op !== '=' || st.writeFrom < 0 || !head || closing(st.rhs, 'R.lookup'.length) !== st.rhs.length - 1) return undefined;
  const at = st.writeFrom;
  const table = head[1]!;
  const input = st.rhs.slice(head[0].length, -1);
  const first = group[0]!;
  for (let k = 1; k < first.kinds.length; k++) {
    if (first.kinds[k] !== 'r') continue;
    for (const g of group) if (g.values[k]! >= at && g.values[k]! < at + m) return undefined;
  }
  const ranged = `for (let i = 0; i < ${m}; i++) { v[${at} + i] = ${input}; }\nR.lookupRange(${table}, v, ${at}, ${m});`;
  // A small ascending table: each input looked up as it is computed, through the table's chain of
  // constants (one loop, no table reads; 15% of the 10,000-equation model's run). Same values: no
  // input reads the slots written (checked above), so writing each as it comes changes nothing.
  const inline = chainOf(Number(table));
  if (inline === undefined) return ranged;
  return `if (${inline.guard}) { for (let i = 0; i < ${m}; i++) { const x = ${input}; v[${at} + i] = ${inline.chain}; } }\nelse { ${ranged} }`;
}

const WORD = /[\w.$]/;

/**
 * A loop whose body has parenthesised subexpressions that are the same for every element (no
 * `i`, such as `(v[5109] / 100)`): each is computed once before the loop into a local. The same
 * operations on the same values, so the same numbers; V8 does not move them out itself, since a
 * store into `v` could change the slot they read. Only pure arithmetic is moved (no runtime call,
 * no function's argument list), and only when no slot it reads is one the loop writes.
 */
export function hoistInvariants(st: PlainStatement, m: number): string | undefined {
  const rhs = st.rhs;
  if (rhs.includes('R.') || rhs.includes('Math.random')) return undefined;
  const writes = (slot: number) => st.writeFrom >= 0 && slot >= st.writeFrom && slot < st.writeFrom + m;
  // Maximal parenthesised groups without the loop index, in one scan with a stack of open groups.
  // A frame `varies` when it holds `i`, a call's argument list, or a slot the loop writes.
  const groups: [number, number][] = [];
  const stack: { at: number; varies: boolean; reads: boolean }[] = [];
  const mark = (varies: boolean, reads: boolean) => {
    const top = stack[stack.length - 1];
    if (top) {
      top.varies ||= varies;
      top.reads ||= reads;
    }
  };
  for (let k = 0; k < rhs.length; k++) {
    const ch = rhs[k]!;
    if (ch === '(') {
      stack.push({ at: k, varies: k > 0 && WORD.test(rhs[k - 1]!), reads: false });
    } else if (ch === ')') {
      const g = stack.pop()!;
      if (!g.varies && g.reads) {
        // An enclosing group that is also invariant replaces this one.
        while (groups.length > 0 && groups[groups.length - 1]![0] > g.at) groups.pop();
        groups.push([g.at, k + 1]);
      }
      mark(g.varies, g.reads);
    } else if (ch === 'i' && !WORD.test(rhs[k - 1] ?? ' ') && !WORD.test(rhs[k + 1] ?? ' ')) {
      mark(true, false);
    } else if (ch === 'v' && rhs[k + 1] === '[' && !WORD.test(rhs[k - 1] ?? ' ')) {
      const close = rhs.indexOf(']', k);
      const inner = rhs.slice(k + 2, close);
      const slot = /^\d+$/.test(inner) ? Number(inner) : -1;
      // `v[A + i]` holds `i` and is marked when the scan reaches it.
      if (slot >= 0) mark(writes(slot), true);
    }
  }
  if (groups.length === 0) return undefined;
  const locals: string[] = [];
  let body = '';
  let from = 0;
  groups.forEach(([a, b], j) => {
    locals.push(`const h${j} = ${rhs.slice(a, b)};`);
    body += rhs.slice(from, a) + `h${j}`;
    from = b;
  });
  body += rhs.slice(from);
  return `{ ${locals.join(' ')} for (let i = 0; i < ${m}; i++) { ${st.target} ${st.op} ${body}; } }`;
}
