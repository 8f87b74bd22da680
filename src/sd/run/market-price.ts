/**
 * Vensim's many-to-many allocation (https://www.vensim.com/documentation/24340.html):
 * FIND MARKET PRICE(dq, dp, sq, sp) "returns the price at which the market supply and market
 * demand are equal" (documentation/fn_find_market_price.html), the demand summed over the
 * demanders' curves and the supply over the suppliers'; DEMAND AT PRICE(q, pp, price) and
 * SUPPLY AT PRICE(q, pp, price) give one curve's quantity at a price (fn_demand_at_price.html,
 * fn_supply_at_price.html). The curves are those of priority-curves.ts.
 *
 * What the pages leave open stops the run with a located error instead of a guessed number:
 * a market that no price clears (demand above supply at every price, or below it), and one that
 * a whole interval of prices clears (the pages do not say which of them is returned). Quantities
 * must be 0 or more: the search relies on the curves being nonnegative and monotone (24330.html).
 */
import { priorityProfileProblem } from '../analyze/priority-profile.js';
import { VectorArgumentError } from './argument-error.js';
import { demandShare, supplyShare } from './priority-curves.js';

interface Curve {
  q: number;
  type: number;
  priority: number;
  width: number;
}

/** How a message names each side. */
const SIDE = { demander: { en: 'demander', es: 'demandante' }, supplier: { en: 'supplier', es: 'oferente' } };

/** The curves of one side, [quantities, types, priorities, widths], checked; a message names the curve's element. */
function curves(vecs: number[][], side: 'demander' | 'supplier', market: boolean): Curve[] {
  const [q, type, priority, width] = vecs as [number[], number[], number[], number[]];
  const who = SIDE[side];
  const list = side === 'demander' ? 0 : 1;
  return q.map((qi, i) => {
    const problem = priorityProfileProblem(type[i]!, width[i]);
    if (problem) throw new VectorArgumentError({ list, index: i, text: (el) => ({ en: `${who.en} ${el}: ${problem.en}`, es: `${who.es} ${el}: ${problem.es}` }) });
    if (market && !(qi >= 0 && qi < Infinity)) {
      throw new VectorArgumentError({
        list,
        index: i,
        text: (el) => ({
          en: `${who.en} ${el} has quantity ${qi}; FIND MARKET PRICE needs quantities of 0 or more (Vensim's curves are nonnegative, documentation/24330.html)`,
          es: `el ${who.es} ${el} tiene la cantidad ${qi}; FIND MARKET PRICE necesita cantidades de 0 o más (las curvas de Vensim no son negativas, documentation/24330.html)`,
        }),
      });
    }
    return { q: qi, type: type[i]!, priority: priority[i]!, width: width[i]! };
  });
}

export function demandAtPrice(vecs: number[][], price: number): number {
  const [c] = curves(vecs, 'demander', false) as [Curve];
  return c.q * demandShare(c.type, c.priority, c.width, price);
}

export function supplyAtPrice(vecs: number[][], price: number): number {
  const [c] = curves(vecs, 'supplier', false) as [Curve];
  return c.q * supplyShare(c.type, c.priority, c.width, price);
}

/** A number for a message: twelve significant digits, so that bisection's last bits do not show. */
const round = (v: number): number => Number(v.toPrecision(12));

