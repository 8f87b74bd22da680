/**
 * VECTOR and ALLOCATE functions, evaluated over a whole vector; each returns the element at
 * `index` (the position of the node being computed).
 */
import { priorityProfileProblem } from '../analyze/priority-profile.js';
import { tableLookup } from '../analyze/table-lookup.js';
import { allocateByPriorityProblem, type OptionProblem, vectorLookupModeProblem, vectorSelectActionProblem, vectorSelectErrorActionProblem } from '../analyze/vector-options.js';

import { elementIndexProblem } from '../analyze/array-functions.js';
import { XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { VectorArgumentError } from './argument-error.js';
import { demandAtPrice, findMarketPrice, supplyAtPrice } from './market-price.js';
import { demandShare } from './priority-curves.js';
import { xmileRank } from './xmile-rank.js';

export { VectorArgumentError };

/** A whole number (offsets, indices), or undefined. */
function whole(v: number): number | undefined {
  return Number.isInteger(v) ? v : undefined;
}

function check(problem: OptionProblem | undefined): void {
  if (problem) throw new VectorArgumentError(problem);
}

export function vectorFunction(fn: string, vecs: number[][], s: number[], index: number): number {
  switch (fn) {
    case 'VECTOR SELECT': {
      // VECTOR SELECT(selection, values, missing value, numerical action, error action);
      // actions as in Vensim's reference (documentation/fn_vector_select.html): 0 weighted sum,
      // 1 weighted product, 2/3 weighted min/max, 4 weighted mean, 5 product of value^selection
      // (the reference says selection^value, but the suite case vector_select shows
      // value^selection), 6–10 unweighted sum, product, min, max, mean of the selected values.
      // Error actions: 0 none, 1 an error when nothing is selected, 2 when more than one is,
      // 3 both.
      const [sel, vals] = vecs as [number[], number[]];
      check(vectorSelectActionProblem(s[1]!));
      check(vectorSelectErrorActionProblem(s[2]!));
      const op = s[1]!;
      const onError = s[2]!;
      const picked: number[] = [];
      const weights: number[] = [];
      for (let i = 0; i < sel.length; i++) {
        if (sel[i] === 0) continue;
        picked.push(vals[i]!);
        weights.push(sel[i]!);
      }
      if ((onError === 1 || onError === 3) && picked.length === 0) {
        throw new VectorArgumentError({ en: `VECTOR SELECT selects nothing (every selection element is 0) and its error action ${onError} asks for an error then`, es: `VECTOR SELECT no selecciona nada (todo elemento de la selección es 0) y su acción de error ${onError} pide un error en ese caso` });
      }
      if ((onError === 2 || onError === 3) && picked.length > 1) {
        throw new VectorArgumentError({ en: `VECTOR SELECT selects ${picked.length} elements and its error action ${onError} asks for an error when more than one is selected`, es: `VECTOR SELECT selecciona ${picked.length} elementos y su acción de error ${onError} pide un error cuando se selecciona más de uno` });
      }
      if (picked.length === 0) return s[0]!;
      const w = picked.map((v, i) => v * weights[i]!);
      switch (op) {
        case 0: return w.reduce((a, b) => a + b, 0);
        case 1: return w.reduce((a, b) => a * b, 1);
        case 2: return Math.min(...w);
        case 3: return Math.max(...w);
        case 4: return w.reduce((a, b) => a + b, 0) / w.length;
        case 5: return picked.reduce((a, v, i) => a * Math.pow(v, weights[i]!), 1);
        case 6: return picked.reduce((a, b) => a + b, 0);
        case 7: return picked.reduce((a, b) => a * b, 1);
        case 8: return Math.min(...picked);
        case 9: return Math.max(...picked);
        default: return picked.reduce((a, b) => a + b, 0) / picked.length; // 10, the only one left
      }
    }
    case 'VECTOR ELM MAP': {
      // Outside the variable Vensim "issues an error message and returns :NA:"
      // (documentation/fn_vector_elm_map.html); a constant offset outside is warned about when
      // the model is built (array-functions.ts). A varying one that leaves the variable during
      // the run stops it here, located: this engine has no run-time warnings, and going on
      // with :NA: unannounced would be a silent wrong number.
      const v = vecs[0]!;
      const j = index + s[0]!;
      if (Number.isInteger(j) && j >= 0 && j < v.length) return v[j]!;
      if (!Number.isInteger(s[0]!)) {
        throw new VectorArgumentError({
          en: `the offset of VECTOR ELM MAP is ${s[0]}, not a whole number; Vensim's page (documentation/fn_vector_elm_map.html) counts offsets in elements and does not say how a fraction is rounded`,
          es: `el desplazamiento de VECTOR ELM MAP es ${s[0]}, que no es un número entero; la página de Vensim (documentation/fn_vector_elm_map.html) cuenta los desplazamientos en elementos y no dice cómo se redondea una fracción`,
        });
      }
      throw new VectorArgumentError({
        en:
          `VECTOR ELM MAP maps outside its variable: offset ${s[0]} from element ${index + 1} is not among its ${v.length} elements (laid out flat, last subscript fastest); ` +
          'Vensim issues an error there and returns :NA: (documentation/fn_vector_elm_map.html), and this engine stops rather than go on with :NA:',
        es:
          `VECTOR ELM MAP apunta fuera de su variable: el desplazamiento ${s[0]} desde el elemento ${index + 1} no está entre sus ${v.length} elementos (dispuestos en fila, el último subíndice más rápido); ` +
          'Vensim emite un error allí y devuelve :NA: (documentation/fn_vector_elm_map.html), y este motor se detiene en lugar de seguir con :NA:',
      });
    }
    case 'VECTOR SORT ORDER': {
      // Position `index` of the result holds the (0-based) index of the index-th element in sorted order.
      const order = sortOrder(vecs[0]!, s[0]!);
      return order[index]!;
    }
    case 'VECTOR RANK': {
      // The 1-based rank of each element in the requested order.
      const order = sortOrder(vecs[0]!, s[0]!);
      const rank = new Array<number>(order.length);
      order.forEach((orig, r) => (rank[orig] = r + 1));
      return rank[index]!;
    }
    case XMILE_RANK:
      return xmileRank(vecs[0]!, s[0]!, vecs[1]);
    case XMILE_ELEMENT: {
      // An XMILE computed subscript (src/sd/xmile/expr-parser.ts computedSub): 1-based.
      const v = vecs[0]!;
      const k = s[0]!;
      if (Number.isInteger(k) && k >= 1 && k <= v.length) return v[k - 1]!;
      throw new VectorArgumentError(elementIndexProblem(k, v.length));
    }
    case 'VECTOR REORDER': {
      const [v, order] = vecs as [number[], number[]];
      const j = whole(order[index]!);
      if (j === undefined || j < 0 || j >= v.length) {
        throw new VectorArgumentError({ en: `the order vector of VECTOR REORDER holds ${order[index]} at element ${index + 1}, which is not a position of the vector (0 to ${v.length - 1})`, es: `el vector de orden de VECTOR REORDER tiene ${order[index]} en el elemento ${index + 1}, que no es una posición del vector (0 a ${v.length - 1})` });
      }
      return v[j]!;
    }
    case 'VECTOR LOOKUP': {
      // VECTOR LOOKUP(vec, x, xmin, xmax, mode): vec's values at evenly spaced x over
      // [xmin, xmax], looked up as the Vensim function `mode` names (table-lookup.ts).
      const v = vecs[0]!;
      const [x, xmin, xmax, mode] = s as [number, number, number, number];
      check(vectorLookupModeProblem(mode));
      const xs = v.map((_, i) => (v.length === 1 ? xmin : xmin + ((xmax - xmin) * i) / (v.length - 1)));
      return tableLookup(xs, v, x, mode);
    }
    case 'ALLOCATE BY PRIORITY':
      check(allocateByPriorityProblem(s[0]!, s[1]!, vecs[0]!.length));
      return allocateByPriority(vecs[0]!, vecs[1]!, s[1]!, s[2]!)[index]!;
    case 'INVERT MATRIX':
      return invert(vecs[0]!)[index]!;
    case 'ALLOCATE AVAILABLE':
      return allocateAvailable(vecs[0]!, vecs.slice(1), s[0]!)[index]!;
    case 'FIND MARKET PRICE':
      return findMarketPrice(vecs);
    case 'DEMAND AT PRICE':
      return demandAtPrice(vecs, s[0]!);
    case 'SUPPLY AT PRICE':
      return supplyAtPrice(vecs, s[0]!);
    default:
      throw new Error(`unknown vector function ${fn}`);
  }
}

function sortOrder(v: number[], direction: number): number[] {
  const idx = v.map((_, i) => i);
  // Vensim's reference (documentation/fn_vector_rank.html): a direction greater than 0 sorts
  // from smallest to biggest, any other from biggest to smallest.
  idx.sort((a, b) => (direction > 0 ? v[a]! - v[b]! : v[b]! - v[a]!) || a - b);
  return idx;
}

/**
 * ALLOCATE BY PRIORITY(request, priority, size, width, supply): supply is shared so that every
 * requester gets min(request, share) where share follows its priority through a rectangular
 * profile of the given width; found by bisection on the common "priority level".
 */
function allocateByPriority(request: number[], priority: number[], width: number, supply: number): number[] {
  const total = request.reduce((a, b) => a + b, 0);
  if (supply >= total) return request.slice();
  if (supply <= 0) return request.map(() => 0);
  const alloc = (level: number) => request.map((r, i) => r * Math.min(1, Math.max(0, (priority[i]! - level) / width + 0.5)));
  let lo = Math.min(...priority) - width;
  let hi = Math.max(...priority) + width;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    const got = alloc(mid).reduce((a, b) => a + b, 0);
    if (got > supply) lo = mid;
    else hi = mid;
  }
  return alloc((lo + hi) / 2);
}

