/**
 * XMILE's RANK stays refused by the .mdl writer, the message saying why no Vensim function is the same
 * (writer.ts RANK_WHY: XMILE 1.0 §3.7.1.3 against vensim.com fn_vector_rank and fn_vector_sort_order).
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { firstDiagnostic, xmileDoc } from '../xmile/test-support.js';
import { writeVensim } from './writer.js';

describe('XMILE RANK to .mdl', () => {
  it('is refused at the variable, in both languages, naming the inverse order, ties and dimensions', () => {
    const model = xmileDoc('<aux name="x"><dimensions><dim name="D"/></dimensions><eqn>3, 1, 2</eqn></aux><aux name="lowest at"><eqn>RANK(x[*], 1)</eqn></aux>', {
      dimensions: '<dim name="D"><elem name="a"/><elem name="b"/><elem name="c"/></dim>',
    });
    const d = firstDiagnostic(() => writeVensim(compileXmile(model, { file: 'rank.xmile' }).ir));
    expect([d.code, d.loc?.file]).toEqual(['E_UNSUPPORTED', 'rank.xmile']);
    expect(d.message).toMatch(/^lowest at uses RANK, which Vensim has no function for: /);
    expect(d.message).toMatch(/inverse order/);
    expect(d.message).toMatch(/orders tied values arbitrarily \(vensim\.com fn_vector_rank\)/);
    expect(d.message).toMatch(/only along the last subscript/);
    expect(d.messageEs).toMatch(/^lowest at usa RANK, para lo cual Vensim no tiene función: /);
    expect(d.messageEs).toMatch(/empatados de forma arbitraria/);
  });
});
