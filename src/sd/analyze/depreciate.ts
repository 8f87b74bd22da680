/**
 * Vensim's DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) for a fiscal period of one TIME STEP
 * (https://www.vensim.com/documentation/fn_depreciate_straightline.html). The page: payments made
 * within a fiscal period are lumped together; an investment is returned in equal parts in its
 * first fiscal period and each that follows, over dtime / fisc periods; the current value of str
 * is already included; init stands for str over the dtime before the start, so that a str that
 * stays at init gives init. With fisc = TIME STEP each period is one step, nothing is lumped, and
 * that reads as
 *   output(t) = (fisc / dtime) × (str(t) + str(t − fisc) + … + str(t − dtime + fisc)),
 * each str before the initial time being init (the equal part is fisc / dtime: with str = init
 * throughout, dtime / fisc parts of init must give init, as the page says).
 * The past values are a delay-fixed node of kind DEPRECIATION_KIND that sums them (runtime-lib.ts);
 * the output is an auxiliary, since it reads the current str. Refused where the page is open:
 * a fisc other than TIME STEP (when a fiscal period starts, how a change of str within one is
 * settled), a dtime that is not a whole number of fisc (Vensim "will automatically adjust it",
 * not said how), and a dtime or fisc that changes during the run. The values are checked at the
 * initial time of each run, as a run may change TIME STEP.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import type { ScalarNode, SExpr } from './scalar-model.js';

/** A delay-fixed node with this kind (args[1]) sums the past values of a depreciated stream. */
export const DEPRECIATION_KIND = 5;

export function lowerDepreciateStraightline(x: Expander, args: Expr[], ctx: Ctx, node: ScalarNode, str: SExpr): void {
  const [dtime, fisc] = [1, 2].map((i) => {
    const e = x.resolve(args[i]!, ctx);
    if (e.k !== 'dt' && !x.isRunConstant(e)) {
      const what = i === 1 ? 'dtime' : 'fisc';
      throw ModelError.at('E_UNSUPPORTED', {
        en: `DEPRECIATE STRAIGHTLINE with a ${what} that changes during the run is not supported: fn_depreciate_straightline does not say when a new value takes effect`,
        es: `DEPRECIATE STRAIGHTLINE con un ${what} que cambia durante la corrida no se admite: fn_depreciate_straightline no dice cuándo rige un valor nuevo`,
      }, args[i]!.loc);
    }
    return e;
  }) as [SExpr, SExpr];
  const past = x.hiddenNode(node, 'depreciation past', ctx.loc);
  past.kind = 'delay-fixed';
  past.expr = str;
  past.args = [dtime, { k: 'num', v: DEPRECIATION_KIND }, fisc];
  past.init = x.resolve(args[3]!, ctx);
  node.kind = 'aux';
  node.expr = { k: 'bin', op: '/', a: { k: 'bin', op: '*', a: { k: 'bin', op: '+', a: str, b: { k: 'ref', id: past.id } }, b: fisc }, b: dtime };
}
