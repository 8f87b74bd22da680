/**
 * The notes of the Peru model's fitted constants must not quote a fitted value other than the current one
 * (issue 11: a ministry reviewer must be able to defend every number). Each refit moves the constants in
 * calibration/calibrated-params.json; a note that still says "ajustado a 0,76" after the fit moved to 0,37 is wrong.
 *
 * The rule, applied to the `~` comment of every constant named in calibrated-params.json (its base name, any subscript):
 * 1. The comment is cut into clauses at `;` and at sentence ends (". " before a capital letter).
 * 2. A clause that marks an earlier or other fit is historical and skipped: antes (not "antes de/que"), anterior, daba, daría, llegaba,
 *    llevaba, era, fue, "solo a" / "only to" (a fit on a shorter window, e.g. the forest holdout), was, were,
 *    previously, earlier, "at the time", holdout.
 * 3. In any other clause, a fit word (ajustado/a/os/as, calibrado/a/os/as, fitted, "queda en", "lo deja en")
 *    followed within three words by a number quotes the constant's value: "ajustado a 0,76", "El valor ajustado,
 *    0,149", "fitted 0.759", "queda en -0,26", "ajustado, 0,25 %" (a percentage is value × 100). The quote must
 *    equal a current fitted value (any subscript) rounded to the digits quoted. Not quotes: years (4-digit integers
 *    1800-2100), the low end of a range ("0,2-3", "-1 a 2") and figures with a unit (TWh, MtCO2e, mil, ha, soles...),
 *    which are data, not the constant.
 * 4. In such a clause, a claim that the fit sits at a bound (piso, techo, cota, bound) must hold: the current value
 *    is within 1 % of the stage's range (stages.json) from that bound.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'models', 'peru');
const HISTORICAL = /(?<!\p{L})(antes(?!\s+(?:que|de)(?!\p{L}))|anterior(?:es)?|daba|daría|darían|llegaba|llevaba|era|fue|solo a|only to|was|were|previously|earlier|at the time|holdout)(?!\p{L})/iu;
const FIT_WORD = /(?<!\p{L})(?:ajustad[oa]s?|calibrad[oa]s?|fitted|queda en|lo deja en)(?!\p{L})/giu;
const QUOTE = /^(?:[\s,:(]+\p{L}+){0,3}?[\s,:(]+(-?\d+(?:[.,]\d+)?)(\s*%)?/u;
const NOT_A_VALUE = /^\s*(?:[-–]\s*-?\d|a\s+-?\d|(?:TWh|Mt|MtCO2e|tCO2e|kg|g|mil|millones|ha|soles|MW|GW)(?!\p{L}))/u;
const BOUND_CLAIM = /(?<!\p{L})(piso|techo|cota|bound)(?!\p{L})/iu;

export interface NoteProblem {
  clause: string;
  problem: string;
}

/** Problems of one comment against the constant's current fitted values and its stage range (rule above). */
export function staleQuotes(comment: string, values: number[], range?: [number, number]): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const clauses = comment.split(/;|\.(?=\s+\p{Lu})/u).map((c) => c.trim());
  for (const clause of clauses) {
    if (HISTORICAL.test(clause)) continue;
    let fitWords = 0;
    for (const m of clause.matchAll(FIT_WORD)) {
      fitWords++;
      const tail = clause.slice(m.index + m[0].length);
      const q = QUOTE.exec(tail);
      if (!q) continue;
      const after = tail.slice(q.index + q[0].length);
      const text = q[1];
      if (!q[2] && NOT_A_VALUE.test(after)) continue;
      if (/^\d{4}$/.test(text) && Number(text) >= 1800 && Number(text) <= 2100) continue;
      const digits = text.split(/[.,]/)[1]?.length ?? 0;
      const quoted = Number(text.replace(',', '.')) / (q[2] ? 100 : 1);
      const half = (0.5 * 10 ** -digits) / (q[2] ? 100 : 1);
      if (!values.some((v) => Math.abs(v - quoted) <= half * (1 + 1e-9))) {
        problems.push({ clause, problem: `quotes ${text}${q[2] ?? ''} as fitted; current ${values.map((v) => Number(v.toPrecision(4))).join(', ')}` });
      }
    }
    const bound = BOUND_CLAIM.exec(clause);
    if (fitWords > 0 && bound && range) {
      const width = range[1] - range[0];
      const near = values.some((v) => Math.min(v - range[0], range[1] - v) <= 0.01 * width);
      if (!near) problems.push({ clause, problem: `says "${bound[1]}" but the fit is inside [${range.join(', ')}]: ${values.map((v) => Number(v.toPrecision(4))).join(', ')}` });
    }
  }
  return problems;
}

