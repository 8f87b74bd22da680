import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { realityChecksLeftOut } from './reality-checks-left-out.js';
import { writeXmile } from './writer.js';

describe('reality checks and the XMILE writer', () => {
  it('leaves them out, with one warning in both languages at each entry', () => {
    const ir = readVensim('x = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\nno x :THE CONDITION: x = 0 :IMPLIES: x < 1 ~~|\n', 'm.mdl');
    expect(writeXmile(ir)).not.toContain('no x');
    const [w, ...more] = realityChecksLeftOut(ir);
    expect(more).toHaveLength(0);
    expect(w).toMatchObject({ severity: 'warning', code: 'W_XMILE_REALITY_CHECK', loc: { file: 'm.mdl', line: 6, column: 1 } });
    expect(w!.message).toContain('no x');
    expect(w!.messageEs).toContain('no x');
  });
});
