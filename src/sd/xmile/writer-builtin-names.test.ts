/** Variables named as an XMILE built-in read without parentheses (writer.ts xname): written quoted. */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { writeXmile } from './writer.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n';

describe('XMILE writer: variables named as a built-in read without parentheses', () => {
  it('quotes a variable named inf, pi or dt in equations, so it reads back as the variable', () => {
    const first = compileVensim(`inf = 0.25 ~~|\npi = 3 ~~|\ndt = 2 ~~|\ny = inf * pi + dt ~~|\n${CONTROL}`);
    const xml = writeXmile(first.ir);
    expect(xml).toContain('<eqn>&quot;inf&quot; * &quot;pi&quot; + &quot;dt&quot;</eqn>');
    expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  });
});
