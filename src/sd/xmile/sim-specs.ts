/**
 * `<sim_specs>` (XMILE 1.0 §2.3, §3.4): start, stop, dt (`reciprocal="true"` gives 1/dt),
 * the integration method and the time units. The save interval is isee's
 * `isee:save_interval` attribute (XMILE itself has none); without it every DT is saved.
 *
 * The IR carries these as Vensim's control variables (INITIAL TIME, FINAL TIME, TIME STEP,
 * SAVEPER), which the compiler and the run options already understand.
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { CONTROL, dtRef, num } from './ir-build.js';
import type { SourceText } from './source-text.js';
import { attrOption } from './xml-flags.js';
import { attr, child, type XmlElement } from './xml-tree.js';

export interface SimSpecs {
  start: number;
  stop: number;
  dt: number;
  saveInterval?: number;
  method: NonNullable<ModelIR['method']>;
  timeUnits: string;
  loc: SourceLocation;
}

function numberIn(el: XmlElement, src: SourceText, what: string): number {
  const text = src.elementText(el.start).text.trim();
  const v = Number(text);
  if (text === '' || Number.isNaN(v)) {
    // XMILE 1.0 (§4.1, sim_specs) gives start, stop and dt as numbers. `TIME_STEP=1` is a
    // Vensim equation that an exporter copied in; say so, since its number is right there.
    const eq = /^[A-Za-z_][\w ]*=\s*([-+.\deE]+)$/.exec(text);
    const hint =
      eq && !Number.isNaN(Number(eq[1]))
        ? { en: ` (a Vensim equation copied by an exporter? XMILE wants the number alone: <${what}>${eq[1]}</${what}>)`, es: ` (¿una ecuación de Vensim copiada por un exportador? XMILE pide solo el número: <${what}>${eq[1]}</${what}>)` }
        : undefined;
    throw ModelError.at('E_SIM_SPECS', { en: `<${what}> must be a number but is "${text}"${hint?.en ?? ''}`, es: `<${what}> debe ser un número, pero es "${text}"${hint?.es ?? ''}` }, src.loc(el.start));
  }
  return v;
}

/**
 * The method is the file's, even where a converter wrote one the expected output did not use
 * (the suite's zeroled_decimals says RK4 but its output is Vensim's Euler run).
 * The first method of a fallback list (`"gear, rk4"`) that we run. rk45 and gear are optional
 * in XMILE and not implemented here; alone they run as RK4, the nearest method we have.
 */
export function integrationMethod(raw: string | undefined, loc: SourceLocation): SimSpecs['method'] {
  if (raw === undefined || raw.trim() === '') return 'euler';
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  for (const n of names) {
    if (n === 'euler' || n === 'rk4' || n === 'rk2') return n;
    if (n !== 'rk45' && n !== 'gear') throw ModelError.at('E_SIM_SPECS', { en: `unknown integration method "${n}" (euler, rk2, rk4, rk45 or gear)`, es: `método de integración desconocido "${n}" (euler, rk2, rk4, rk45 o gear)` }, loc);
  }
  return 'rk4';
}

export function readSimSpecs(el: XmlElement | undefined, src: SourceText, fallbackLoc: SourceLocation): SimSpecs {
  if (!el) throw ModelError.at('E_SIM_SPECS', { en: 'the model has no <sim_specs> (start and stop times are required)', es: 'el modelo no tiene <sim_specs> (se requieren los tiempos de inicio y fin)' }, fallbackLoc);
  const loc = src.loc(el.start);
  const startEl = child(el, 'start');
  const stopEl = child(el, 'stop');
  if (!startEl || !stopEl) throw ModelError.at('E_SIM_SPECS', { en: '<sim_specs> needs both <start> and <stop>', es: '<sim_specs> necesita tanto <start> como <stop>' }, loc);
  const start = numberIn(startEl, src, 'start');
  const stop = numberIn(stopEl, src, 'stop');
  const dtEl = child(el, 'dt');
  let dt = dtEl ? numberIn(dtEl, src, 'dt') : 1;
  if (dtEl && attrOption(dtEl, 'reciprocal', src)) dt = 1 / dt;
  if (!(dt > 0)) throw ModelError.at('E_SIM_SPECS', { en: `dt must be positive (it is ${dt})`, es: `dt debe ser positivo (es ${dt})` }, src.loc((dtEl ?? el).start));
  const saveRaw = attr(el, 'save_interval');
  let saveInterval: number | undefined;
  if (saveRaw !== undefined && saveRaw.trim() !== '') {
    saveInterval = Number(saveRaw);
    if (!(saveInterval > 0)) throw ModelError.at('E_SIM_SPECS', { en: `save_interval must be a positive number but is "${saveRaw}"`, es: `save_interval debe ser un número positivo, pero es "${saveRaw}"` }, loc);
  }
  return { start, stop, dt, saveInterval, method: integrationMethod(attr(el, 'method'), loc), timeUnits: attr(el, 'time_units')?.trim() ?? '', loc };
}

