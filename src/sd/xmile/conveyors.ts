/**
 * XMILE 1.0 conveyors (§4.2.1 of http://docs.oasis-open.org/xmile/xmile/v1.0/xmile-v1.0.html):
 * a stock with a `<conveyor>` option moves what flows in along a belt and releases it after the
 * transit time `<len>`; its first outflow that is not a leak is
 * the conveyor's outflow, and outflows marked `<leak/>` (or `<leak>true</leak>`; `<leak>false</leak>`
 * is not a leak, xml-flags.ts has the rule) take, over the belt, the fraction their
 * own `<eqn>` gives (linear by default, per unit of time with `exponential_leak="true"`).
 * Neither the outflow nor the leaks keep an equation of their own: the belt computes them
 * (src/sd/run/conveyor-belt.ts has the rules and their sources). The stock stays an ordinary
 * INTEG of its flows, which with Euler steps equals what the belt holds.
 *
 * Supported: continuous conveyors, constant or varying transit time, any number of leaks over
 * the whole belt or a zone of it (`leak_start`, `leak_end`), arrayed conveyors (one belt per
 * element), capacity and inflow limit (conveyor-inflow-limits.ts), Euler integration, and
 * `discrete` and `one_at_a_time` where isee's help gives their rule (conveyor-type-accept.ts).
 * The other options stop with a located E_UNSUPPORTED that names what the documents we follow
 * (the standard's option list, isee's conveyor help and STELLA manual) leave open: arrest,
 * sampled transit time, batch integrity, integer leaks, a discrete conveyor with an initial
 * value, one at a time from a queue; Runge-Kutta too. Queues feeding a conveyor are in queues.ts.
 */
import { CONVEYOR_LEAK, CONVEYOR_OUTFLOW } from '../ir/builtins.js';
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import type { Expr, StockForm } from '../ir/model.js';
import { conveyorInflowLimits, conveyorOption, type LimitedConveyor } from './conveyor-inflow-limits.js';
import { checkTypeAndAccept } from './conveyor-type-accept.js';
import { parseEquation, type ParseEnv } from './expr-parser.js';
import { call, num, ref } from './ir-build.js';
import type { SimSpecs } from './sim-specs.js';
import type { SourceText } from './source-text.js';
import { formInflows, receivedTotal, type FlowTerms } from './stock-rates.js';
import { nameOf, type VarSpec } from './variables.js';
import { attrOption, childFlag, optionFlag } from './xml-flags.js';
import { attr, child, children } from './xml-tree.js';

/**
 * Options of `<conveyor>` the engine does not simulate, as XMILE 1.0 §4.2.1 names them, and what
 * the documents we could read leave open about each. STELLA's manual (conveyor-inflow-limits.ts
 * has the address) shows the arrest and sampling settings only as dialog figures ("Conveyor
 * Flow-thru Dialog - Sampling Transit Time", "- Arrest Mode") with no text; isee's Equation tab
 * help (conveyor-type-accept.ts has the address) describes the conveyor's Type and Accept
 * options, not these. `discrete` and `one_at_a_time` run where that help gives their rule
 * (conveyor-type-accept.ts).
 */
