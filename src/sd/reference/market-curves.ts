/**
 * The reference interpreter's own priority curves and market search, written apart from the
 * engine's (src/sd/run/priority-curves.ts, market-price.ts) and kept obvious: the normal curve is
 * integrated numerically (Simpson's rule) instead of taken from a series, the price found by plain
 * bisection on the excess demand.
 *
 * Vensim's pages (documentation/24330.html, 24335.html, fn_find_market_price.html): a curve of
 * type 0 holds its whole quantity at every price; types 1 to 4 are the integrals of a rectangle
 * and a triangle of full width pwidth, a normal of standard deviation pwidth and exp(−|x|/pwidth),
 * centred on ppriority; demand falls with the price and supply rises with it.
 */

export interface ReferenceCurve {
  q: number;
  type: number;
  priority: number;
  width: number;
}

/** ∫ from −∞ to z of the unit shape. */
function integral(type: number, z: number): number {
  if (type === 1) return Math.max(0, Math.min(1, z + 0.5));
  if (type === 2) {
    const u = z + 0.5; // the triangle 4·min(u, 1 − u) on [0, 1]
    if (u <= 0) return 0;
    if (u >= 1) return 1;
    return u <= 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
  }
  if (type === 3) {
    const a = Math.min(Math.abs(z), 40);
    const n = 2 * Math.max(10, Math.ceil(a * 100));
    const h = a / n;
    const f = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    let s = f(0) + f(a);
    for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
    const half = (s * h) / 3;
    return z >= 0 ? 0.5 + half : 0.5 - half;
  }
  if (type === 4) return z <= 0 ? Math.exp(z) / 2 : 1 - Math.exp(-z) / 2;
  if (type === 0) return 1;
  throw new Error(`reference: priority type ${type} not supported`);
}

export function demandAt(c: ReferenceCurve, price: number): number {
  return c.type === 0 ? c.q : c.q * integral(c.type, (c.priority - price) / c.width);
}

export function supplyAt(c: ReferenceCurve, price: number): number {
  return c.type === 0 ? c.q : c.q * integral(c.type, (price - c.priority) / c.width);
}

/** The price where total demand meets total supply (bisection on demand − supply, which falls with the price). */
export function marketPrice(demand: ReferenceCurve[], supply: ReferenceCurve[]): number {
  const excess = (p: number) => demand.reduce((a, c) => a + demandAt(c, p), 0) - supply.reduce((a, c) => a + supplyAt(c, p), 0);
  const curves = [...demand, ...supply].filter((c) => c.type !== 0);
  if (!curves.length) throw new Error('reference: FIND MARKET PRICE with fixed quantities only');
  const w = Math.max(...curves.map((c) => c.width));
  let lo = Math.min(...curves.map((c) => c.priority)) - 10 * w;
  let hi = Math.max(...curves.map((c) => c.priority)) + 10 * w;
  for (let i = 0; excess(lo) <= 0; i++) {
    if (i > 100) throw new Error('reference: FIND MARKET PRICE, demand never above supply');
    lo -= hi - lo;
  }
  for (let i = 0; excess(hi) >= 0; i++) {
    if (i > 100) throw new Error('reference: FIND MARKET PRICE, demand never below supply');
    hi += hi - lo;
  }
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