/**
 * ALLOCATE AVAILABLE(request, priority profile, available): profile rows are
 * [type, priority, width, extra]; the types are those of priority-profile.ts (0 fixed quantity,
 * 1 rectangular, 2 triangular, 3 normal, 4 exponential); any other is refused there. Shares
 * follow each profile's cumulative curve at a common level found by bisection; a fixed quantity
 * is the same at every level (documentation/24335.html), so it is always filled in full.
 */
function allocateAvailable(request: number[], profile: number[][], available: number): number[] {
  const [type, prio, width] = profile as [number[], number[], number[]];
  let fixed = 0;
  for (let i = 0; i < request.length; i++) {
    const problem = priorityProfileProblem(type[i]!, width[i]);
    if (problem) throw new VectorArgumentError({ list: 0, index: i, text: (who) => ({ en: `ALLOCATE AVAILABLE, requester ${who}: ${problem.en}`, es: `ALLOCATE AVAILABLE, solicitante ${who}: ${problem.es}` }) });
    if (type[i] === 0) fixed += request[i]!;
  }
  const total = request.reduce((a, b) => a + b, 0);
  if (available >= total) return request.slice();
  if (fixed > Math.max(available, 0)) {
    throw new VectorArgumentError(
      { en: `ALLOCATE AVAILABLE: the fixed-quantity requests (ptype 0) total ${fixed}, more than the ${available} available; ` +
        'Vensim\'s page (documentation/24335.html) makes a fixed quantity the same at every priority and does not say how such a shortage is shared', es: `ALLOCATE AVAILABLE: las solicitudes de cantidad fija (ptype 0) suman ${fixed}, más que los ${available} disponibles; ` +
          'la página de Vensim (documentation/24335.html) da a una cantidad fija el mismo valor en toda prioridad y no dice cómo se reparte tal déficit' },
    );
  }
  if (available <= 0) return request.map(() => 0);
  // A request is a demand curve read at the common priority level (priority-curves.ts).
  const alloc = (level: number) => request.map((r, i) => r * demandShare(type[i]!, prio[i]!, width[i]!, level));
  const spread = Math.max(...width.map((w) => Math.abs(w)), 1) * 10;
  let lo = Math.min(...prio) - spread;
  let hi = Math.max(...prio) + spread;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    const got = alloc(mid).reduce((a, b) => a + b, 0);
    if (got > available) lo = mid;
    else hi = mid;
  }
  return alloc((lo + hi) / 2);
}