const UNSUPPORTED_TAGS: Record<string, { what: BilingualText; open: BilingualText }> = {
  sample: {
    what: { en: 'a sampled conveyor transit time (<sample>)', es: 'un tiempo de tránsito muestreado de una cinta transportadora (<sample>)' },
    open: {
      en: "XMILE 1.0 names the option and STELLA's manual shows it only as a dialog figure (\"Sampling Transit Time\"); neither says when the transit time is sampled nor which transit time applies to what enters between samples",
      es: 'XMILE 1.0 nombra la opción y el manual de STELLA solo la muestra como figura de un diálogo ("Sampling Transit Time"); ninguno dice cuándo se muestrea el tiempo de tránsito ni cuál rige para lo que entra entre muestras',
    },
  },
  arrest: {
    what: { en: 'an arrested conveyor (<arrest>)', es: 'una cinta transportadora detenida (<arrest>)' },
    open: {
      en: "XMILE 1.0 names the option and STELLA's manual shows it only as a dialog figure (\"Arrest Mode\"); neither says whether inflows may enter, nor whether leaks go on, nor whether the transit time of what is on the belt grows, while the conveyor is arrested",
      es: 'XMILE 1.0 nombra la opción y el manual de STELLA solo la muestra como figura de un diálogo ("Arrest Mode"); ninguno dice si mientras la cinta está detenida pueden entrar flujos, si siguen las fugas ni si crece el tiempo de tránsito de lo que está en la cinta',
    },
  },
  batch_integrity: {
    what: { en: 'conveyor batch integrity (batch_integrity)', es: 'la integridad de lotes de una cinta transportadora (batch_integrity)' },
    open: {
      en: "XMILE 1.0 names the option; isee's queue and Equation tab help define a batch (what one flow delivers in one DT) but not how a batch is kept whole when the conveyor's room is smaller than it",
      es: 'XMILE 1.0 nombra la opción; la ayuda de isee sobre colas y la pestaña Equation definen un lote (lo que un flujo entrega en un DT) pero no cómo se mantiene entero un lote cuando el espacio de la cinta es menor',
    },
  },
};

export interface ConveyorEquations {
  /** The equations of every conveyor's outflow and leak flows, by flow name. */
  flows: Map<string, Expr>;
  /** Limits on conveyor inflows from a capacity or inflow limit (conveyor-inflow-limits.ts). */
  inflowLimits: Map<string, (raw: Expr) => Expr>;
  /** Each conveyor as the file wrote it, for the writers. */
  forms: StockForm[];
}

