/**
 * The warnings for a run that saved non-finite values: one per root cause (the equation that first
 * made NaN or ±∞ from finite inputs), saying how many saved variables it reaches, in English and
 * Spanish. Vensim would have stopped such a run at a floating-point error; this engine finishes it and
 * says so (see nonfinite-scan.ts).
 */
import { formatLocation, type BilingualText } from '../ir/diagnostics.js';
import { nodeDisplayName, type ScalarModel } from '../analyze/scalar-model.js';
import type { FirstNonFinite } from './nonfinite-scan.js';
import type { NonFiniteCause, NonFiniteRoot, StageStep } from './nonfinite-probe.js';

export type NonFiniteValue = 'NaN' | 'Infinity' | '-Infinity';

/** One root cause and the saved variables it reaches. */
export interface NonFiniteWarning {
  /** The variable whose equation made the value (a saved column itself when no cause was found). */
  variable: string;
  /** Its equation's place, `file:line:column`, when known. */
  location?: string;
  /** When it became non-finite: a time step's start when `step` is set. */
  time: number;
  /** Set when it became non-finite inside a Runge-Kutta step (at a stage, not at a time the run saves). */
  step?: StageStep;
  value: NonFiniteValue;
  cause?: NonFiniteCause;
  /** The saved columns it reaches, each with its first non-finite saved value and its equation's place. */
  columns: { name: string; time: number; value: NonFiniteValue; location?: string }[];
  /** The warning in English and in Spanish (as Diagnostic and the API's errors carry them). */
  message: string;
  messageEs: string;
}

export interface NonFiniteReport {
  /** The first warnings (at most the limit), earliest first. */
  warnings: NonFiniteWarning[];
  /** Root causes left out past the limit. */
  more: number;
  /** Saved columns with a non-finite value that a warning covers, in all (a data series' missing values are not counted). */
  columns: number;
}

/** Warnings shown by default; the count of the rest is given. */
export const NONFINITE_SHOWN = 10;

/** Column names listed in a warning's text; the rest are counted. */
const NAMES_LISTED = 3;

export function valueName(x: number): NonFiniteValue {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

const SHOWN: Record<NonFiniteValue, string> = { NaN: 'NaN', Infinity: '+∞', '-Infinity': '-∞' };


/** What the bad columns' diagnosis run found (absent when it could not run). */
export interface NonFiniteFindings {
  roots: ReadonlyMap<number, NonFiniteRoot>;
  firstBad: ReadonlyMap<number, number>;
  inputsOf(id: number): number[];
}

/**
 * Groups the non-finite columns by root cause: a column's root is the earliest root among the
 * non-finite nodes it is reached through; a column with none found stands for itself.
 */
export function nonFiniteReport(scalar: ScalarModel, found: readonly FirstNonFinite[], columnNodes: readonly number[], findings: NonFiniteFindings | undefined, limit = NONFINITE_SHOWN): NonFiniteReport {
  const groups = new Map<string, { root?: NonFiniteRoot; node: number; first: FirstNonFinite; columns: { f: FirstNonFinite; node: number }[] }>();
  let reported = 0;
  found.forEach((f, i) => {
    const node = columnNodes[i]!;
    const root = findings ? rootOf(node, findings) : undefined;
    // A data series' missing value (and what is computed from it) is Vensim's answer too: no warning.
    if (root?.cause?.kind === 'missing-data') return;
    reported++;
    const key = root ? `r${root.node}` : `c${node}`;
    const g = groups.get(key);
    if (g) g.columns.push({ f, node });
    else groups.set(key, { root, node: root?.node ?? node, first: f, columns: [{ f, node }] });
  });
  const all = [...groups.values()].sort((a, b) => (a.root?.time ?? a.first.time) - (b.root?.time ?? b.first.time) || a.node - b.node);
  const warnings = all.slice(0, limit).map((g) => {
    const node = scalar.nodes[g.node]!;
    const location = formatLocation(node.loc) || undefined;
    const variable = g.root ? nodeDisplayName(node) : g.first.name;
    const step = g.root?.step;
    const time = step ? step.from : g.root ? g.root.time : g.first.time;
    const value = valueName(g.root ? g.root.value : g.first.value);
    const columns = g.columns.map(({ f, node: n }) => ({ name: f.name, time: f.time, value: valueName(f.value), location: formatLocation(scalar.nodes[n]?.loc) || undefined }));
    const text = warningText({ variable, location, time, step, value, cause: g.root?.cause, columns });
    return { variable, location, time, ...(step ? { step } : {}), value, cause: g.root?.cause, columns, message: text.en, messageEs: text.es };
  });
  return { warnings, more: all.length - warnings.length, columns: reported };
}

/** The earliest root reached backwards from a node through nodes that turned non-finite. */
export function rootOf(start: number, f: NonFiniteFindings): NonFiniteRoot | undefined {
  let best: NonFiniteRoot | undefined;
  const seen = new Set<number>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || !f.firstBad.has(id)) continue;
    seen.add(id);
    const r = f.roots.get(id);
    if (r && (!best || r.time < best.time)) best = r;
    stack.push(...f.inputsOf(id));
  }
  return best;
}

/** `at time t`, or the Runge-Kutta step a stage's time is in (the run saves no value at a stage's time). */
function whenText(time: number, step: StageStep | undefined): BilingualText {
  if (step) return { en: `during the step from ${step.from} to ${step.to}`, es: `durante el paso de ${step.from} a ${step.to}` };
  return { en: `at time ${time}`, es: `en el tiempo ${time}` };
}

type Head = Pick<NonFiniteWarning, 'location' | 'variable' | 'value' | 'time' | 'step' | 'cause'>;

