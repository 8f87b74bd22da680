/**
 * The indicator list (`indicators.json`): what each SDG/NDC indicator reads from a run, how it is
 * shown and which target it is checked against.
 * [
 *   { "id": "13.2", "name": "Total GHG emissions", "variable": "Total GHG Emissions",
 *     "unit": "MtCO2e/year", "scale": 1,
 *     "targets": [ { "label": "NDC unconditional cap", "op": "<=", "value": 208.8, "years": [2030],
 *                    "basis": "…" } ] }
 * ]
 * `source` is "model" (default: read `variable` from the run) or "green jobs" / "jobs in
 * transition" (from the input-output link). `scale` multiplies the model value (e.g. 100 for %).
 * `share` (jobs sources only) names a measured split of the project's `greenJobs.measuredSplits` file
 * (e.g. "green_jobs_share_held_by_women"): the indicator is the jobs series times that base-year
 * share, held constant over the projection (the survey gives one year, no trend).
 * A target gives either `value` or `relativeToBaseline` (e.g. 0.1: at least 10 % above the
 * baseline scenario in the same year, for indicators without an official target).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { specRoot, type Field } from '../spec-file.js';

export const SOURCES = ['model', 'green jobs', 'jobs in transition'] as const;
export type IndicatorSource = (typeof SOURCES)[number];
export type Comparison = '<=' | '>=';

export interface IndicatorTarget {
  label: string;
  op: Comparison;
  /** Absolute target value (NaN when the target is relative to the baseline). */
  value: number;
  /** Target = baseline value × (1 + relativeToBaseline), in the same year. */
  relativeToBaseline?: number;
  /** Years the target applies to; all report years when empty. */
  years: number[];
  basis: string;
}

/** A measured base-year share applied to a jobs series (see `share` above). */
export interface IndicatorShare {
  /** The split's name in the splits file. */
  name: string;
  /** Filled when the project is read (NaN until then). */
  value: number;
  low: number;
  high: number;
  year: number;
  synthetic: boolean;
}

export interface IndicatorSpec {
  id: string;
  name: string;
  source: IndicatorSource;
  variable?: string;
  share?: IndicatorShare;
  unit: string;
  scale: number;
  digits: number;
  targets: IndicatorTarget[];
  where: string;
}

function readTarget(f: Field): IndicatorTarget {
  f.only(['label', 'op', 'value', 'relativeToBaseline', 'years', 'basis']);
  const op = f.get('op').string();
  if (op !== '<=' && op !== '>=') f.get('op').fail({ en: 'must be "<=" or ">="', es: 'debe ser "<=" o ">="' });
  const value = f.get('value').optional((x) => x.number());
  const relative = f.get('relativeToBaseline').optional((x) => x.number());
  if ((value === undefined) === (relative === undefined)) f.fail({ en: 'give exactly one of "value" and "relativeToBaseline"', es: 'indique exactamente uno de "value" y "relativeToBaseline"' });
  return {
    label: f.get('label').optional((x) => x.string()) ?? 'target',
    op: op as Comparison,
    value: value ?? NaN,
    relativeToBaseline: relative,
    years: f.get('years').optional((y) => y.items().map((x) => x.integer(0))) ?? [],
    basis: f.get('basis').optional((x) => x.string()) ?? '',
  };
}

export function readIndicatorSpecs(path: string): IndicatorSpec[] {
  const root = specRoot(path);
  const seen = new Set<string>();
  const specs = root.items().map((f): IndicatorSpec => {
    f.only(['id', 'name', 'source', 'variable', 'share', 'unit', 'scale', 'digits', 'targets']);
    const source = (f.get('source').optional((x) => x.string()) ?? 'model') as IndicatorSource;
    if (!SOURCES.includes(source)) f.get('source').fail({ en: `must be one of ${SOURCES.join(', ')}`, es: `debe ser uno de ${SOURCES.join(', ')}` });
    const variable = f.get('variable').optional((x) => x.string());
    if (source === 'model' && !variable) f.get('variable').fail({ en: 'a model indicator needs the model variable it reads', es: 'un indicador del modelo necesita la variable del modelo que lee' });
    const share = f.get('share').optional((x) => x.string());
    if (share !== undefined && source === 'model') f.get('share').fail({ en: '"share" applies to "green jobs" or "jobs in transition" indicators only', es: '"share" solo se aplica a los indicadores "green jobs" o "jobs in transition"' });
    const name = f.get('name').string();
    if (seen.has(name)) f.get('name').fail({ en: `indicator "${name}" is listed twice`, es: `el indicador "${name}" aparece dos veces` });
    seen.add(name);
    return {
      id: f.get('id').string(),
      name,
      source,
      variable,
      share: share === undefined ? undefined : { name: share, value: NaN, low: NaN, high: NaN, year: NaN, synthetic: false },
      unit: f.get('unit').optional((x) => x.string()) ?? '',
      scale: f.get('scale').optional((x) => x.number()) ?? 1,
      digits: f.get('digits').optional((x) => x.integer(1)) ?? 3,
      targets: f.get('targets').optional((t) => t.items().map(readTarget)) ?? [],
      where: f.where,
    };
  });
  if (specs.length === 0) throw new InputError(path, { en: 'the indicator list is empty', es: 'la lista de indicadores está vacía' });
  return specs;
}