/** What the conveyors make of their flows; throws a located error for an option not supported. */
export function conveyorFlows(
  vars: VarSpec[],
  flows: ReadonlyMap<string, FlowTerms>,
  specs: SimSpecs,
  src: SourceText,
  env: ParseEnv,
  fromQueues: ReadonlySet<string>,
): ConveyorEquations {
  const out = new Map<string, Expr>();
  const forms: StockForm[] = [];
  const limited: LimitedConveyor[] = [];
  const byName = new Map(vars.map((v) => [v.name, v]));
  const leakOwners = new Set<string>();
  for (const stock of vars) {
    const el = child(stock.el, 'conveyor');
    if (stock.kind !== 'stock' || !el) continue;
    const at = src.loc(el.start);
    if (specs.method !== 'euler') {
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${stock.display} is a conveyor; conveyors run with Euler integration only, and <sim_specs> asks for ${specs.method}`,
          es: `${stock.display} es una cinta transportadora (conveyor); las cintas solo corren con integración de Euler, y <sim_specs> pide ${specs.method}`,
        },
        at,
      );
    }
    for (const [tag, { what, open }] of Object.entries(UNSUPPORTED_TAGS)) {
      // <sample> and <arrest> hold equations (the schema's conveyor children), batch_integrity is a yes/no option.
      const found = tag === 'batch_integrity' ? optionFlag(el, tag, src) : (child(el, tag) ?? (attrOption(el, tag, src) ? el : undefined));
      if (found) throw ModelError.at('E_UNSUPPORTED', { en: `${stock.display}: ${what.en} is not supported: ${open.en}`, es: `${stock.display}: ${what.es} no se admite: ${open.es}` }, src.loc(found.start));
    }
    const lenEl = child(el, 'len');
    const lenText = lenEl ? src.elementText(lenEl.start) : undefined;
    if (!lenEl || !lenText || lenText.text.trim() === '') throw ModelError.at('E_XMILE', { en: `conveyor ${stock.display} has no transit time (<len>)`, es: `el transportador (conveyor) ${stock.display} no tiene tiempo de tránsito (<len>)` }, at);
    // An arrayed conveyor is one belt per element (each element's outflow is its own node):
    // its transit time and leak fractions may be arrays over the stock's dimensions.
    const transit = parseEquation(lenText, src, env, { lhsDims: stock.dims });
    const exponential = optionFlag(el, 'exponential_leak', src) !== undefined;

    const outflows = children(stock.el, 'outflow').map((f) => byName.get(nameOf(src.elementText(f.start).text).name));
    let main: VarSpec | undefined;
    const leaks: VarSpec[] = [];
    for (const f of outflows) {
      if (!f || f.kind !== 'flow') continue;
      if (f.dims.join() !== stock.dims.join()) {
        const [fd, sd] = [f.dims.join(', ') || '—', stock.dims.join(', ') || '—'];
        throw ModelError.at(
          'E_UNSUPPORTED',
          {
            en: `${f.display} flows out of conveyor ${stock.display} with other dimensions (${fd}) than the conveyor's (${sd}); each element of a conveyor is its own belt, so its flows need the same dimensions`,
            es: `${f.display} sale de la cinta transportadora ${stock.display} con dimensiones (${fd}) distintas de las de la cinta (${sd}); cada elemento de una cinta es su propia cinta, así que sus flujos necesitan las mismas dimensiones`,
          },
          f.loc,
        );
      }
      if (childFlag(f.el, 'leak', src)) leaks.push(f);
      else if (!main) main = f;
      else throw ModelError.at('E_XMILE', { en: `conveyor ${stock.display} has two outflows that are not leaks (${main.display} and ${f.display}); a conveyor has one`, es: `el transportador (conveyor) ${stock.display} tiene dos flujos de salida que no son fugas (${main.display} y ${f.display}); un transportador tiene uno` }, f.loc);
    }
    if (!main) throw ModelError.at('E_XMILE', { en: `conveyor ${stock.display} has no outflow that is not a leak`, es: `el transportador (conveyor) ${stock.display} no tiene ningún flujo de salida que no sea una fuga` }, at);

    const fractions = leaks.map((f) => leakFraction(f, stock.dims, src, env));
    const zoneBounds = leaks.map((f) => leakZone(f));
    const zones = leaks.flatMap((f, k) => zoneBounds[k]!.map((v) => num(v, f.loc)));
    const loc = main.loc;
    const inflowNames = children(stock.el, 'inflow').map((i) => nameOf(src.elementText(i.start).text).name);
    checkTypeAndAccept(stock, el, inflowNames, fromQueues, src);
    limited.push({ stock, el, inflows: inflowNames, leaving: [main, ...leaks] });
    forms.push({
      kind: 'conveyor',
      stock: stock.name,
      display: stock.display,
      inflows: formInflows(inflowNames, flows),
      outflows: outflows.filter((f): f is VarSpec => f?.kind === 'flow').map((f) => ({ name: f.name, display: f.display })),
      conveyor: {
        len: transit,
        capacity: conveyorOption({ stock, el }, 'capacity', src, env),
        inLimit: conveyorOption({ stock, el }, 'in_limit', src, env),
        exponentialLeak: exponential,
        leaks: leaks.map((f, k) => ({ name: f.name, fraction: fractions[k]!, start: zoneBounds[k]![0], end: zoneBounds[k]![1] })),
      },
      loc: stock.loc,
    });
    const inflow = receivedTotal(inflowNames, flows, loc);
    out.set(main.name, call(CONVEYOR_OUTFLOW, [inflow, transit, ref(stock.name, loc, stock.display), num(exponential ? 1 : 0, loc), num(leaks.length, loc), ...fractions, ...zones], loc));
    leaks.forEach((f, k) => {
      leakOwners.add(f.name);
      // The stock and the fraction follow for structure analysis (what a leak depends on); the
      // engine reads the leak from the belt through the outflow (stateful.ts).
      out.set(f.name, call(CONVEYOR_LEAK, [ref(main.name, f.loc, main.display), num(k, f.loc), ref(stock.name, f.loc, stock.display), fractions[k]!], f.loc));
    });
  }
  for (const f of vars) {
    const leak = f.kind === 'flow' ? childFlag(f.el, 'leak', src) : undefined;
    if (leak && !leakOwners.has(f.name)) throw ModelError.at('E_XMILE', { en: `${f.display} is marked as a leak but is not an outflow of a conveyor`, es: `${f.display} está marcado como fuga, pero no es un flujo de salida de un transportador (conveyor)` }, src.loc(leak.start));
  }
  const inflowLimits = new Map<string, (raw: Expr) => Expr>();
  const beltFlows = new Set(out.keys());
  for (const c of limited) {
    for (const [name, limit] of conveyorInflowLimits(c, flows, beltFlows, byName, src, env)) inflowLimits.set(name, limit);
  }
  return { flows: out, inflowLimits, forms };
}

