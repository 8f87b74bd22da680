/** JSON spec files: reading with line/column on syntax errors, and typed field access by path. */
import { readFileSync } from 'node:fs';
import { InputError, type BilingualText } from '../sd/ir/diagnostics.js';
import { jsonErrorOffset } from './json-error.js';

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(path, { en: `cannot read spec file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, es: `no se puede leer el archivo de especificación (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(text);
    if (offset !== null) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end of text';
      throw new InputError(`${path}:${line}:${column}`, { en: `invalid JSON (${found})`, es: `JSON no válido (${found})` });
    }
    throw new InputError(path, { en: `invalid JSON (${msg})`, es: `JSON no válido (${msg})` });
  }
}

/** A JSON value with the path that leads to it, for messages like `spec.json: parameters[1].lo`. */
export class Field {
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}

  get where(): string {
    return this.path;
  }

  fail(message: BilingualText): never {
    throw new InputError(this.path, message);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail({ en: 'must be an object', es: 'debe ser un objeto' });
    return this.value as Record<string, unknown>;
  }

  get(key: string): Field {
    const sep = this.path.endsWith(': ') || this.path === '' ? '' : '.';
    return new Field(this.object()[key], `${this.path}${sep}${key}`);
  }

  /** Fails on keys not listed, to catch misspelt options. */
  only(keys: string[]): void {
    for (const k of Object.keys(this.object())) {
      if (!keys.includes(k)) this.get(k).fail({ en: `unknown field (expected one of ${keys.join(', ')})`, es: `campo desconocido (se espera uno de ${keys.join(', ')})` });
    }
  }

  items(): Field[] {
    if (!Array.isArray(this.value)) this.fail({ en: 'must be an array', es: 'debe ser una lista' });
    return (this.value as unknown[]).map((v, i) => new Field(v, `${this.path}[${i}]`));
  }

  entries(): [string, Field][] {
    return Object.keys(this.object()).map((k) => [k, this.get(k)]);
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail({ en: 'must be a finite number', es: 'debe ser un número finito' });
    return this.value as number;
  }

  integer(min = 0): number {
    const v = this.number();
    if (!Number.isInteger(v) || v < min) this.fail({ en: `must be a whole number >= ${min}`, es: `debe ser un número entero >= ${min}` });
    return v;
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail({ en: 'must be a string', es: 'debe ser un texto' });
    return this.value as string;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail({ en: 'must be true or false', es: 'debe ser true o false' });
    return this.value as boolean;
  }

  optional<T>(read: (f: Field) => T): T | undefined {
    return this.present ? read(this) : undefined;
  }
}

/** The root field of a spec file read from `path`. */
export function specRoot(path: string): Field {
  return new Field(readJsonFile(path), `${path}: `);
}

/** Reads `time: { start, end, dt, saveper, method }` run settings. */
export function readTimeSettings(f: Field): { start?: number; end?: number; dt?: number; saveper?: number; method?: 'euler' | 'rk2' | 'rk4' } {
  if (!f.present) return {};
  f.only(['start', 'end', 'dt', 'saveper', 'method']);
  const method = f.get('method').optional((m) => m.string());
  if (method !== undefined && !['euler', 'rk2', 'rk4'].includes(method)) f.get('method').fail({ en: 'must be euler, rk2 or rk4', es: 'debe ser euler, rk2 o rk4' });
  const out: ReturnType<typeof readTimeSettings> = {};
  for (const key of ['start', 'end', 'dt', 'saveper'] as const) {
    const v = f.get(key).optional((x) => x.number());
    if (v !== undefined) out[key] = v;
  }
  if (method) out.method = method as 'euler' | 'rk2' | 'rk4';
  return out;
}
