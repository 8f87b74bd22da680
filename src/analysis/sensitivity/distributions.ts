/**
 * Distributions of uncertain constants, each given by its quantile function so that the same
 * unit-cube points serve random sampling, Latin hypercubes, Morris grids and Sobol designs.
 */
import jstatPkg from 'jstat';
import { InputError } from '../../sd/ir/diagnostics.js';

const { jStat } = jstatPkg;

export type Distribution =
  | { kind: 'uniform'; lo: number; hi: number }
  /** Normal with mean and standard deviation, truncated to [lo, hi] (infinite bounds: untruncated). */
  | { kind: 'normal'; mean: number; sd: number; lo: number; hi: number }
  | { kind: 'triangular'; lo: number; mode: number; hi: number }
  /** ln X is normal with mean `mu` and standard deviation `sigma`. */
  | { kind: 'lognormal'; mu: number; sigma: number }
  /** Each listed value equally likely (list a value twice to weight it double). */
  | { kind: 'discrete'; values: number[] };

export const DISTRIBUTION_USAGE =
  'uniform(LO,HI), normal(MEAN,SD) or normal(MEAN,SD,LO,HI) (truncated), triangular(LO,MODE,HI), ' +
  'lognormal(MU,SIGMA) (of ln X), discrete(V1,V2,...)';
/** DISTRIBUTION_USAGE in Spanish, for the Spanish text of the same errors. */
const DISTRIBUTION_USAGE_ES =
  'uniform(LO,HI), normal(MEAN,SD) o normal(MEAN,SD,LO,HI) (truncada), triangular(LO,MODE,HI), ' +
  'lognormal(MU,SIGMA) (de ln X), discrete(V1,V2,...)';

const TINY = 2 ** -53;

/** The value below which a fraction u of the distribution lies. */
export function quantile(d: Distribution, u: number): number {
  u = Math.min(1 - TINY, Math.max(TINY, u));
  switch (d.kind) {
    case 'uniform':
      return d.lo + u * (d.hi - d.lo);
    case 'triangular': {
      const c = (d.mode - d.lo) / (d.hi - d.lo);
      return u < c
        ? d.lo + Math.sqrt(u * (d.hi - d.lo) * (d.mode - d.lo))
        : d.hi - Math.sqrt((1 - u) * (d.hi - d.lo) * (d.hi - d.mode));
    }
    case 'normal': {
      const za = (d.lo - d.mean) / d.sd;
      const zb = (d.hi - d.mean) / d.sd;
      let z: number;
      if (za > 0) {
        // Both bounds in the upper tail: work in the mirrored lower tail, where the CDF is precise.
        const pa = jStat.normal.cdf(-zb, 0, 1);
        const pb = jStat.normal.cdf(-za, 0, 1);
        z = -jStat.normal.inv(pa + (1 - u) * (pb - pa), 0, 1);
      } else {
        const pa = jStat.normal.cdf(za, 0, 1);
        const pb = jStat.normal.cdf(zb, 0, 1);
        z = jStat.normal.inv(pa + u * (pb - pa), 0, 1);
      }
      return Math.min(d.hi, Math.max(d.lo, d.mean + d.sd * z));
    }
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * jStat.normal.inv(u, 0, 1));
    case 'discrete':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))];
  }
}

