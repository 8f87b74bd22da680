import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShared, encodeShared, shareUrl } from './share-link.js';

describe('share links', () => {
  it('round-trips any names and finite values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))), fc.string({ minLength: 1 }), (params, model) => {
        const back = decodeShared(encodeShared({ model, params }));
        expect(back.model).toBe(model);
        expect(back.params).toEqual(params);
      }),
    );
  });

  it('keeps subscripted names, accents and spaces', () => {
    const params = { 'carbon tax': 50, 'Tasa de reforestación[Amazonía,2030]': 0.25 };
    const url = shareUrl('http://localhost:8080/#/scenarios', { model: 'peru', params });
    expect(url.startsWith('http://localhost:8080/#/simulator?model=peru&p=')).toBe(true);
    expect(decodeShared(url.split('?')[1]!)).toEqual({ model: 'peru', params });
  });

  it('drops values that are not numbers and reports a damaged payload', () => {
    const q = 'p=' + btoa(JSON.stringify({ a: 1, b: 'x', c: null })).replace(/=+$/, '');
    expect(decodeShared(q).params).toEqual({ a: 1 });
    expect(() => decodeShared('p=%%%')).toThrow(/damaged/);
    expect(encodeShared({ params: {} })).toBe('');
  });
});
