/**
 * Vensim names ignore case, treat `_` as a space and collapse runs of white space;
 * a quoted name is the same variable as the unquoted one with the same characters.
 * Every lookup in the engine goes through `canonicalName`.
 */
export function canonicalName(raw: string): string {
  if (isPlain(raw)) return raw.toLowerCase();
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    s = s.slice(1, -1).replace(/\\"/g, '"');
  }
  return s.replace(/\\\s*\n/g, ' ').replace(/[_\s]+/g, ' ').trim().toLowerCase();
}

/** The name as a user reads it: quotes removed, white space collapsed, case kept. */
export function displayName(raw: string): string {
  if (isPlain(raw)) return raw;
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    s = s.slice(1, -1).replace(/\\"/g, '"');
  }
  return s.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Function names: upper case, single spaces, `_` as space (`if_then_else` = `IF THEN ELSE`). */
export function canonicalFunction(raw: string): string {
  if (isPlain(raw)) return raw.toUpperCase();
  return raw.replace(/[_\s]+/g, ' ').trim().toUpperCase();
}

/**
 * True when the regular expressions above would change nothing but case: no quotes, backslashes or
 * underscores, and white space only as single interior spaces. Most names in a model are written
 * so, and a 70,000-variable model asks for tens of thousands of them.
 */
function isPlain(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || raw.charCodeAt(i + 1) === 32) return false;
    } else if (c < 32 || c === 34 || c === 92 || c === 95) {
      return false;
    } else if (c >= 127 && (c === 127 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) {
      return false;
    }
  }
  return true;
}

/** Canonical form of an output column: `name` or `name[e1,e2]` with each part canonical. */
export function canonicalColumn(name: string): string {
  const b = name.indexOf('[');
  if (b < 0) return canonicalName(name);
  if (isPlainColumn(name, b)) return name.toLowerCase();
  const inner = name.slice(b + 1, name.lastIndexOf(']'));
  return `${canonicalName(name.slice(0, b))}[${inner.split(',').map((s) => canonicalName(s)).join(',')}]`;
}

/**
 * True when canonicalColumn's parts rules would change nothing but case: ASCII only (so lower-casing
 * the whole equals lower-casing each part), ending in its one closing `]`, plain by isPlain's rules,
 * and no space beside a part boundary (the first `[`, a `,` inside the brackets, the last `]`).
 * Output names (`Name[e1,e2]`, 70,000 of them in a large model) are written so.
 */
function isPlainColumn(name: string, open: number): boolean {
  const n = name.length;
  if (name.charCodeAt(n - 1) !== 93) return false;
  const boundary = (i: number) => i === open || i === n - 1 || (i > open && name.charCodeAt(i) === 44);
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 127 || c < 32 || c === 34 || c === 92 || c === 95) return false;
    if (c === 32 && (i === 0 || i === n - 1 || name.charCodeAt(i + 1) === 32 || boundary(i - 1) || boundary(i + 1))) return false;
  }
  return true;
}
