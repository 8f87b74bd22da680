/**
 * Model interchange on the corpus of public models (corpus/): every model that runs is written as
 * .mdl and as XMILE, read again from its own folder and run, and the written XMILE is written as
 * .mdl. Each leg is identical, identical but for a generated '<stock> net flow' column (XMILE
 * needs a flow where a Vensim rate is an expression), or refused with a located bilingual message
 * (REFUSED below says why for each). Nothing may differ. Real models use names the suite's do not
 * (a period in "Quanta Size 0.8" was once written unquoted and the written .mdl did not read back).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics, modelDataHost } from '../sd/node/load.js';
import { corpusRoot, CORPUS_SIZE_LIMIT_BYTES, readCatalog, readStatus } from './corpus.js';
import { roundTripLegs } from './round-trip-legs.js';
import { RANK_WHY } from '../sd/vensim/writer.js';
import { statSync } from 'node:fs';

const root = corpusRoot();
const present = existsSync(join(root, 'catalog.json'));

/** Models whose XMILE leg the writer refuses, and the construct XMILE 1.0 has no word for. */
const REFUSED: Record<string, string> = {
  'sdmr-beer-game': 'A FUNCTION OF', // unused placeholder equations of the published model
  'ema-salinization-policy': 'DELAY MATERIAL', // Vensim's material delay (loss, initial, fill) has no XMILE equal
  'sdmr-ithink-population': 'DERIVN', // a Stella function outside XMILE 1.0
};
/** Refusals worded otherwise: the leg and the message's start. */
const REFUSED_AS: Record<string, { leg: 'mdl' | 'xmile'; message: string }> = {
  // Global RS CO2 FF = SUM(RS CO2 FF[COP!](Time/One year)): a subscripted lookup called per element
  // inside SUM; XMILE 1.0 gives array functions an array expression, not a call of each element's table.
  'clearn-v77': { leg: 'xmile', message: 'cannot write as XMILE: COP! outside an array function, or inside one in an argument of MIN, MAX or a function with state (XMILE reads MIN and MAX of arrays as array functions; state is not kept per element there)' },
  // smallest German inventory = Inventory[RANK(…)]: the computed subscript has a VECTOR ELM MAP form
  // (its index is repeatable, ir/repeatable.ts), RANK inside it has none (so the XMILE → .mdl leg too).
  'bptk-arrayed-variables': { leg: 'mdl', message: `smallest German inventory uses RANK, which Vensim has no function for${RANK_WHY.en}; the model cannot be written as .mdl` },
};
/**
 * Models whose XMILE carries generated net flows: a Vensim rate that is an expression, not
 * inflows less outflows (every other value identical).
 */
const NET_FLOWS: Record<string, string> = {
  'freight-carbon-tax': 'Duration Below Margin Threshold net flow, Underlying Freight Activity net flow',
  // Written since GAME is written as its input; two rates start with a unary + (`+completing-demolishing`), not a flow list.
  'sde-house-game': 'Houses Completed net flow, Planned Houses net flow',
  // in1 − out + in2: an inflow after an outflow adds in another order than inflows − outflows.
  'ema-salinization': 'amount of salt in aquifer net flow',
  // "Feature Disruption (DF)" is added twice: a flow is listed once.
  'cyber-resilience': 'Unknown Vulnerable Features (UVF) net flow',
  // Each "… Module" stock's rate is 0*(…), a diagram device; a stock whose rate is 0 has no flows.
  'covid-ventilation-uv': 'Infection Module net flow, Multiple Quanta Population Module net flow, One Quanta Population Module net flow, Ventilation-UV Module net flow',
  'covid-room-infection-risk': 'Infection Module net flow, Multiple Quanta Population Module net flow, Quanta Population Module net flow, Ventilation-UV Module net flow',
};
/**
 * Not yet fixed, recorded exactly so any other change shows: XMILE reads '_' in a name as a space
 * (XMILE 1.0 §3.2.3), so Vensim names with underscores come back under spaced names; every value
 * is identical. The fix (keeping the source's spelling of the name) is still open.
 */
const RENAMED: Record<string, string> = {
  'epa-predator-prey': 'columns differ: 16 vs 16 (missing FINAL_TIME, initial_predators, initial_prey; added FINAL TIME, initial predators, initial prey)',
};

describe.skipIf(!present)('corpus round trip through the .mdl and XMILE writers', () => {
  const status = present ? readStatus(root) : {};
  // Every model the engine runs to its final time, whatever its reference says (a mismatch or a
  // NaN is the engine's question; the written model must still compute the same).
  const entries = present ? readCatalog(root).filter((e) => ['runs', 'match', 'mismatch', 'non-finite'].includes(status[e.name]?.status ?? '')) : [];

  it.each(entries.map((e) => [e.name, e] as const))('%s: every leg identical, or as recorded', (name, e) => {
    const dir = join(root, 'models', e.name);
    const path = join(dir, e.file);
    if (statSync(path).size > CORPUS_SIZE_LIMIT_BYTES) return;
    const read = (t: string) => loadModelWithDiagnostics(t, { allowNaN: true, baseDir: dir });
    // The XMILE writer reads the model's files as `igem convert` does (its folder and file tags).
    const legs = roundTripLegs(loadModelWithDiagnostics(path, { allowNaN: true }), undefined, { mdl: read, xmile: read }, modelDataHost(path));
    const seen = legs.map((l) => `${l.leg} ${l.status}${l.status === 'refused' ? `: ${l.message}` : l.status === 'same' ? '' : `: ${l.detail}`}`);
    const expected = ['mdl same', 'xmile same', 'xmile→mdl same'];
    if (REFUSED[name]) expected.splice(1, 2, `xmile refused: cannot write as XMILE: ${REFUSED[name]} has no XMILE 1.0 function of the same meaning`);
    const as = REFUSED_AS[name];
    if (as?.leg === 'xmile') expected.splice(1, 2, `xmile refused: ${as.message}`);
    if (as?.leg === 'mdl') expected.splice(0, 3, `mdl refused: ${as.message}`, 'xmile same', `xmile→mdl refused: ${as.message}`);
    if (RENAMED[name]) expected[1] = `xmile differs: ${RENAMED[name]}`;
    if (NET_FLOWS[name]) expected[1] = `xmile same-plus-net-flows: ${NET_FLOWS[name]}`;
    expect(seen).toEqual(expected);
    for (const l of legs) {
      if (l.status !== 'refused') continue;
      expect(l.located && l.messageEs !== '' && l.messageEs !== l.message, l.message).toBe(true);
      expect(l.code, l.message).toBe(l.leg === 'xmile' ? 'E_XMILE_WRITE' : 'E_UNSUPPORTED');
    }
  }, 120_000);
});
