/**
 * Vensim's VECTOR ELM MAP written with XMILE 1.0 computed subscripts (§3.7.1), computing what the
 * engine computes (analyze/array-functions.ts, run/vector-functions.ts).
 *
 * VECTOR ELM MAP(v[e₁, …, eₙ], offset) is the element `offset` places after v[e₁, …, eₙ] with v laid
 * out flat, the last subscript fastest (vensim.com/documentation/fn_vector_elm_map.html: v2[sub, tub]
 * = VECTOR ELM MAP(v[s1, t1], (sub-1) * ELMCOUNT(tub) + (tub-1)) is v[sub, tub]). With Nᵢ the sizes
 * of v's ranges, Sᵢ = Nᵢ₊₁ × … × Nₙ their strides and pᵢ the 1-based place of eᵢ, the flat place is
 * F = Σ (pᵢ − 1) Sᵢ + offset, and the element is v[INT(F / S₁) + 1, INT(F / S₂) MOD N₂ + 1, …,
 * F MOD Nₙ + 1] (v[F + 1] in one dimension): for a whole F from 0 to N₁⋯Nₙ − 1 each index is a whole
 * number in its range (F / Sᵢ is a quotient of whole numbers below 2^53, whose floor the double
 * division keeps), so the computed subscripts name exactly the engine's element.
 *
 * Outside (F not a whole number, or out of range) Vensim "issues an error message and returns :NA:";
 * the engine gives :NA:'s number, −2^109 (ir/na.ts), for a constant offset and stops the run for a
 * varying one. XMILE's computed subscripts give 0 there (§3.7.1), so the form is guarded:
 *   IF F >= 0 AND F < N₁⋯Nₙ AND INT(F) = F THEN v[…] ELSE −2^109
 * the same numbers wherever the engine gives numbers (as writer-vector-select.ts does where the engine
 * stops). A whole offset written as a number from fixed elements is resolved here: the element
 * itself, or :NA:'s number. The offset is written several times, so it must be repeatable
 * (ir/repeatable.ts: no state, no randomness).
 */
import type { BilingualText } from '../ir/diagnostics.js';
import type { Expr, MacroDecl, SubscriptRef } from '../ir/model.js';
import { VENSIM_NA } from '../ir/na.js';
import { XMILE_ELEMENT } from '../ir/builtins.js';
import { apply, bin, call, num } from './ir-build.js';
import { repeatable } from '../ir/repeatable.js';
import { INTERNAL_MOD } from './writer-builtins.js';

/** XMILE's INT, the floor, as the reader keeps it (internal-macros.ts). */
const INTERNAL_INT = '#int';

/** Why VECTOR ELM MAP is refused, its name put before the reason in each language. */
const refusal = (why: BilingualText): BilingualText => ({ en: 'VECTOR ELM MAP ' + why.en, es: 'VECTOR ELM MAP ' + why.es });

/** A whole number written in the equation (`3`, `-1`), or undefined. */
function literal(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.arg.kind === 'num') return -e.arg.value;
  return undefined;
}

export interface ElmMapSource {
  /** The elements of each subscript position of a variable as the writer writes it, or undefined for a lookup or an unknown name. */
  layout(name: string): string[][] | undefined;
  /**
   * The 1-based place on `elements` of the element a subscript of the first argument names: a number,
   * or the value of a range of the equation less a number; undefined where the writer cannot name it.
   */
  place(s: SubscriptRef, elements: string[]): number | { range: Expr; less: number } | undefined;
  /** The model's macros, by name: a macro call in the offset is repeatable when its equations are (ir/repeatable.ts). */
  macros: ReadonlyMap<string, MacroDecl>;
}

