/**
 * Names are matched as Vensim matches them: case does not matter, `_` is a space, runs of white
 * space count as one, surrounding quotes are dropped, and spaces next to subscript brackets and
 * commas are ignored (`Pop[ A , B ]` is `pop[a,b]`).
 */
export function nameKey(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  return s
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*([[\],])\s*/g, '$1')
    .trim()
    .toLowerCase();
}

/** A lookup from names (any spelling Vensim accepts) to values. */
export class NameTable<T> {
  private readonly map = new Map<string, T>();
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [name, value] of entries) {
      const key = nameKey(name);
      if (!this.map.has(key)) this.map.set(key, value);
    }
  }
  get(name: string): T | undefined {
    return this.map.get(nameKey(name));
  }
  has(name: string): boolean {
    return this.map.has(nameKey(name));
  }
}
