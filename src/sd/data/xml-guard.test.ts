import { describe, expect, it } from 'vitest';
import { XmlGuard } from './xml-guard.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Feeds `xml` in chunks of `size` bytes (names and attributes split across chunks). */
function scan(xml: string, size: number, maxDepth = 100, maxRun = 1000) {
  const g = new XmlGuard(maxDepth, maxRun);
  const b = bytes(xml);
  for (let i = 0; i < b.length; i += size) {
    const hit = g.push(b.subarray(i, i + size));
    if (hit) return { hit, stats: g.stats };
  }
  return { hit: undefined, stats: g.stats };
}

describe('XmlGuard', () => {
  it('counts elements whose local name is c, with or without a prefix, and no others', () => {
    const xml = '<?xml version="1.0"?><x:sheetData><row r="1"><c r="A1"><v>1</v></c><x:c r="B1"/><col/><cc/><a:b:c/><c\tr="C1"></c></row></x:sheetData>';
    for (const size of [1, 2, 3, 7, xml.length]) expect(scan(xml, size).stats.cells).toBe(3);
  });

  it('counts an ODS cell once per repeated column and row, and a cell without a value not at all', () => {
    const row = '<table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="float" table:number-columns-repeated="2"/><table:table-cell/></table:table-row>';
    const xml = `<table:table>${row}<table:table-row><table:table-cell office:value-type="string"/></table:table-row></table:table>`;
    for (const size of [1, 5, 13, xml.length]) expect(scan(xml, size).stats.cells).toBe(7);
  });

  it('reads only the first 40 characters of a name, as before', () => {
    const long = `${'n'.repeat(39)}:c`; // the colon is the 40th character: the name read is 'nnn…:'
    expect(scan(`<${long}/>`, 4).stats.cells).toBe(0);
    expect(scan(`<${'n'.repeat(38)}:c/>`, 4).stats.cells).toBe(1);
  });

  it('reports the depth and a run over the limits', () => {
    expect(scan('<a><b><c><d/></c></b></a>', 3, 2).hit).toEqual({ kind: 'depth', value: 3 });
    expect(scan(`<a>${'x'.repeat(50)}</a>`, 8, 10, 20).hit).toEqual({ kind: 'text', value: 21 });
    expect(scan('<a><b/><c/></a>', 2, 1).hit).toBeUndefined();
  });
});
