/**
 * Vensim's .dat data format (Vensim reference, "DAT format"): each series starts with a line
 * holding the variable name (with optional subscripts, an optional `<TIME BASE>` and an optional
 * comment after `/`), followed by lines of time and value, each optionally followed by a
 * comment. A name that appears again adds to its series. Browser-safe: text in, series out.
 */
import { ModelError } from '../ir/diagnostics.js';

export interface DatSeries {
  times: number[];
  values: number[];
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})[\s,;]+(${NUMBER})(?:\s|$)`);

/** Series by the name as written (quotes and comments removed, white space collapsed). */
export function parseDatFile(text: string, file: string): Map<string, DatSeries> {
  const out = new Map<string, DatSeries>();
  let current: DatSeries | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const pair = PAIR.exec(line);
    if (pair) {
      if (!current) throw ModelError.at('E_DATA', { en: 'a time and value come before any variable name', es: 'aparecen un tiempo y un valor antes de cualquier nombre de variable' }, { file, line: i + 1, column: 1 });
      current.times.push(Number(pair[1]));
      current.values.push(Number(pair[2]));
      return;
    }
    const name = line.split('/')[0]!.replace(/<[^>]*>/g, '').replace(/"/g, '').replace(/\s+/g, ' ').trim();
    if (name === '') throw ModelError.at('E_DATA', { en: 'expected a variable name or a time and a value', es: 'se esperaba un nombre de variable, o un tiempo y un valor' }, { file, line: i + 1, column: 1 });
    current = out.get(name) ?? { times: [], values: [] };
    out.set(name, current);
  });
  // Repeated names combine into one series, in time order.
  for (const s of out.values()) {
    const order = s.times.map((_, k) => k).sort((a, b) => s.times[a]! - s.times[b]!);
    s.times = order.map((k) => s.times[k]!);
    s.values = order.map((k) => s.values[k]!);
  }
  return out;
}
