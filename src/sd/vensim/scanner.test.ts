/**
 * Quoted names and number tokens of the Vensim scanner. A quote inside a quoted text is written
 * with a backslash before it, `\"` (vensim.com/documentation/24735.html); the expected tokens below
 * are worked out by hand from that rule.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { Scanner, type Token } from './scanner.js';

function tokens(text: string): Token[] {
  const s = new Scanner(text, 'm.mdl');
  const out: Token[] = [];
  for (let t = s.next(); t.kind !== 'eof'; t = s.next()) out.push(t);
  return out;
}

describe('Vensim scanner', () => {
  it('ends a quoted name at the first quote without a backslash before it', () => {
    expect(tokens('"a b" + 1').map((t) => t.text)).toEqual(['"a b"', '+', '1']);
    expect(tokens('"a\\"b" * 2').map((t) => t.text)).toEqual(['"a\\"b"', '*', '2']);
    expect(tokens('"\\"" x').map((t) => t.text)).toEqual(['"\\""', 'x']);
    // The backslash escapes the second quote, so the name runs to the third one.
    expect(tokens('"a\\" + "').map((t) => t.text)).toEqual(['"a\\" + "']);
  });

  it('gives the place of a quoted name that is never closed', () => {
    let err: unknown;
    try {
      tokens('x + "a\\"');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    expect(d.message).toBe('quoted name is never closed');
    expect(d.loc?.column).toBe(5);
  });

  it('gives every kind of token the same four fields', () => {
    const kinds = tokens('"q" \'s\' 2.5 :AND: name + ').map((t) => [t.kind, Object.keys(t).join(',')]);
    expect(kinds).toEqual([
      ['qname', 'kind,text,loc,end'],
      ['str', 'kind,text,loc,end'],
      ['num', 'kind,text,loc,end'],
      ['kw', 'kind,text,loc,end'],
      ['name', 'kind,text,loc,end'],
      ['op', 'kind,text,loc,end'],
    ]);
  });
});
