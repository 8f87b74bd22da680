/**
 * Runs a model's Reality Check Constraints (Vensim Help 20970-21015; the rules and what is not
 * implemented are written at the top of src/sd/analyze/reality-check-plan.ts). Each Constraint gets
 * its own simulation of the restructured model with the model's own settings; the consequence is
 * tested at every saved time, and the first saved time where it is false is the failure reported.
 */
import { caughtText, ModelError, SimulationError, type Diagnostic } from '../ir/diagnostics.js';
import type { ModelIR } from '../ir/model.js';
import { constraintInstances } from '../analyze/reality-check-elements.js';
import { planConstraint, restructure } from '../analyze/reality-check-plan.js';
import { compileIR, type CompileOptions } from './engine.js';
import type { RunOptions } from './types.js';

export interface ConstraintOutcome {
  name: string;
  display: string;
  loc: ModelIR['equations'][number]['loc'];
  /** 'untested': no saved time fell inside the consequence's RC … CHECK window, so nothing was verified. */
  status: 'pass' | 'fail' | 'untested' | 'refused';
  /** The variables the check forced, with the Test Input or comparison that forced each. */
  forced: { variable: string; by: string }[];
  /** Saved times tested, and how many of them the consequence was false at. */
  checked: number;
  failures: number;
  /** The first saved time the consequence was false, with what the consequence reads at that time. */
  firstFailure?: { time: number; values: { name: string; value: number }[] };
  /** Why the check was not run (status 'refused'): a located error. */
  refusal?: Diagnostic;
}

/** Every Constraint of the model, in file order; a model without any gives an empty list. */
export function runRealityChecks(ir: ModelIR, compile: CompileOptions = {}, run: Omit<RunOptions, 'columns' | 'into'> = {}): ConstraintOutcome[] {
  const out: ConstraintOutcome[] = [];
  for (const rc of ir.realityChecks ?? []) {
    if (rc.check === 'test-input' || (rc.check === 'unread' && rc.kind === 'test-input')) continue;
    const head = { name: rc.name, display: rc.display, loc: rc.loc, forced: [], checked: 0, failures: 0 };
    if (rc.check === 'unread') {
      out.push({ ...head, status: 'refused', refusal: { severity: 'error', code: 'E_REALITY_CHECK', message: `constraint ${rc.display}: ${rc.why.en}`, messageEs: `restricción ${rc.display}: ${rc.why.es}`, loc: rc.at } });
      continue;
    }
    let instances: ReturnType<typeof constraintInstances>;
    try {
      instances = constraintInstances(ir, rc);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      out.push({ ...head, status: 'refused', refusal: e.diagnostics[0] });
      continue;
    }
    // A subscripted Constraint is checked, and reported, element by element.
    for (const one of instances) {
      try {
        out.push(checkOne(ir, one, compile, run));
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        out.push({ ...head, name: one.name, display: one.display, status: 'refused', refusal: e.diagnostics[0] });
      }
    }
  }
  return out;
}

function checkOne(ir: ModelIR, c: Parameters<typeof planConstraint>[1], compile: CompileOptions, run: Omit<RunOptions, 'columns' | 'into'>): ConstraintOutcome {
  const plan = planConstraint(ir, c);
  const { ir: changed, consequenceVar } = restructure(ir, plan);
  let model: ReturnType<typeof compileIR>['model'];
  let reads: string[];
  let result: ReturnType<typeof model.run>;
  try {
    model = compileIR(changed, compile).model;
    const known = new Set(model.outputNames.map((n) => n.toLowerCase()));
    reads = plan.reads.filter((n) => known.has(n.toLowerCase()));
    result = model.run({ ...run, columns: [consequenceVar, ...reads] });
  } catch (e) {
    // 20975: the restructured model may not compute (simultaneous equations) or may stop; said as such.
    if (e instanceof ModelError) {
      const d = e.diagnostics[0]!;
      const why = { en: d.message, es: d.messageEs ?? d.message };
      throw ModelError.at(d.code, { en: `constraint ${c.display}: the model as the check restructures it cannot run: ${why.en}`, es: `restricción ${c.display}: el modelo reestructurado por la prueba no puede correr: ${why.es}` }, d.loc ?? c.loc);
    }
    if (e instanceof SimulationError) {
      const t = caughtText(e);
      throw ModelError.at('E_REALITY_CHECK', { en: `constraint ${c.display}: the check's run stopped: ${t.en}`, es: `restricción ${c.display}: la corrida de la prueba se detuvo: ${t.es}` }, c.loc);
    }
    throw e;
  }
  const holds = result.series[0]!;
  let failures = 0;
  let checked = 0;
  let first: number | undefined;
  for (let i = 0; i < holds.length; i++) {
    if (holds[i] === -1) continue; // outside every RC … CHECK window: not tested
    checked++;
    if (holds[i] === 1) continue;
    failures++;
    first ??= i;
  }
  const outcome: ConstraintOutcome = {
    name: c.name,
    display: c.display,
    loc: c.loc,
    status: failures ? 'fail' : checked === 0 ? 'untested' : 'pass',
    forced: plan.forced.map((f) => ({ variable: f.display, by: f.source })),
    checked,
    failures,
  };
  if (first !== undefined) outcome.firstFailure = { time: result.time[first]!, values: reads.map((n, j) => ({ name: n, value: result.series[j + 1]![first!]! })) };
  return outcome;
}
