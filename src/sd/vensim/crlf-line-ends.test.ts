/**
 * readVensim reads CR LF text without first rewriting it to LF (reader.ts): the model it gives
 * back, locations included, must be the one the LF text gives, and so must its errors.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { readVensim } from './reader.js';

const MODEL = [
  '{UTF-8}',
  ':MACRO: DOUBLE(a)',
  'DOUBLE = 2 * a ~~|',
  ':END OF MACRO:',
  'd: (a1-a3), b -> e ~~|',
  'e: e1, e2, e3, e4 ~~|',
  '********************************************************',
  '\t.Population and its \\',
  '\t\tgrowth',
  '********************************************************~',
  '\tThe group\'s doc.',
  '\t|',
  '',
  'very long \\',
  '\t\tname with continuation[d] = DOUBLE(3) + x[d] * \\',
  '\t\t"quoted \\"name\\""',
  '\t\t+ 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10',
  '\t\t+ 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19',
  '\t~\tpersons/Year [0,10,0.5]',
  '\t~\tBirths each year,\\',
  '\t\tover two lines   with  runs.',
  '\t|',
  '',
  'x[d] = 1, 2, 3, 4 ~~|',
  '"quoted \\"name\\"" = TABBED ARRAY(',
  '\t1\t2',
  '\t3\t4) ~ ~ |',
  't( [(0,0)-(2,2)], (0,0), (1,2), (2,1) ) ~~|',
  "g = GET DIRECT CONSTANTS('in puts.xlsx', 'Sheet', 'B2') ~ u ~ A doc {not a comment} |",
  "s = GET DIRECT DATA('two",
  "lines.csv', ',', 'A', 'B2') ~~|",
  'w = WITH LOOKUP(x[b], ((0,1),(5,6))) ~~ flags ~|',
  '',
  '\\\\\\---/// Sketch information - do not modify anything except names',
  'V300  Do not put anything below this section - it will be ignored',
  '*View 1',
  '$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0',
  '///---\\\\\\',
  ':L<%^E!@',
  '1:Current.vdfx',
  '',
];

const lf = MODEL.join('\n');
const crlf = MODEL.join('\r\n');

/** The error a text gives, as what a user sees: message and location. */
function errorOf(text: string, limits?: Parameters<typeof readVensim>[2]): unknown {
  try {
    readVensim(text, 'm.mdl', limits);
  } catch (e) {
    if (e instanceof ModelError) return e.diagnostics;
    throw e;
  }
  return undefined;
}

describe('CR LF line ends', () => {
  it('give the model LF text gives, locations, names, documentation, strings and sketch included', () => {
    const fromLf = readVensim(lf, 'm.mdl');
    expect(fromLf.equations.length).toBeGreaterThan(6);
    expect(readVensim(crlf, 'm.mdl')).toEqual(fromLf);
    // A byte-order mark and bare CR line ends (old Mac files) read the same too.
    expect(readVensim('\uFEFF' + crlf, 'm.mdl')).toEqual(fromLf);
    expect(readVensim(MODEL.join('\r'), 'm.mdl')).toEqual(fromLf);
    const s = fromLf.equations.find((e) => e.lhs.name === 's')!;
    expect(s.expr).toMatchObject({ kind: 'call', fn: 'GET DIRECT DATA' });
    expect((s.expr as Extract<Expr, { kind: 'call' }>).args[0]).toEqual({ kind: 'str', value: 'two\nlines.csv', loc: { file: 'm.mdl', line: 30, column: 21 } });
    expect(fromLf.sketch).not.toContain('\r');
  });

  it('give the same errors at the same line and column', () => {
    const broken = [...MODEL];
    const after = broken.indexOf('\t3\t4) ~ ~ |') + 1;
    broken.splice(after, 0, 'bad = 3 + * 2 ~~|');
    const lfError = errorOf(broken.join('\n'));
    expect(lfError).toMatchObject([{ code: 'E_SYNTAX', loc: { file: 'm.mdl', line: after + 1, column: 11 } }]);
    expect(errorOf(broken.join('\r\n'))).toEqual(lfError);
    // A string over a line end where a ',' should be: the error is placed from the string's length.
    const entry = MODEL.indexOf('x[d] = 1, 2, 3, 4 ~~|');
    const stray = [...MODEL.slice(0, entry), "bad2 = MAX(3 '", "two lines') ~~|", ...MODEL.slice(entry)];
    const strayError = errorOf(stray.join('\n'));
    expect(strayError).toMatchObject([{ code: 'E_SYNTAX', loc: { line: entry + 1, column: 14 } }]);
    expect(errorOf(stray.join('\r\n'))).toEqual(strayError);
    const unclosed = [...MODEL.slice(0, entry), 'y = 1 ~ u ~ never closed'];
    expect(errorOf(unclosed.join('\r\n'))).toEqual(errorOf(unclosed.join('\n')));
  });

  it('count an equation’s length without the CRs, as the LF text is counted', () => {
    // The longest equation, `very long name…`, runs over four lines: CR LF text has three more characters.
    const at = (text: string, max: number) => errorOf(text, { maxEquationLength: max });
    let limit = 0;
    while (at(lf, limit) !== undefined) limit++;
    expect(limit).toBeGreaterThan(50);
    expect(at(crlf, limit)).toBeUndefined();
    expect(at(crlf, limit - 1)).toEqual(at(lf, limit - 1));
    expect(at(crlf, limit - 1)).toMatchObject([{ code: 'E_LIMIT_LENGTH' }]);
  });
});

const SUITE = join(process.cwd(), '..', 'shared', 'sd-test-models', 'tests');
const models = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? models(p) : n.endsWith('.mdl') ? [p] : [];
  });

describe.skipIf(!existsSync(SUITE))('CR LF line ends on the Vensim test suite (../shared/sd-test-models)', () => {
  it('give each model the IR its LF text gives, or the same error', () => {
    let read = 0;
    for (const path of models(SUITE)) {
      const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
      const outcome = (t: string) => {
        try {
          return readVensim(t, path);
        } catch (e) {
          return e instanceof ModelError ? e.diagnostics : String(e);
        }
      };
      const fromLf = outcome(text);
      expect(outcome(text.replace(/\n/g, '\r\n')), path).toEqual(fromLf);
      read++;
    }
    expect(read).toBeGreaterThan(100);
  });
});
