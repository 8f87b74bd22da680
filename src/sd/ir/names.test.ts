/** The fast path of the name functions agrees with their full rules on every kind of name. */
import { describe, expect, it } from 'vitest';
import { canonicalColumn, canonicalFunction, canonicalName, displayName } from './names.js';

/** The rules as written before the fast path: the reference the fast path must match. */
function canonicalSlow(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/\\"/g, '"');
  return s.replace(/\\\s*\n/g, ' ').replace(/[_\s]+/g, ' ').trim().toLowerCase();
}

function displaySlow(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/\\"/g, '"');
  return s.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('canonicalName and displayName', () => {
  const samples = [
    'Population', 'total population', 'Total  Population', ' Total Population', 'Total Population ', 'total_population',
    'Total\tPopulation', 'Total\nPopulation', '"Quoted Name"', '"a \\"b\\""', 'a\\\n  b', 'Año Base', 'Tasa de Interés',
    'x\u00a0y', 'x\u2003y', 'x\u3000y', 'x\ufeffy', 'x\u0085y', 'ÇA', 'İstanbul', 'a$', 'TIME STEP$', '', ' ', '_', 'a-b', 'a*b', 'x[y]', 'r1',
  ];
  it('give what the full rules give', () => {
    for (const raw of samples) {
      expect(canonicalName(raw), JSON.stringify(raw)).toBe(canonicalSlow(raw));
      expect(displayName(raw), JSON.stringify(raw)).toBe(displaySlow(raw));
      expect(canonicalFunction(raw), JSON.stringify(raw)).toBe(raw.replace(/[_\s]+/g, ' ').trim().toUpperCase());
    }
  });
  it('agree on random names from a small alphabet of the characters that matter', () => {
    const alphabet = ['a', 'B', ' ', ' ', '_', '"', '\\', '\n', '\t', '\u00a0', 'é', '1'];
    let seed = 12345;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 5000; k++) {
      const raw = Array.from({ length: 1 + rand(8) }, () => alphabet[rand(alphabet.length)]).join('');
      expect(canonicalName(raw), JSON.stringify(raw)).toBe(canonicalSlow(raw));
      expect(displayName(raw), JSON.stringify(raw)).toBe(displaySlow(raw));
      expect(canonicalFunction(raw), JSON.stringify(raw)).toBe(raw.replace(/[_\s]+/g, ' ').trim().toUpperCase());
    }
  });
  it('canonicalColumn keeps its element parts canonical', () => {
    expect(canonicalColumn('Stock Level[Region A, Coal]')).toBe('stock level[region a,coal]');
  });
  it('canonicalColumn agrees with its rules part by part on random columns', () => {
    const slow = (name: string) => {
      const b = name.indexOf('[');
      if (b < 0) return canonicalSlow(name);
      const inner = name.slice(b + 1, name.lastIndexOf(']'));
      return `${canonicalSlow(name.slice(0, b))}[${inner.split(',').map(canonicalSlow).join(',')}]`;
    };
    const alphabet = ['a', 'B', ' ', ' ', '[', ']', ',', ',', '_', '"', '\\', '\t', 'é', 'Σ', '1'];
    let seed = 777;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (const raw of ['Stock Level[Region A,Coal]', 'a[b]', 'a[ b]', 'a [b]', 'a[b ]', 'a[b, c]', 'a[b ,c]', 'a[b]c', 'a[b', 'a[b]c]', 'a[[b]', 'x[]', '[x]']) {
      expect(canonicalColumn(raw), JSON.stringify(raw)).toBe(slow(raw));
    }
    for (let k = 0; k < 5000; k++) {
      const raw = Array.from({ length: 1 + rand(10) }, () => alphabet[rand(alphabet.length)]).join('');
      expect(canonicalColumn(raw), JSON.stringify(raw)).toBe(slow(raw));
    }
  });
});
