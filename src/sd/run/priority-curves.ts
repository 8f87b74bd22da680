/**
 * The curves of Vensim's priority profiles (ptype 0 to 4), shared by ALLOCATE AVAILABLE and the
 * market functions (FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE).
 *
 * https://www.vensim.com/documentation/24330.html: the curves are nonnegative, continuous and
 * monotone, "demand/prioritization curves need to slope down and supply curves need to slope up";
 * each shape is the integral of the named shape (rectangular and triangular of full width pwidth,
 * normal with standard deviation pwidth, exponential exp(-priority) stretched by pwidth and
 * integrated symmetrically from 0), characterised by its midpoint (ppriority) and spread.
 * https://www.vensim.com/documentation/24335.html: ptype 0 is a fixed quantity, the same at every
 * priority. Read here: a demand curve holds share G((ppriority − price)/pwidth) of its quantity and
 * a supply curve G((price − ppriority)/pwidth), G the integral of the shape (half at the midpoint);
 * the shapes being symmetric, the supply curve is the demand curve mirrored about its midpoint.
 */

/** The integral G(z) of a profile shape of unit width, from 0 (z → −∞) to 1 (z → +∞). */
export function shapeIntegral(type: number, z: number): number {
  switch (type) {
    case 1: // rectangular on [−1/2, 1/2]
      return Math.min(1, Math.max(0, z + 0.5));
    case 2: { // triangular on [−1/2, 1/2]
      const t = 2 * z;
      if (t <= -1) return 0;
      if (t >= 1) return 1;
      return t < 0 ? 0.5 * (1 + t) * (1 + t) : 1 - 0.5 * (1 - t) * (1 - t);
    }
    case 3: // normal with standard deviation 1
      return normalCdf(z);
    case 4: // exponential (Laplace), exp(−|z|) integrated symmetrically from 0
      return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
    default: // 0, a fixed quantity: the whole of it at every priority
      return 1;
  }
}

/** The share of a demand (or request) curve's quantity taken at `price` (or priority level). */
export function demandShare(type: number, priority: number, width: number, price: number): number {
  return type === 0 ? 1 : shapeIntegral(type, (priority - price) / width);
}

/** The share of a supply curve's capacity offered at `price`. */
export function supplyShare(type: number, priority: number, width: number, price: number): number {
  return type === 0 ? 1 : shapeIntegral(type, (price - priority) / width);
}

/**
 * The standard normal distribution function to double precision: ½(1 + erf(z/√2)), erf from
 * the series erf(x) = 2/√π · e^(−x²) · Σ (2x²)^n x / (1·3·…·(2n+1)), whose terms are all positive
 * (no cancellation); past |x| = 6.5, 1 − erf(x) < 1e-19 and erf is 1 to double precision.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  let erf = 1;
  if (x < 6.5) {
    let term = x;
    let sum = x;
    for (let n = 1; term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    erf = Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum);
  }
  return z < 0 ? 0.5 * (1 - erf) : 0.5 * (1 + erf);
}