/** The `~` comment of every equation of peru.mdl, by base name (lower case), continuation lines joined. */
function mdlComments(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const chunk of text.replace(/\\\r?\n\s*/g, ' ').split(/\|\s*\r?\n/)) {
    const eq = /^\s*([^=:~[(]+?)\s*(?:\[[^\]]*\])?\s*(?:=|:=|~)/.exec(chunk);
    const parts = chunk.split('~');
    if (!eq || parts.length < 3) continue;
    const name = eq[1].trim().toLowerCase();
    out.set(name, [...(out.get(name) ?? []), parts.slice(2).join('~').trim()]);
  }
  return out;
}

describe('staleQuotes (the rule)', () => {
  it('flags a fitted value that is not the current one, in Spanish and English, and a false bound claim', () => {
    expect(staleQuotes('Velocidad de difusión. Ajustado a 0,76.', [0.3737])).toHaveLength(1);
    expect(staleQuotes('Speed of diffusion, fitted 0.759.', [0.3737])).toHaveLength(1);
    expect(staleQuotes('El valor ajustado, 0,25 %, queda en el interior.', [0.0772])).toHaveLength(1);
    expect(staleQuotes('con el querosene queda en -0,26 (el vale FISE)', [0.419])).toHaveLength(1);
    expect(staleQuotes('El ajuste lo deja en su piso 0,6.', [0.618], [0.6, 1])).toHaveLength(1);
  });
  it('accepts the current value rounded to the digits quoted, ranges, data, years and marked earlier values', () => {
    expect(staleQuotes('Ajustado a 0,37; fitted 0.374.', [0.3737])).toEqual([]);
    expect(staleQuotes('El valor ajustado, 7,7 %, queda en el interior del rango.', [0.0772], [0, 0.15])).toEqual([]);
    expect(staleQuotes('Calibrado (etapa energy, rango 0,2-3) a CAIT 2000-2015.', [0.98])).toEqual([]);
    expect(staleQuotes('Calibrado a WDI (11,69 millones de PEA en 2000).', [0.75])).toEqual([]);
    expect(staleQuotes('Ajustado a CAIT daba 0,238.', [0.144])).toEqual([]);
    expect(staleQuotes('Antes (refit del 6 de diciembre) ajustado a 0,76.', [0.3737])).toEqual([]);
    expect(staleQuotes('El ajuste lo deja en su piso 0,6.', [0.601], [0.6, 1])).toEqual([]);
  });
});

describe('Peru model: notes of fitted constants quote current values', () => {
  it('every fitted constant has a note, and no note quotes a stale fitted value', () => {
    const params = JSON.parse(readFileSync(join(DIR, 'calibration', 'calibrated-params.json'), 'utf8')) as Record<string, number>;
    const stages = JSON.parse(readFileSync(join(DIR, 'calibration', 'stages.json'), 'utf8')) as { parameters: Record<string, [number, number]> }[];
    const ranges = Object.assign({}, ...stages.map((s) => s.parameters)) as Record<string, [number, number]>;
    const comments = mdlComments(readFileSync(join(DIR, 'peru.mdl'), 'utf8'));
    const byBase = new Map<string, string[]>();
    for (const key of Object.keys(params)) {
      const base = key.replace(/\[.*$/, '').trim();
      byBase.set(base, [...(byBase.get(base) ?? []), key]);
    }
    const problems: string[] = [];
    for (const [base, keys] of byBase) {
      const notes = comments.get(base.toLowerCase());
      if (!notes) {
        problems.push(`${base}: no equation with a comment in peru.mdl`);
        continue;
      }
      const range = keys.length === 1 ? ranges[keys[0]] : undefined;
      for (const note of notes) {
        for (const p of staleQuotes(note, keys.map((k) => params[k]), range)) problems.push(`${base}: ${p.problem} in "${p.clause}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(byBase.size).toBeGreaterThan(30);
  });
});
