/**
 * Model interchange on the corpus of public models (corpus/): every model that runs is written as
 * .mdl and as XMILE, read again from its own folder and run, and the written XMILE is written as
 * .mdl. Each leg is identical, identical but for a generated '<stock> net flow' column (XMILE
 * needs a flow where a Vensim rate is an expression), or refused with a located bilingual message
 * (REFUSED below says why for each). Nothing may differ.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { corpusRoot, CORPUS_SIZE_LIMIT_BYTES, readCatalog, readStatus } from './corpus.js';
import { roundTripLegs } from './round-trip-legs.js';
import { statSync } from 'node:fs';

const root = corpusRoot();
const present = existsSync(join(root, 'catalog.json'));

/** Models whose XMILE leg the writer refuses, and the construct XMILE 1.0 has no word for. */
const REFUSED: Record<string, string> = {
  'sdmr-beer-game': 'A FUNCTION OF', // unused placeholder equations of the published model
  'nhs-service-pathway': 'LOOKUP EXTRAPOLATE', // a <gf type="extrapolate"> read as a call; not written back
  'sde-house-game': 'GAME',
  'sdmr-ithink-population': 'DERIVN', // a Stella function outside XMILE 1.0
};
/** Models whose XMILE carries generated net flows (rates that are expressions), every other value identical. */
const NET_FLOWS: Record<string, string> = {
  'freight-carbon-tax': 'Duration Below Margin Threshold net flow, Underlying Freight Activity net flow',
};

describe.skipIf(!present)('corpus round trip through the .mdl and XMILE writers', () => {
  const status = present ? readStatus(root) : {};
  const entries = present ? readCatalog(root).filter((e) => ['runs', 'match'].includes(status[e.name]?.status ?? '')) : [];

  it.each(entries.map((e) => [e.name, e] as const))('%s: every leg identical, or as recorded', (name, e) => {
    const dir = join(root, 'models', e.name);
    const path = join(dir, e.file);
    if (statSync(path).size > CORPUS_SIZE_LIMIT_BYTES) return;
    const read = (t: string) => loadModelWithDiagnostics(t, { allowNaN: true, baseDir: dir });
    const legs = roundTripLegs(loadModelWithDiagnostics(path, { allowNaN: true }), undefined, { mdl: read, xmile: read });
    const seen = legs.map((l) => `${l.leg} ${l.status}${l.status === 'refused' ? `: ${l.message}` : l.status === 'same' ? '' : `: ${l.detail}`}`);
    const expected = ['mdl same', 'xmile same', 'xmile→mdl same'];
    if (REFUSED[name]) expected.splice(1, 2, `xmile refused: cannot write as XMILE: ${REFUSED[name]} has no XMILE 1.0 function of the same meaning`);
    if (NET_FLOWS[name]) expected[1] = `xmile same-plus-net-flows: ${NET_FLOWS[name]}`;
    expect(seen).toEqual(expected);
    for (const l of legs) if (l.status === 'refused') expect(l.located && l.messageEs !== l.message, l.message).toBe(true);
  }, 120_000);
});