/** vecs: the demanders' quantities, types, priorities and widths, then the suppliers'. */
export function findMarketPrice(vecs: number[][]): number {
  const demand = curves(vecs.slice(0, 4), 'demander', true);
  const supply = curves(vecs.slice(4, 8), 'supplier', true);
  const at = (p: number): { d: number; s: number } => {
    let d = 0;
    let s = 0;
    for (const c of demand) d += c.q * demandShare(c.type, c.priority, c.width, p);
    for (const c of supply) s += c.q * supplyShare(c.type, c.priority, c.width, p);
    return { d, s };
  };
  // +1 where demand exceeds supply, −1 where supply exceeds demand, 0 where they balance (to round-off).
  const sign = (p: number): number => {
    const { d, s } = at(p);
    const tol = 1e-12 * (d + s);
    return d - s > tol ? 1 : s - d > tol ? -1 : 0;
  };
  const shaped = [...demand, ...supply].filter((c) => c.type !== 0);
  const unbalanced = (p: number, what: { en: string; es: string }): VectorArgumentError => {
    const { d, s } = at(p);
    return new VectorArgumentError({
      en:
        `FIND MARKET PRICE finds no price that clears the market: ${what.en} (at price ${round(p)}: demand ${round(d)}, supply ${round(s)}); ` +
        'Vensim\'s pages (fn_find_market_price.html, 24340.html) do not say what it returns then',
      es:
        `FIND MARKET PRICE no encuentra ningún precio que equilibre el mercado: ${what.es} (al precio ${round(p)}: demanda ${round(d)}, oferta ${round(s)}); ` +
        'las páginas de Vensim (fn_find_market_price.html, 24340.html) no dicen qué devuelve entonces',
    });
  };
  if (shaped.length === 0) {
    throw unbalanced(0, { en: 'every curve is a fixed quantity (ptype 0), the same at every price', es: 'toda curva es una cantidad fija (ptype 0), la misma a cualquier precio' });
  }
  const width = Math.max(...shaped.map((c) => c.width));
  let lo = Math.min(...shaped.map((c) => c.priority)) - 10 * width;
  let hi = Math.max(...shaped.map((c) => c.priority)) + 10 * width;
  const span = hi - lo;
  // Normal and exponential curves never quite reach their ends: widen the search until demand
  // exceeds supply below it and falls short above it.
  for (let k = 0; sign(lo) <= 0; k++) {
    if (k === 64) throw unbalanced(lo, { en: 'demand does not exceed supply even at the lowest prices', es: 'la demanda no supera a la oferta ni a los precios más bajos' });
    lo -= span * 2 ** k;
  }
  for (let k = 0; sign(hi) >= 0; k++) {
    if (k === 64) throw unbalanced(hi, { en: 'demand does not fall below supply even at the highest prices', es: 'la demanda no cae por debajo de la oferta ni a los precios más altos' });
    hi += span * 2 ** k;
  }
  // The highest price where demand still exceeds supply, and the lowest where it falls short.
  let a0 = lo;
  let a1 = hi;
  let b0 = lo;
  let b1 = hi;
  // Each halves its bracket until no double lies between the ends (about 60 halvings, 200 at most).
  for (let it = 0; it < 200; it++) {
    const ma = (a0 + a1) / 2;
    const mb = (b0 + b1) / 2;
    const aDone = ma === a0 || ma === a1;
    const bDone = mb === b0 || mb === b1;
    if (aDone && bDone) break;
    if (!aDone) {
      if (sign(ma) > 0) a0 = ma;
      else a1 = ma;
    }
    if (!bDone) {
      if (sign(mb) < 0) b1 = mb;
      else b0 = mb;
    }
  }
  if (b1 - a0 > 1e-6 * width) {
    const { d } = at((a0 + b1) / 2);
    throw new VectorArgumentError({
      en:
        `FIND MARKET PRICE: every price from ${round(a0)} to ${round(b1)} clears the market (demand and supply are both ${round(d)} there), ` +
        'and Vensim\'s pages (fn_find_market_price.html, 24340.html) do not say which of them it returns; give the curves some overlap (a normal curve, ptype 3, never leaves a gap)',
      es:
        `FIND MARKET PRICE: todo precio entre ${round(a0)} y ${round(b1)} equilibra el mercado (la demanda y la oferta valen ambas ${round(d)} allí), ` +
        'y las páginas de Vensim (fn_find_market_price.html, 24340.html) no dicen cuál de ellos devuelve; haga que las curvas se solapen (una curva normal, ptype 3, nunca deja un hueco)',
    });
  }
  return (a0 + b1) / 2;
}