/**
 * A leak flow's zone (XMILE 1.0 §4.2.1: `leak_start` and `leak_end`, fractions of the belt's
 * length from the entry, 0 and 1 by default); a zone that is not 0 ≤ start < end ≤ 1 is an error.
 */
function leakZone(f: VarSpec): [number, number] {
  const startText = attr(f.el, 'leak_start');
  const endText = attr(f.el, 'leak_end');
  const start = startText === undefined || startText.trim() === '' ? 0 : Number(startText);
  const end = endText === undefined || endText.trim() === '' ? 1 : Number(endText);
  if (!(start >= 0 && end <= 1 && start < end)) {
    throw ModelError.at(
      'E_XMILE',
      {
        en: `leak ${f.display} has the zone leak_start="${startText ?? ''}" leak_end="${endText ?? ''}"; a leak zone needs numbers with 0 ≤ leak_start < leak_end ≤ 1 (fractions of the conveyor's length)`,
        es: `la fuga ${f.display} tiene la zona leak_start="${startText ?? ''}" leak_end="${endText ?? ''}"; una zona de fuga necesita números con 0 ≤ leak_start < leak_end ≤ 1 (fracciones del largo de la cinta)`,
      },
      f.loc,
    );
  }
  return [start, end];
}

/** A leak flow's fraction: its `<eqn>`; whole-unit leaks are not supported. */
function leakFraction(f: VarSpec, dims: string[], src: SourceText, env: ParseEnv): Expr {
  const integers = childFlag(f.el, 'leak_integers', src);
  if (integers) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `leak ${f.display} drains whole units only (<leak_integers/>), which is not supported: XMILE 1.0 names the option and STELLA's manual shows the leakage settings only as a dialog figure ("Conveyor Leakage Dialog"); neither says how a leak is rounded to whole units (down, to nearest, per slat or per DT) nor whether the remainder stays on the belt`,
        es: `la fuga ${f.display} drena solo unidades enteras (<leak_integers/>), lo que no se admite: XMILE 1.0 nombra la opción y el manual de STELLA solo muestra los ajustes de fuga como figura de un diálogo ("Conveyor Leakage Dialog"); ninguno dice cómo se redondea una fuga a unidades enteras (hacia abajo, al más cercano, por listón o por DT) ni si el resto queda en la cinta`,
      },
      src.loc(integers.start),
    );
  }
  const eqn = child(f.el, 'eqn');
  const text = eqn ? src.elementText(eqn.start) : undefined;
  if ((!text || text.text.trim() === '') && children(f.el, 'element').length) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `leak ${f.display} gives its leak fraction element by element, which is not supported yet; give one <eqn> for the whole array (it may name an arrayed auxiliary defined element by element)`,
        es: `la fuga ${f.display} da su fracción de fuga elemento por elemento, lo que aún no se admite; dé una sola <eqn> para todo el arreglo (puede nombrar un auxiliar con subíndices definido elemento por elemento)`,
      },
      f.loc,
    );
  }
  if (!text || text.text.trim() === '') throw ModelError.at('E_NO_EQUATION', { en: `leak ${f.display} has no leak fraction (its <eqn>)`, es: `la fuga ${f.display} no tiene fracción de fuga (su <eqn>)` }, f.loc);
  return parseEquation(text, src, env, { lhsDims: dims });
}
