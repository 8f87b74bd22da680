/**
 * Vensim names ignore case, treat `_` as a space and collapse runs of white space;
 * a quoted name is the same variable as the unquoted one with the same characters.
 * Every lookup in the engine goes through `canonicalName`.
 */
export function canonicalName(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    s = s.slice(1, -1).replace(/\\"/g, '"');
  }
  return s.replace(/\\\s*\n/g, ' ').replace(/[_\s]+/g, ' ').trim().toLowerCase();
}

/** The name as a user reads it: quotes removed, white space collapsed, case kept. */
export function displayName(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    s = s.slice(1, -1).replace(/\\"/g, '"');
  }
  return s.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Function names: upper case, single spaces, `_` as space (`if_then_else` = `IF THEN ELSE`). */
export function canonicalFunction(raw: string): string {
  return raw.replace(/[_\s]+/g, ' ').trim().toUpperCase();
}

/** Canonical form of an output column: `name` or `name[e1,e2]` with each part canonical. */
export function canonicalColumn(name: string): string {
  const b = name.indexOf('[');
  if (b < 0) return canonicalName(name);
  const inner = name.slice(b + 1, name.lastIndexOf(']'));
  return `${canonicalName(name.slice(0, b))}[${inner.split(',').map((s) => canonicalName(s)).join(',')}]`;
}