/** `file:line:column: variable became value at time t: cause`, the part of a warning that names a root. */
export function headText(w: Head): BilingualText {
  const at = w.location ? `${w.location}: ` : '';
  const cause = w.cause ? causeText(w.cause, w.step) : { en: 'its cause was not found', es: 'no se encontró su causa' };
  const when = whenText(w.time, w.step);
  return {
    en: `${at}${w.variable} became ${SHOWN[w.value]} ${when.en}: ${cause.en}`,
    es: `${at}${w.variable} se volvió ${SHOWN[w.value]} ${when.es}: ${cause.es}`,
  };
}

function warningText(w: Omit<NonFiniteWarning, 'message' | 'messageEs'>): BilingualText {
  const head = headText(w);
  const only = w.columns.length === 1 && w.columns[0]!.name === w.variable;
  if (only) return head;
  const n = w.columns.length;
  const listed = w.columns.slice(0, NAMES_LISTED).map((c) => c.name).join(', ');
  const rest = n - Math.min(n, NAMES_LISTED);
  const more = rest ? { en: ` and ${rest} more`, es: ` y ${rest} más` } : undefined;
  return {
    en: `${head.en}; it reaches ${n} saved variable${n === 1 ? '' : 's'} (${listed}` + (more?.en ?? '') + ')',
    es: `${head.es}; llega a ${n} variable${n === 1 ? '' : 's'} de las guardadas (${listed}` + (more?.es ?? '') + ')',
  };
}

const BEYOND = { en: 'is beyond the largest number, about ±1.8e308 (overflow)', es: 'supera el mayor número, cerca de ±1.8e308 (desbordamiento)' };

/** The operation and why it has no finite value, in both languages (`within`: the Runge-Kutta step already named). */
export function causeText(c: NonFiniteCause, within?: StageStep): BilingualText {
  const t = operationText(c);
  if (c.initial) return { en: `in its initial value, ${t.en}`, es: `en su valor inicial, ${t.es}` };
  if (c.at === undefined) return t;
  if (c.step && within && c.step.from === within.from) return { en: `in its rate, ${t.en}`, es: `en su flujo, ${t.es}` };
  const when = whenText(c.at, c.step);
  return { en: `in its rate ${when.en}, ${t.en}`, es: `en su flujo ${when.es}, ${t.es}` };
}

function operationText(c: NonFiniteCause): BilingualText {
  const [a, b] = c.args;
  const shown = ['+', '-', '*', '/', '^'].includes(c.op) ? `${a} ${c.op} ${b}` : `${c.op}(${c.args.join(', ')})`;
  switch (c.kind) {
    case 'division-by-zero':
      return { en: `${shown} (division by zero)`, es: `${shown} (división por cero)` };
    case 'zero-over-zero':
      return { en: `${shown} (zero divided by zero has no value)`, es: `${shown} (cero dividido por cero no tiene valor)` };
    case 'ln-domain':
      return { en: `LN of ${a} (LN of 0 or of a negative number is not defined)`, es: `LN de ${a} (el LN de 0 o de un número negativo no está definido)` };
    case 'log-domain':
      return {
        en: `LOG of ${a} in base ${b} (LOG of 0 or of a negative number, or in a base ≤ 0 or 1, is not defined)`,
        es: `LOG de ${a} en base ${b} (el LOG de 0 o de un número negativo, o en una base ≤ 0 o 1, no está definido)`,
      };
    case 'sqrt-domain':
      return { en: `SQRT of ${a} (SQRT of a negative number is not defined)`, es: `SQRT de ${a} (la SQRT de un número negativo no está definida)` };
    case 'power-domain':
      return { en: `${shown} (a negative number to a fractional power has no real value)`, es: `${shown} (un número negativo elevado a una potencia fraccionaria no tiene valor real)` };
    case 'zero-negative-power':
      return { en: `${shown} (0 to a negative power is a division by zero)`, es: `${shown} (0 elevado a una potencia negativa es una división por cero)` };
    case 'overflow':
      return { en: `${shown} ${BEYOND.en}`, es: `${shown} ${BEYOND.es}` };
    case 'integration':
      return { en: `the stock's integration (stock + TIME STEP × rate) ${BEYOND.en}`, es: `la integración del nivel (nivel + TIME STEP × flujo) ${BEYOND.es}` };
    case 'missing-data':
      return { en: `${c.op} has no value at this time (missing data)`, es: `${c.op} no tiene valor en este tiempo (dato faltante)` };
    case 'literal':
      return { en: `the number ${c.op} written in its equation is not finite`, es: `el número ${c.op} escrito en su ecuación no es finito` };
    case 'function':
      return { en: `${shown} gave it from finite arguments`, es: `${shown} lo dio con argumentos finitos` };
  }
}

/** The report as lines to print: a heading, one line per warning, and the count of the rest. */
export function reportLines(r: NonFiniteReport): BilingualText[] {
  if (r.columns === 0) return [];
  const n = r.columns;
  const lines: BilingualText[] = [
    {
      en: `warning: the run finished, but ${n} saved variable${n === 1 ? '' : 's'} took values that are not finite numbers (NaN or ±∞); Vensim stops a run at its first floating-point error, so from there on these are not Vensim's numbers:`,
      es: `advertencia: la corrida terminó, pero hay valores que no son números finitos (NaN o ±∞) en ${n} variable${n === 1 ? '' : 's'} de las guardadas; Vensim detiene una corrida en su primer error de punto flotante, así que desde ahí estos no son los números de Vensim:`,
    },
    ...r.warnings.map((w) => ({ en: `  ${w.message}`, es: `  ${w.messageEs}` })),
  ];
  if (r.more > 0) lines.push({ en: `  … and ${r.more} more cause${r.more === 1 ? '' : 's'}`, es: `  … y ${r.more} causa${r.more === 1 ? '' : 's'} más` });
  return lines;
}