/** VECTOR ELM MAP as computed subscripts under a guard, or why it has none. */
export function vectorElmMapForm(e: Extract<Expr, { kind: 'call' }>, src: ElmMapSource): Expr | BilingualText {
  const [vec, offset] = e.args;
  const loc = e.loc;
  if (!vec || !offset || e.args.length !== 2) return refusal({ en: 'without its two arguments', es: 'sin sus dos argumentos' });
  if (vec.kind !== 'ref' || !vec.subs.length || vec.subs.some((s) => s.bang)) {
    return refusal({ en: 'whose first argument is not an element of a subscripted variable', es: 'cuyo primer argumento no es un elemento de una variable con subíndices' });
  }
  const layout = src.layout(vec.name);
  if (!layout || layout.length !== vec.subs.length) {
    return refusal({ en: `of ${vec.display}, which is not a variable of ${vec.subs.length} subscripts written as an XMILE array (a lookup, or another number of subscripts)`, es: `de ${vec.display}, que no es una variable de ${vec.subs.length} subíndices escrita como arreglo XMILE (una tabla (lookup), u otro número de subíndices)` });
  }
  const places = vec.subs.map((s, i) => src.place(s, layout[i]!));
  if (places.some((p) => p === undefined)) {
    return refusal({
      en: `from an element of ${vec.display} named by a range that neither fixes one element here nor is the equation's own range over the same elements (the flat offset is counted from that element's place)`,
      es: `desde un elemento de ${vec.display} nombrado por un rango que ni fija aquí un elemento ni es el rango propio de la ecuación sobre los mismos elementos (el desplazamiento plano se cuenta desde el lugar de ese elemento)`,
    });
  }
  const sizes = layout.map((l) => l.length);
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, n) => a * n, 1));
  const total = sizes.reduce((a, n) => a * n, 1);
  // Σ (pᵢ − 1) Sᵢ: a number where every place is one.
  const terms = places.map((p, i): Expr => {
    if (typeof p === 'number') return num((p - 1) * strides[i]!, loc);
    const zeroBased = bin('-', p!.range, num(p!.less + 1, loc));
    return strides[i] === 1 ? zeroBased : bin('*', zeroBased, num(strides[i]!, loc));
  });
  const fixed = terms.every((t) => t.kind === 'num') ? terms.reduce((a, t) => a + (t as { value: number }).value, 0) : undefined;
  const lit = literal(offset);
  if (fixed !== undefined && lit !== undefined) {
    const at = fixed + lit;
    if (!(Number.isInteger(at) && at >= 0 && at < total)) return num(VENSIM_NA, loc);
    const subs = layout.map((els, i) => {
      const el = els[Math.floor(at / strides[i]!) % sizes[i]!]!;
      return { name: el, display: el, bang: false, loc: vec.subs[i]!.loc };
    });
    return { ...vec, subs };
  }
  if (!repeatable(offset, src.macros)) return refusal({ en: 'whose offset calls a function with state or randomness, or a macro that does (the offset is written several times: in the range check and in each computed subscript)', es: 'cuyo desplazamiento llama a una función con estado o aleatoria, o a una macro que lo hace (el desplazamiento se escribe varias veces: en la comprobación del rango y en cada subíndice calculado)' });
  const base = fixed !== undefined ? (fixed === 0 ? undefined : num(fixed, loc)) : terms.filter((t) => t.kind !== 'num' || t.value !== 0).reduce((a, t) => bin('+', a, t));
  const flat = () => (base ? bin('+', base, offset, loc) : offset);
  const int = (x: Expr) => apply(INTERNAL_INT, [x], loc);
  const index = (i: number): Expr => {
    const q = strides[i] === 1 ? flat() : int(bin('/', flat(), num(strides[i]!, loc)));
    return bin('+', i === 0 ? q : apply(INTERNAL_MOD, [q, num(sizes[i]!, loc)], loc), num(1, loc));
  };
  const element = call(XMILE_ELEMENT, [vec, num(0, loc), ...vec.subs.flatMap((_, i) => [num(i, loc), index(i)])], loc);
  const inside = bin('and', bin('and', bin('>=', flat(), num(0, loc)), bin('<', flat(), num(total, loc))), bin('=', int(flat()), flat()));
  return call('IF THEN ELSE', [inside, element, num(VENSIM_NA, loc)], loc);
}