/**
 * A submodel's own `<sim_specs>` (XMILE 1.0, Submodels): in the normal run mode it keeps the
 * whole-model's start and stop but may have "a different DT", and in the independent mode it does
 * "a complete run for every DT in the containing model". Modules are flattened into one run here,
 * so a submodel may only restate the whole-model's DT and method; anything else is refused where
 * it is written rather than run at the wrong DT.
 */
export function checkSubmodelSpecs(el: XmlElement, whole: SimSpecs, model: string, src: SourceText): void {
  const loc = src.loc(el.start);
  const refuse = (what: { en: string; es: string }) => {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `submodel ${model} has its own <sim_specs> with ${what.en}; submodels run here as part of the whole model, at its DT (${whole.dt}) and method (${whole.method}): remove the submodel's <sim_specs> or make them agree`,
        es: `el submodelo ${model} tiene su propio <sim_specs> con ${what.es}; los submodelos corren aquí como parte del modelo completo, con su DT (${whole.dt}) y su método (${whole.method}): quite el <sim_specs> del submodelo o hágalo coincidir`,
      },
      loc,
    );
  };
  if (Object.values(el.attrs).some((v) => v.trim().toLowerCase() === 'independent')) refuse({ en: 'the independent run mode (a complete run for every DT)', es: 'el modo de corrida independiente (una corrida completa en cada DT)' });
  const dtEl = child(el, 'dt');
  if (dtEl) {
    let dt = numberIn(dtEl, src, 'dt');
    if (attrOption(dtEl, 'reciprocal', src)) dt = 1 / dt;
    if (dt !== whole.dt) refuse({ en: `DT ${dt}`, es: `DT ${dt}` });
  }
  const method = attr(el, 'method');
  if (method !== undefined && method.trim() !== '' && integrationMethod(method, loc) !== whole.method) refuse({ en: `method ${method.trim()}`, es: `método ${method.trim()}` });
}

/** INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER from the sim specs. */
export function controlEquations(s: SimSpecs): Equation[] {
  const eq = (name: string, display: string, expr: Expr, doc: string): Equation => ({
    lhs: { name, display, subs: [], except: [], loc: s.loc },
    kind: 'aux',
    expr,
    units: s.timeUnits,
    doc,
    loc: s.loc,
  });
  return [
    eq(CONTROL.start, 'INITIAL TIME', num(s.start, s.loc), 'The start time of the simulation (sim_specs start).'),
    eq(CONTROL.stop, 'FINAL TIME', num(s.stop, s.loc), 'The stop time of the simulation (sim_specs stop).'),
    eq(CONTROL.dt, 'TIME STEP', num(s.dt, s.loc), 'The time step of the simulation (sim_specs dt).'),
    eq(CONTROL.saveper, 'SAVEPER', s.saveInterval === undefined ? dtRef(s.loc) : num(s.saveInterval, s.loc), 'How often results are saved (isee:save_interval, else every dt).'),
  ];
}

/** The value sim specs give a control name, for checking a model variable of the same name. */
export function controlValue(s: SimSpecs, name: string): number | undefined {
  switch (name) {
    case CONTROL.start:
      return s.start;
    case CONTROL.stop:
      return s.stop;
    case CONTROL.dt:
      return s.dt;
    case CONTROL.saveper:
      return s.saveInterval ?? s.dt;
    default:
      return undefined;
  }
}
