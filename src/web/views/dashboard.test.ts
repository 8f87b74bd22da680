/**
 * The dashboard's target statuses: badges in words (English and Spanish), the band's verdict when
 * the band is current, and the sentence that says which basis the statuses use. The page's DOM is
 * replaced by a minimal element tree (the tests run in Node without a browser).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../app-state.js';
import { setLang } from '../i18n.js';
import type { Indicator } from '../indicators.js';
import type { BandResult } from '../model/ensemble-bands.js';
import { basisNote, renderDashboard, statusBadge, statusText } from './dashboard.js';

class FakeNode {
  children: (FakeNode | string)[] = [];
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
}
class FakeElement extends FakeNode {
  attributes = new Map<string, string>();
  constructor(readonly tagName: string) {
    super();
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, v);
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  append(c: FakeNode | string): void {
    this.children.push(c);
  }
  addEventListener(): void {}
  /** Descendants with a class, depth first. */
  all(cls: string): FakeElement[] {
    const own = (this.getAttribute('class') ?? '').split(' ').includes(cls) ? [this] : [];
    return [...own, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all(cls) : []))];
  }
  /** Descendants with a tag name, depth first. */
  byTag(tag: string): FakeElement[] {
    const own = this.tagName === tag ? [this] : [];
    return [...own, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.byTag(tag) : []))];
  }
}

const g = globalThis as unknown as Record<string, unknown>;
const saved = { Node: g.Node, document: g.document };
beforeAll(() => {
  g.Node = FakeNode;
  g.document = { createElement: (tag: string) => new FakeElement(tag) };
});
afterAll(() => Object.assign(g, saved));
afterEach(() => setLang('en'));

const ghg: Indicator = {
  name: 'Total GHG Emissions',
  sdg: '13.2',
  targets: [
    { year: 2030, value: 208.8, direction: 'max' },
    { year: 2030, value: 179, direction: 'max', label: { en: 'NDC conditional', es: 'NDC condicional' } },
  ],
};
const series = (v: number) => ({ time: Float64Array.of(2020, 2030, 2050), names: [ghg.name], series: [Float64Array.of(v, v, v)], ms: 1 });
const flat = (v: number) => [Float64Array.of(v, v, v)];
/** A 5-95 % band of 200 runs from 190 to 215 with narrow sampling intervals. */
const band: BandResult = {
  time: Float64Array.of(2020, 2030, 2050),
  names: [ghg.name],
  low: flat(190),
  high: flat(215),
  lowFrom: flat(189),
  lowTo: flat(191),
  highFrom: flat(214),
  highTo: flat(216),
  runs: 200,
  percentiles: [5, 95],
};

function fakeApp(o: { bandsCurrent?: BandResult; bandsOn?: boolean; bandsError?: string; bandsAvailable?: boolean } = {}): AppState {
  return {
    indicators: [ghg],
    baseline: series(230),
    current: series(200),
    formatValue: (_n: string, v: number) => String(v),
    displayName: (n: string) => n,
    displayUnits: () => 'MtCO2e',
    bandsOn: false,
    bandsAvailable: true,
    ...o,
  } as unknown as AppState;
}

const badges = (el: HTMLElement) => (el as unknown as FakeElement).all('badge').map((b) => b.textContent);
const note = (el: HTMLElement) => (el as unknown as FakeElement).all('verdict-basis').map((b) => b.textContent);

describe('status badges', () => {
  it('say the verdict in words, with "on the edge" and a class besides the colour', () => {
    const b = statusBadge({ verdict: 'uncertain', edge: true }) as unknown as FakeElement;
    expect(b.textContent).toBe('? Uncertain · on the edge');
    expect(b.getAttribute('class')).toBe('badge uncertain edge');
    expect(b.getAttribute('title')).toMatch(/sampling error/);
    expect(statusText({ verdict: 'met', edge: false })).toBe('✓ Met');
    expect(statusText({ verdict: 'missed', edge: false }, true, false)).toBe('Not met (central run)');
    expect(statusText({ verdict: undefined, edge: false })).toBe('—');
  });

  it('speak Spanish', () => {
    setLang('es');
    expect(statusText({ verdict: 'uncertain', edge: true })).toBe('? Incierto · en el límite');
    expect(statusText({ verdict: 'missed', edge: false }, true)).toBe('✗ No cumple (corrida central)');
    expect(statusText({ verdict: 'met', edge: false })).toBe('✓ Cumple');
  });
});

describe('dashboard verdicts', () => {
  it('judge from the central run when the band is off, and say so', () => {
    const el = renderDashboard(fakeApp());
    // Central run 200: under the 208.8 cap, over the 179 one.
    expect(badges(el)).toEqual(['✓ Met', '✗ Not met']);
    expect(note(el)).toEqual([`Status from the central run only; uncertainty is not taken into account. Switch on the uncertainty band for a status that accounts for it.`]);
  });

  it('judge from the band when it is current: a central run under the cap is only "uncertain" when the band straddles it', () => {
    const el = renderDashboard(fakeApp({ bandsOn: true, bandsCurrent: band }));
    expect(badges(el)).toEqual(['? Uncertain', '✗ Not met']);
    expect(note(el)[0]).toMatch(/^Status from the 5–95% band of 200 runs at the target year/);
    const basis = (el as unknown as FakeElement).all('verdict-basis')[0]!;
    expect(basis.getAttribute('id')).toBeTruthy();
    expect((el as unknown as FakeElement).byTag('table')[0]!.getAttribute('aria-describedby')).toBe(basis.getAttribute('id'));
  });

  it('flag the edge when a cap lies inside a deciding percentile\'s sampling interval, in Spanish too', () => {
    setLang('es');
    const edgy = { ...band, high: flat(208), highFrom: flat(207), highTo: flat(209.5) };
    const el = renderDashboard(fakeApp({ bandsOn: true, bandsCurrent: edgy }));
    expect(badges(el)).toEqual(['✓ Cumple · en el límite', '✗ No cumple']);
    expect(note(el)[0]).toMatch(/^Estado según la banda 5–95 % de 200 corridas/);
  });

  it('fall back to the central run, labelled, while the band is computed or after it failed', () => {
    expect(basisNote(fakeApp({ bandsOn: true }))).toBe('Status from the central run while the uncertainty band is being computed.');
    expect(basisNote(fakeApp({ bandsOn: true, bandsError: 'boom' }))).toMatch(/^Status from the central run only/);
    expect(basisNote(fakeApp({ bandsAvailable: false }))).toBe('Status from the central run only; uncertainty is not taken into account.');
    expect(badges(renderDashboard(fakeApp({ bandsOn: true })))).toEqual(['✓ Met', '✗ Not met']);
  });
});
