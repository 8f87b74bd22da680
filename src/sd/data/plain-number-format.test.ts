/**
 * plainNumberFormat clears a format only when SheetJS's SSF also reads it as no date: on every
 * built-in it clears, on crafted plain and date formats, and on every custom format of the shared
 * workbooks when they are present. It must also clear the usual plain formats, or the direct reader
 * would load SSF for them as before.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { plainBuiltInFormat, plainNumberFormat } from './plain-number-format.js';

const ssfIsDate = (f: string): boolean => XLSX.SSF.is_date(f);

const PLAIN = ['General', '0', '0.00', '#,##0.000', '0.0%', '0.0E+00', '##0.0E+0', '# ?/?', '@', '0;(0)', '$#,##0', '0.00" units"', '0\\ "kg"',
  '_-* #,##0.00\\ _€_-;\\-* #,##0.00\\ _€_-;_-* \\-??\\ _€_-;_-@_-', '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)'];
const NOT_CLEARED = ['mm-dd-yy', 'd-mmm-yy', 'h:mm AM/PM', 'h:mm:ss', '[h]:mm:ss', 'mmss.0', 'yyyy', 'm/d/yy h:mm', 'dd/mm/yyyy', 'B2yyyy', 'e', 'ss',
  'general', '[Red]0.00', '[$-409]0.00', '0.00 "m"s', '0 d', 'mm:ss', '0:00', 'A/P', '"unclosed'];

describe('plain number formats', () => {
  it('clears plain formats, and SSF reads none of them as a date', () => {
    for (const f of PLAIN) {
      expect(plainNumberFormat(f), f).toBe(true);
      expect(ssfIsDate(f), f).toBe(false);
    }
  });

  it('leaves date, time, bracketed and unknown formats to SSF', () => {
    for (const f of NOT_CLEARED) expect(plainNumberFormat(f), f).toBe(false);
    // The crafted date formats are dates for SSF too (the list is not just letters).
    for (const f of ['mm-dd-yy', 'h:mm:ss', '[h]:mm:ss', 'yyyy', 'dd/mm/yyyy']) expect(ssfIsDate(f), f).toBe(true);
  });

  it('clears built-ins that SSF reads as no date, and no date built-in', () => {
    const table = XLSX.SSF.get_table() as Record<number, string | undefined>;
    let cleared = 0;
    for (let id = 0; id < 200; id++) {
      if (!plainBuiltInFormat(id)) continue;
      cleared++;
      const f = table[id];
      expect(typeof f === 'string' && ssfIsDate(f), `built-in ${id} ${f}`).toBe(false);
    }
    expect(cleared).toBeGreaterThan(10);
    for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]) expect(plainBuiltInFormat(id), String(id)).toBe(false);
  });

  it('clears only formats SSF reads as no date, over the shared workbooks', () => {
    const shared = ['../shared', '../../shared'].map((p) => resolve(process.cwd(), p)).find((p) => existsSync(p));
    if (!shared) return;
    const codes = new Set<string>();
    const walk = (d: string): void => {
      if (!existsSync(d)) return;
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.xls[xm]$/i.test(f)) {
          const styles = unzipSync(readFileSync(p), { filter: (e) => e.name === 'xl/styles.xml' })['xl/styles.xml'];
          if (!styles) continue;
          for (const m of strFromU8(styles).matchAll(/formatCode="([^"]*)"/g)) codes.add(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
        }
      }
    };
    walk(join(shared, 'sd-test-models'));
    walk(join(shared, 'bench-models'));
    for (const f of codes) if (plainNumberFormat(f)) expect(ssfIsDate(f), f).toBe(false);
  });
});
