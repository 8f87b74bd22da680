/**
 * FIND MARKET PRICE, DEMAND AT PRICE and SUPPLY AT PRICE as translations of Vensim models write
 * them in XMILE (FIND_MARKET_PRICE, …), read under Vensim's names and meaning like ALLOCATE_AVAILABLE
 * (functions.ts). The model is written for this test; its values are worked by hand below.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from './test-support.js';

/** A profile row (ptype, ppriority, pwidth, pextra) of element `el` of variable `v`. */
const row = (el: string, ptype: number, priority: number, width: number) =>
  [['ptype', ptype], ['ppriority', priority], ['pwidth', width], ['pextra', 0]].map(([f, n]) => `<element subscript="${el}, ${f}"><eqn>${n}</eqn></element>`).join('');

const DIMENSIONS =
  '<dim name="D"><elem name="d1"/><elem name="d2"/></dim><dim name="S"><elem name="s1"/></dim>' +
  '<dim name="P"><elem name="ptype"/><elem name="ppriority"/><elem name="pwidth"/><elem name="pextra"/></dim>';

const market = (findMarketPrice: string) =>
  xmileDoc(
    `<aux name="dq"><dimensions><dim name="D"/></dimensions><element subscript="d1"><eqn>100</eqn></element><element subscript="d2"><eqn>50</eqn></element></aux>
     <aux name="dp"><dimensions><dim name="D"/><dim name="P"/></dimensions>${row('d1', 1, 10, 4)}${row('d2', 1, 8, 4)}</aux>
     <aux name="sq"><dimensions><dim name="S"/></dimensions><eqn>90</eqn></aux>
     <aux name="sp"><dimensions><dim name="S"/><dim name="P"/></dimensions>${row('s1', 1, 8, 4)}</aux>
     <aux name="price"><eqn>${findMarketPrice}</eqn></aux>
     <aux name="demanded"><dimensions><dim name="D"/></dimensions><eqn>DEMAND_AT_PRICE(dq[D], dp[D, ptype], price)</eqn></aux>
     <aux name="supplied"><dimensions><dim name="S"/></dimensions><eqn>Supply_At_Price(sq[S], sp[S, ptype], price)</eqn></aux>`,
    { stop: 0, dimensions: DIMENSIONS },
  );

describe('the market functions under their Vensim names in XMILE', () => {
  it('clear a market of rectangular curves at the hand-computed price', () => {
    const col = columnReader(compileXmile(market('FIND_MARKET_PRICE(dq[d1], dp[d1, ptype], sq[s1], sp[s1, ptype])'), { file: 'market.xmile' }).model.run());
    // Rectangular curves (ptype 1): demand share (ppriority − p)/pwidth + 1/2, supply share (p − ppriority)/pwidth + 1/2,
    // each within [0, 1]. For p in [8, 10]: demand 100(3 − p/4) + 50(2.5 − p/4) = 425 − 37.5p,
    // supply 90(p/4 − 1.5) = 22.5p − 135; equal at p = 560/60 = 28/3, where d1 takes 200/3, d2 25/3, s1 offers 75.
    expect(col('price')[0]).toBeCloseTo(28 / 3, 9);
    expect(col('demanded[d1]')[0]).toBeCloseTo(200 / 3, 9);
    expect(col('demanded[d2]')[0]).toBeCloseTo(25 / 3, 9);
    expect(col('supplied[s1]')[0]).toBeCloseTo(75, 9);
  });

  it('checks the sides as in .mdl: a side named by an element other than its first is refused, located', () => {
    expect(() => compileXmile(market('FIND_MARKET_PRICE(dq[d2], dp[d2, ptype], sq[s1], sp[s1, ptype])'), { file: 'market.xmile' })).toThrow(
      /market\.xmile:\d+:\d+: error E_ARGUMENT: price: FIND MARKET PRICE takes the demanders by the first element of their range, d1, not d2/,
    );
  });
});
