/**
 * Reads a table of runs as Vensim exports it (.tab / .csv; also the suite's expected outputs):
 * CR, CRLF or LF line ends, quoted names, commas inside `[...]` in CSV headers, and either
 * orientation (times down, or one row per variable with times across).
 */
export interface RunTable {
  names: string[];
  time: number[];
  /** columns[j][i]: value of names[j] at time[i]; undefined where the cell is empty. */
  columns: (number | undefined)[][];
}

export function splitRow(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
      continue;
    }
    if (!quoted && ch === '[') depth++;
    if (!quoted && ch === ']') depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && ch === delimiter) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseRunTable(text: string, fileName: string): RunTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const delimiter = /\.csv$/i.test(fileName) ? ',' : '\t';
  const header = splitRow(lines[0]!, delimiter).map((h) => h.trim());
  let rows = lines.slice(1).map((l) => splitRow(l, delimiter));
  let names = header.slice(1);
  let time: number[];
  let columns: (number | undefined)[][];
  const num = (s: string | undefined): number | undefined => {
    if (s === undefined) return undefined;
    const t = s.trim();
    if (t === '') return undefined;
    const v = Number(t);
    return Number.isNaN(v) ? undefined : v;
  };
  if (/^time$/i.test(header[0]!) && header.slice(1).every((h) => !Number.isNaN(Number(h))) && header.length > 2) {
    // Transposed export: one row per variable, times across.
    time = header.slice(1).map(Number);
    names = rows.map((r) => r[0]!.trim());
    columns = rows.map((r) => r.slice(1).map(num));
  } else {
    rows = rows.filter((r) => num(r[0]) !== undefined);
    time = rows.map((r) => Number(r[0]));
    columns = names.map((_, j) => rows.map((r) => num(r[j + 1])));
  }
  return { names, time, columns };
}