/** Inverse of a row-major n×n matrix by Gauss–Jordan elimination with partial pivoting. */
function invert(m: number[]): number[] {
  const n = Math.round(Math.sqrt(m.length));
  const a = m.slice();
  const inv = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[piv * n + col]!)) piv = r;
    if (a[piv * n + col] === 0) throw new VectorArgumentError({ en: 'INVERT MATRIX is given a singular matrix (it has no inverse); Vensim\'s page (documentation/fn_invert_matrix.html) does not say what it returns then', es: 'INVERT MATRIX recibe una matriz singular (no tiene inversa); la página de Vensim (documentation/fn_invert_matrix.html) no dice qué devuelve en ese caso' });
    for (let k = 0; k < n; k++) {
      [a[col * n + k], a[piv * n + k]] = [a[piv * n + k]!, a[col * n + k]!];
      [inv[col * n + k], inv[piv * n + k]] = [inv[piv * n + k]!, inv[col * n + k]!];
    }
    const p = a[col * n + col]!;
    for (let k = 0; k < n; k++) {
      a[col * n + k]! /= p;
      inv[col * n + k]! /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * n + col]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k]! -= f * a[col * n + k]!;
        inv[r * n + k]! -= f * inv[col * n + k]!;
      }
    }
  }
  return inv;
}