export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'uniform':
      return `uniform(${d.lo},${d.hi})`;
    case 'normal':
      return Number.isFinite(d.lo) || Number.isFinite(d.hi)
        ? `normal(${d.mean},${d.sd},${d.lo},${d.hi})`
        : `normal(${d.mean},${d.sd})`;
    case 'triangular':
      return `triangular(${d.lo},${d.mode},${d.hi})`;
    case 'lognormal':
      return `lognormal(${d.mu},${d.sigma})`;
    case 'discrete':
      return `discrete(${d.values.join(',')})`;
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseArgs(text: string, where: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((raw) => {
    const t = raw.trim();
    if (/^[+-]?inf(inity)?$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (!NUMBER.test(t)) throw new InputError(where, { en: `"${t}" is not a number`, es: `"${t}" no es un número` });
    return Number(t);
  });
}

/** Builds a distribution from its name and arguments, checking them; errors name `where`. */
export function makeDistribution(kind: string, args: number[], where: string): Distribution {
  const want = (n: number | number[], usage: string, usageEs = usage) => {
    const ok = Array.isArray(n) ? n.includes(args.length) : args.length === n;
    if (!ok) throw new InputError(where, { en: `${kind} takes ${usage}, got ${args.length} number(s)`, es: `${kind} recibe ${usageEs}, se recibieron ${args.length} número(s)` });
  };
  const finite = (names: string[]) =>
    names.forEach((name, i) => {
      if (!Number.isFinite(args[i])) throw new InputError(where, { en: `${name} of ${kind} must be finite`, es: `${name} de ${kind} debe ser finito` });
    });
  switch (kind.toLowerCase()) {
    case 'uniform': {
      want(2, '(LO,HI)');
      finite(['LO', 'HI']);
      const [lo, hi] = args;
      if (!(lo < hi)) throw new InputError(where, { en: `uniform needs LO < HI, got LO=${lo} and HI=${hi}`, es: `uniform necesita LO < HI, se recibió LO=${lo} y HI=${hi}` });
      return { kind: 'uniform', lo, hi };
    }
    case 'normal': {
      want([2, 4], '(MEAN,SD) or (MEAN,SD,LO,HI)', '(MEAN,SD) o (MEAN,SD,LO,HI)');
      finite(['MEAN', 'SD']);
      const [mean, sd, lo = -Infinity, hi = Infinity] = args;
      if (!(sd > 0)) throw new InputError(where, { en: `normal needs SD > 0, got ${sd}`, es: `normal necesita SD > 0, se recibió ${sd}` });
      if (!(lo < hi)) throw new InputError(where, { en: `normal needs LO < HI, got LO=${lo} and HI=${hi}`, es: `normal necesita LO < HI, se recibió LO=${lo} y HI=${hi}` });
      const [za, zb] = [(lo - mean) / sd, (hi - mean) / sd];
      // Measure the mass in whichever tail keeps the CDF precise.
      const mass = za > 0 ? jStat.normal.cdf(-za, 0, 1) - jStat.normal.cdf(-zb, 0, 1) : jStat.normal.cdf(zb, 0, 1) - jStat.normal.cdf(za, 0, 1);
      if (!(mass > 0)) throw new InputError(where, { en: `normal(${mean},${sd}) has no probability between ${lo} and ${hi}`, es: `normal(${mean},${sd}) no tiene probabilidad entre ${lo} y ${hi}` });
      return { kind: 'normal', mean, sd, lo, hi };
    }
    case 'triangular': {
      want(3, '(LO,MODE,HI)');
      finite(['LO', 'MODE', 'HI']);
      const [lo, mode, hi] = args;
      if (!(lo < hi)) throw new InputError(where, { en: `triangular needs LO < HI, got LO=${lo} and HI=${hi}`, es: `triangular necesita LO < HI, se recibió LO=${lo} y HI=${hi}` });
      if (!(mode >= lo && mode <= hi)) throw new InputError(where, { en: `triangular needs LO <= MODE <= HI, got MODE=${mode}`, es: `triangular necesita LO <= MODE <= HI, se recibió MODE=${mode}` });
      return { kind: 'triangular', lo, mode, hi };
    }
    case 'lognormal': {
      want(2, '(MU,SIGMA) of ln X', '(MU,SIGMA) de ln X');
      finite(['MU', 'SIGMA']);
      const [mu, sigma] = args;
      if (!(sigma > 0)) throw new InputError(where, { en: `lognormal needs SIGMA > 0, got ${sigma}`, es: `lognormal necesita SIGMA > 0, se recibió ${sigma}` });
      return { kind: 'lognormal', mu, sigma };
    }
    case 'discrete': {
      if (args.length === 0) throw new InputError(where, { en: 'discrete needs at least one value', es: 'discrete necesita al menos un valor' });
      args.forEach((v) => {
        if (!Number.isFinite(v)) throw new InputError(where, { en: 'discrete values must be finite', es: 'los valores de discrete deben ser finitos' });
      });
      return { kind: 'discrete', values: args };
    }
    default:
      throw new InputError(where, { en: `unknown distribution "${kind}"; use ${DISTRIBUTION_USAGE}`, es: `distribución desconocida "${kind}"; use ${DISTRIBUTION_USAGE_ES}` });
  }
}

export interface VariedParameter {
  name: string;
  distribution: Distribution;
  where: string;
}

/** Parses `NAME=uniform(LO,HI)` and the other forms of DISTRIBUTION_USAGE. */
export function parseVary(text: string, where = `--vary "${text}"`): VariedParameter {
  const m = /^(.*?)=\s*([A-Za-z_]+)\s*\((.*)\)\s*$/s.exec(text);
  if (!m) {
    if (!text.includes('=')) throw new InputError(where, { en: `expected NAME=DISTRIBUTION, e.g. "growth rate=uniform(0.01,0.05)"`, es: `se esperaba NAME=DISTRIBUTION, p. ej. "growth rate=uniform(0.01,0.05)"` });
    throw new InputError(where, { en: `expected a distribution after "=": ${DISTRIBUTION_USAGE}`, es: `se esperaba una distribución después de "=": ${DISTRIBUTION_USAGE_ES}` });
  }
  const name = m[1].trim();
  if (name === '') throw new InputError(where, { en: 'missing parameter name before "="', es: 'falta el nombre del parámetro antes de "="' });
  return { name, distribution: makeDistribution(m[2], parseArgs(m[3], where), where), where };
}
