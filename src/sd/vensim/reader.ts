/**
 * Reads a Vensim `.mdl` text into the model IR: equations, subscript ranges, macros, groups,
 * and the sketch and settings sections (kept verbatim).
 */
import { ModelError, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';
import { checkStandalone } from './standalone-functions.js';
import { checkNoXmileOnly } from './xmile-only-functions.js';
import { macroUsesBeforeDefinition } from './macro-order.js';
import { visitExpr } from '../ir/walk.js';
import type { DataInterpolation, DimensionDecl, DimensionMapping, Equation, EquationKind, EquationLhs, Expr, MacroDecl, ModelIR, RealityCheckDecl, SubscriptRef } from '../ir/model.js';
import { readRealityCheck } from './reality-check-entry.js';
import { checkEquationLength, checkExprDepth, checkRangeSize, resolveLimits, type ModelLimits } from '../ir/limits.js';
import { canonicalName, displayName } from '../ir/names.js';
import { describe, ExprParser } from './expr-parser.js';
import { CrInString, Scanner, type Token } from './scanner.js';

const SKETCH_MARK = /^\\{2,3}---\/\/\/.*$/m;
const SETTINGS_MARK = /^\/\/\/---\\\\\\.*$/m;

export function readVensim(source: string, file?: string, limits?: Partial<ModelLimits>): ModelIR {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // The equations are read with their CR LF line ends as they are: the scanner takes CR as white
  // space and LineIndex CR LF as one line end, so tokens, locations and the folded units and
  // documentation come out as from LF text (crlf-line-ends.test.ts), and a 1.4 MB model is not
  // copied whole by a regular expression first (a fifth of MEDEAS's cold parse). A bare CR (old
  // Mac files) ends a line for LineIndex but not for a backslash continuation, and a string
  // literal over a line end would keep its CR: such text is read as LF text, normalized whole as
  // before (the second, on meeting the string: CrInString). The sketch and settings are kept
  // with LF ends, as before.
  const text = /\r(?!\n)/.test(unmarked) ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const sketchAt = text.search(SKETCH_MARK);
  const equationsText = sketchAt >= 0 ? text.slice(0, sketchAt) : text;
  const restRaw = sketchAt >= 0 ? text.slice(sketchAt) : '';
  const rest = restRaw.includes('\r') ? restRaw.replace(/\r\n?/g, '\n') : restRaw;
  const settingsAt = rest.search(SETTINGS_MARK);
  const sketch = settingsAt >= 0 ? rest.slice(0, settingsAt) : rest;
  const settings = settingsAt >= 0 ? rest.slice(settingsAt) : '';

  const resolved = resolveLimits(limits);
  const read = (t: string) => new EntryReader(new Scanner(t, file), resolved).readAll();
  let model: ReadResult;
  try {
    model = read(equationsText);
  } catch (e) {
    if (!(e instanceof CrInString)) throw e;
    model = read(equationsText.replace(/\r\n?/g, '\n'));
  }
  // Only a file with reality checks gets the field: the IR of every other model is as before.
  const { realityChecks, ...rest2 } = model;
  return { file, ...rest2, sketch, settings, ...(realityChecks.length ? { realityChecks } : {}) };
}

interface ReadResult {
  equations: Equation[];
  dimensions: DimensionDecl[];
  macros: MacroDecl[];
  groups: string[];
  realityChecks: RealityCheckDecl[];
  warnings?: Diagnostic[];
}

class EntryReader {
  private readonly p: ExprParser;
  private group: string | undefined;
  /** Macros declared so far: a call to one named as an XMILE-only function is the macro's (xmile-only-functions.ts). */
  private readonly macroNames = new Set<string>();
  /** Calls `name(...)` read while `name` was not yet a declared macro (macro-order.ts). */
  private readonly earlyCalls: Extract<Expr, { kind: 'apply' }>[] = [];

  constructor(
    private readonly s: Scanner,
    private readonly limits: ModelLimits,
  ) {
    this.p = new ExprParser(s, limits);
  }

  readAll(): ReadResult {
    const out: ReadResult = { equations: [], dimensions: [], macros: [], groups: [], realityChecks: [] };
    let macro: MacroDecl | undefined;
    for (;;) {
      this.s.skipTrivia();
      if (this.s.atEnd()) break;
      // `.Name :` (or `.Name`) then `~ ~ |`: the group entry that XMILE-to-Vensim converters
      // write; no variable name starts with a period, so it cannot be an equation.
      const c0 = this.s.text[this.s.pos];
      if (c0 === '*' || c0 === '.') {
        const g = c0 === '*' ? this.readGroup() : this.readDotGroup();
        if (g) {
          this.group = g;
          out.groups.push(g);
        }
        continue;
      }
      const t = this.s.peek();
      if (t.kind === 'kw' && t.text === 'MACRO') {
        if (macro) throw this.s.error('E_MACRO', { en: 'a macro cannot be defined inside another macro', es: 'no se puede definir una macro dentro de otra macro' });
        this.s.next();
        macro = this.readMacroHeader(t.loc);
        continue;
      }
      if (t.kind === 'kw' && t.text === 'END OF MACRO') {
        this.s.next();
        if (!macro) throw this.s.error('E_MACRO', { en: ':END OF MACRO: without :MACRO:', es: ':END OF MACRO: sin :MACRO:' });
        out.macros.push(macro);
        macro = undefined;
        continue;
      }
      const entry = this.readEntry();
      if (!entry) continue;
      if ('check' in entry) out.realityChecks.push(entry);
      else if ('members' in entry) out.dimensions.push(entry);
      else (macro ? macro.equations : out.equations).push(entry);
    }
    if (macro) throw ModelError.at('E_MACRO', { en: `macro ${macro.name} has no :END OF MACRO:`, es: `la macro ${macro.name} no tiene :END OF MACRO:` }, macro.loc);
    const early = macroUsesBeforeDefinition(this.earlyCalls, out.macros);
    if (early.length) out.warnings = early;
    return out;
  }

  /** `:MACRO: NAME(a, b : out1, out2)` */
  private readMacroHeader(loc: SourceLocation): MacroDecl {
    const nameTok = this.s.next();
    if (nameTok.kind !== 'name' && nameTok.kind !== 'qname') throw this.s.error('E_MACRO', { en: `expected a macro name but found ${describe(nameTok).en}`, es: `se esperaba el nombre de una macro pero se encontró ${describe(nameTok).es}` });
    this.expect('(');
    const params: string[] = [];
    const outputs: string[] = [];
    let target = params;
    for (;;) {
      const t = this.s.next();
      if (t.kind === 'op' && t.text === ')') break;
      if (t.kind === 'op' && (t.text === ',' || t.text === ':')) {
        if (t.text === ':') target = outputs;
        continue;
      }
      if (t.kind !== 'name' && t.kind !== 'qname') throw this.s.error('E_MACRO', { en: `unexpected ${describe(t).en} in macro header`, es: `no se esperaba ${describe(t).es} en el encabezado de la macro` });
      target.push(canonicalName(t.text));
    }
    const name = canonicalName(nameTok.text);
    this.macroNames.add(name);
    return { name, params, outputs, equations: [], loc };
  }

  /** `****\n .Group name\n ****~ doc |` */
  private readGroup(): string | undefined {
    const raw = this.s.readRawUntil('|');
    this.s.pos++;
    const m = /^\s*\.(.+)$/m.exec(raw.split('~')[0] ?? '');
    return m ? m[1]!.trim() : undefined;
  }

  /** `.Group name :\n ~ doc ~ |` */
  private readDotGroup(): string | undefined {
    const raw = this.s.readRawUntil('|');
    this.s.pos++;
    const name = (raw.split('~')[0] ?? '').slice(1).replace(/:\s*$/, '').trim();
    return name === '' ? undefined : name;
  }

  private expect(op: string): Token {
    const t = this.s.next();
    if (t.kind !== 'op' || t.text !== op) throw this.s.errorAtToken('E_SYNTAX', { en: `expected '${op}' but found ${describe(t).en}`, es: `se esperaba '${op}' pero se encontró ${describe(t).es}` }, t);
    return t;
  }

  private readEntry(): Equation | DimensionDecl | RealityCheckDecl | undefined {
    const first = this.s.next();
    // The entry runs to its units (`~`): measured before anything is parsed.
    const unitsAt = this.s.text.indexOf('~', this.s.pos);
    const span = (unitsAt < 0 ? this.s.text.length : unitsAt) - this.s.pos;
    // Counted without the CRs of CR LF line ends, as the LF text was: only when it matters.
    checkEquationLength(span > this.limits.maxEquationLength ? span - countCR(this.s.text, this.s.pos, this.s.pos + span) : span, this.limits.maxEquationLength, first.loc);
    if (first.kind === 'op' && first.text === '|') return undefined; // stray separator
    if (first.kind !== 'name' && first.kind !== 'qname') {
      throw this.s.errorAtToken('E_SYNTAX', { en: `expected a variable name at the start of an equation but found ${describe(first).en}`, es: `se esperaba el nombre de una variable al inicio de una ecuación pero se encontró ${describe(first).es}` }, first);
    }
    const subs = this.peekOp('[') ? (this.s.next(), this.p.parseSubscriptList()) : [];
    const except: SubscriptRef[][] = [];
    let t = this.s.peek();
    if (t.kind === 'kw' && t.text === 'EXCEPT') {
      this.s.next();
      for (;;) {
        this.expect('[');
        except.push(this.p.parseSubscriptList());
        if (!this.peekOp(',')) break;
        this.s.next();
      }
      t = this.s.peek();
    }
    const forms = this.p.names(first.text);
    const lhs: EquationLhs = { name: forms.name, display: forms.display, subs, except, loc: first.loc };

    if (t.kind === 'op' && (t.text === ':' || t.text === '<->')) {
      this.s.next();
      return this.readDimension(lhs, t.text === '<->');
    }

    let kind: EquationKind = 'aux';
    let expr: Expr | undefined;
    let lookup: Equation['lookup'];
    let interpolation: DataInterpolation | undefined;
    if (t.kind === 'kw' && ['INTERPOLATE', 'RAW', 'HOLD BACKWARD', 'LOOK FORWARD'].includes(t.text)) {
      this.s.next();
      interpolation = t.text.toLowerCase() as DataInterpolation;
      t = this.s.peek();
    }
    if (t.kind === 'op' && (t.text === '=' || t.text === '==' || t.text === ':=')) {
      this.s.next();
      kind = t.text === '=' ? 'aux' : t.text === '==' ? 'unchangeable' : 'data';
      if (t.text === '=' && this.peekOp('~')) {
        // `x = ~ units ~ comment |`: Vensim saves a variable whose equation was never written this
        // way (often beside `x = A FUNCTION OF(...)`). With nothing to compute it is Vensim's
        // "missing" type, like `x ~~|`: an error where it is used, unless data give it.
        kind = 'data';
      } else {
        expr = this.readRightHandSide();
        // `x = GET XLS LOOKUPS(...)` defines a lookup table just like `x( GET XLS LOOKUPS(...) )`.
        if (expr.kind === 'call' && /^GET (XLS|DIRECT) LOOKUPS$/.test(expr.fn)) kind = 'lookup-data';
      }
    } else if (t.kind === 'op' && t.text === '(') {
      this.s.next();
      const inner = this.s.peek();
      if (inner.kind === 'name' && /^GET\s+(XLS|DIRECT)\s+LOOKUPS$/i.test(inner.text.replace(/_/g, ' '))) {
        kind = 'lookup-data';
        expr = this.p.parseExpr();
        this.expect(')');
      } else {
        kind = 'lookup';
        lookup = this.p.parseLookupBody(t);
      }
    } else if (t.kind === 'op' && t.text === '~') {
      kind = 'data';
    } else if (t.kind === 'kw' && (t.text === 'TEST INPUT' || t.text === 'THE CONDITION')) {
      // Reality Check entries are kept beside the equations, never among them (reality-check-entry.ts).
      this.s.next();
      const check = readRealityCheck(this.s, this.p, lhs, t.text === 'TEST INPUT' ? 'test-input' : 'constraint');
      const { units, range, doc } = this.readUnitsAndDoc(lhs.display);
      return { ...check, units, ...(range ? { range } : {}), doc, ...(this.group !== undefined ? { group: this.group } : {}) };
    } else if (t.kind === 'kw' && (t.text === 'IS' || t.text === 'IMPLIES')) {
      // Not a form Vensim's Reality Check pages describe: skipped to the units, as before.
      this.s.readRawUntil('~');
      return this.finishEntryAsIgnored();
    } else {
      throw this.s.errorAtToken('E_SYNTAX', { en: `expected '=', ':', '(' or '~' after ${lhs.display} but found ${describe(t).en}`, es: `se esperaba '=', ':', '(' o '~' después de ${lhs.display} pero se encontró ${describe(t).es}` }, t);
    }
    if (expr) checkExprDepth(expr, this.limits.maxExprDepth);
    if (expr) expr = checkNoXmileOnly(expr, lhs.display, this.macroNames);
    if (expr) {
      visitExpr(expr, (x) => {
        if (x.kind === 'apply' && !this.macroNames.has(x.name)) this.earlyCalls.push(x);
      });
    }
    if (expr) checkStandalone(expr, lhs.display);
    const { units, range, doc, supplementary } = this.readUnitsAndDoc(lhs.display);
    return { lhs, kind, expr, lookup, interpolation, units, range, doc, group: this.group, ...(supplementary ? { supplementary } : {}), loc: first.loc };
  }

  private finishEntryAsIgnored(): undefined {
    this.s.readRawUntil('|');
    this.s.pos++;
    return undefined;
  }

  private peekOp(op: string): boolean {
    const t = this.s.peek();
    return t.kind === 'op' && t.text === op;
  }

  private readRightHandSide(): Expr {
    const t = this.s.peek();
    if (t.kind === 'num' || (t.kind === 'op' && (t.text === '-' || t.text === '+'))) {
      // A constant list `1, 2, 3;` starts with a number followed by ',' or ';'.
      const save = this.s.pos;
      try {
        this.p.parseSignedNumber();
        const after = this.s.peek();
        this.s.pos = save;
        if (after.kind === 'op' && (after.text === ',' || after.text === ';')) return this.p.parseNumberList();
      } catch {
        this.s.pos = save;
      }
    }
    return this.p.parseExpr();
  }

  /** `~ units [min,max,step] ~ documentation |` (a third `~` part, Vensim's flags, is ignored). */
  private readUnitsAndDoc(name: string): { units: string; range?: Equation['range']; doc: string; supplementary?: boolean } {
    const t = this.s.next();
    if (t.kind !== 'op' || t.text !== '~') {
      throw this.s.errorAtToken('E_SYNTAX', { en: `expected '~' after the equation of ${name} but found ${describe(t).en}`, es: `se esperaba '~' después de la ecuación de ${name} pero se encontró ${describe(t).es}` }, t);
    }
    const unitsRaw = this.s.readRawUntil('~|');
    let doc = '';
    let flags = '';
    if (this.s.text[this.s.pos] === '~') {
      this.s.pos++;
      doc = this.s.readRawUntil('~|');
      if (this.s.text[this.s.pos] === '~') {
        this.s.pos++;
        flags = this.s.readRawUntil('|');
      }
    }
    if (this.s.text[this.s.pos] !== '|') throw this.s.error('E_SYNTAX', { en: `the definition of ${name} is not closed by '|'`, es: `la definición de ${name} no se cierra con '|'` });
    this.s.pos++;
    const { units, range } = splitUnits(unitsRaw);
    // The field after the comment holds flags; Vensim writes `:SUPPLEMENTARY` for an output-only variable.
    return { units, range, doc: normalizeDoc(doc), ...(/:SUPPLEMENTARY\b/i.test(flags) ? { supplementary: true } : {}) };
  }

  /** `Dim: a, b, (c1-c5), SubDim -> Target, (Other: x, y)` or `Dim <-> Other`. */
  private readDimension(lhs: EquationLhs, equivalence: boolean): DimensionDecl {
    const decl: DimensionDecl = { name: lhs.name, display: lhs.display, members: [], mappings: [], doc: '', loc: lhs.loc };
    if (equivalence) {
      const t = this.s.next();
      decl.equivalentTo = canonicalName(t.text);
    } else {
      const t = this.s.peek();
      if (t.kind === 'name' && /^GET\s+(XLS|DIRECT)\s+SUBSCRIPT$/i.test(t.text.replace(/_/g, ' '))) {
        decl.fromData = this.p.parseExpr();
      } else {
        this.readDimensionMembers(decl);
      }
      if (this.peekOp('->')) {
        this.s.next();
        for (;;) {
          decl.mappings.push(this.readMapping());
          if (!this.peekOp(',')) break;
          this.s.next();
        }
      }
    }
    const { doc } = this.readUnitsAndDoc(lhs.display);
    decl.doc = doc;
    return decl;
  }

  private readDimensionMembers(decl: DimensionDecl): void {
    for (;;) {
      const t = this.s.next();
      if (t.kind === 'op' && t.text === '(') {
        const from = this.s.next();
        this.expect('-');
        const to = this.s.next();
        this.expect(')');
        const fail = () => this.s.error('E_SUBSCRIPT', { en: `cannot expand the range (${from.text}-${to.text})`, es: `no se puede expandir el rango (${from.text}-${to.text})` });
        const tooMany = (n: number) => checkRangeSize(decl.members.length + n, this.limits.maxRangeSize, { en: `subscript range ${decl.display}`, es: `el rango de subíndices ${decl.display}` }, from.loc);
        for (const m of expandRange(from.text, to.text, fail, tooMany)) {
          decl.members.push({ name: canonicalName(m), display: m });
        }
      } else if (t.kind === 'name' || t.kind === 'qname' || t.kind === 'num') {
        decl.members.push({ name: canonicalName(t.text), display: displayName(t.text) });
        checkRangeSize(decl.members.length, this.limits.maxRangeSize, { en: `subscript range ${decl.display}`, es: `el rango de subíndices ${decl.display}` }, t.loc);
      } else {
        throw this.s.errorAtToken('E_SYNTAX', { en: `unexpected ${describe(t).en} in the definition of ${decl.display}`, es: `no se esperaba ${describe(t).es} en la definición de ${decl.display}` }, t);
      }
      if (!this.peekOp(',')) return;
      this.s.next();
    }
  }

  private readMapping(): DimensionMapping {
    const t = this.s.next();
    if (t.kind === 'op' && t.text === '(') {
      const target = this.s.next();
      this.expect(':');
      const elements: string[] = [];
      const elementLocs: SourceLocation[] = [];
      for (;;) {
        const e = this.s.next();
        elements.push(canonicalName(e.text));
        elementLocs.push(e.loc);
        const sep = this.s.next();
        if (sep.kind === 'op' && sep.text === ')') break;
        if (sep.kind !== 'op' || sep.text !== ',') throw this.s.errorAtToken('E_SYNTAX', { en: `unexpected ${describe(sep).en} in the mapping list of ${displayName(target.text)}`, es: `no se esperaba ${describe(sep).es} en la lista de mapeo de ${displayName(target.text)}` }, sep);
      }
      return { target: canonicalName(target.text), elements, loc: target.loc, elementLocs };
    }
    return { target: canonicalName(t.text), loc: t.loc };
  }
}

function countCR(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) n++;
  return n;
}

/** Expands `(a1-a10)` into a1..a10 (same prefix, numeric suffixes). */
function expandRange(from: string, to: string, fail: () => Error, checkCount: (n: number) => void): string[] {
  const a = /^(.*?)(\d+)$/.exec(from.trim());
  const b = /^(.*?)(\d+)$/.exec(to.trim());
  if (!a || !b || a[1] !== b[1]) throw fail();
  const lo = Number(a[2]);
  const hi = Number(b[2]);
  if (hi < lo || !Number.isSafeInteger(hi)) throw fail();
  checkCount(hi - lo + 1); // before the list is built
  const out: string[] = [];
  for (let i = lo; i <= hi; i++) out.push(`${a[1]}${i}`);
  return out;
}

function splitUnits(raw: string): { units: string; range?: Equation['range'] } {
  // normalizeDoc folds as the two regular expressions did (foldDoc), skipping them when they change nothing.
  const text = normalizeDoc(raw);
  // A range is a trailing `[…]`; the text is trimmed, so without a final ']' there is none.
  // An empty text is tested first: charCodeAt(-1), read past the end, dropped the optimised reader.
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 93) return { units: text };
  const m = /\[([^\]]*)\]\s*$/.exec(text);
  if (!m) return { units: text };
  // Each part trimmed where it is read, not by .map: its result's elements kind differs between
  // interpreted and optimised callers, and code optimised for one was dropped at the other.
  const parts = m[1]!.split(',');
  const num = (raw: string | undefined): number | undefined => {
    const p = raw?.trim();
    if (p === undefined || p === '' || p === '?') return undefined;
    const v = Number(p);
    return Number.isNaN(v) ? undefined : v;
  };
  return { units: text.slice(0, m.index).trim(), range: { min: num(parts[0]), max: num(parts[1]), step: num(parts[2]) } };
}

/**
 * Documentation text on one line: a backslash line continuation and every run of white space
 * become one space, ends trimmed. Most docs have neither a backslash nor a run to fold: a scan
 * says so and only trim remains (the two regular expressions were a tenth of MEDEAS's parse).
 */
export function normalizeDoc(doc: string): string {
  let prevSpace = false;
  for (let i = 0; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c === 92) return foldDoc(doc);
    const space = c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(doc[i]!));
    if (space && (c !== 32 || prevSpace)) return foldDoc(doc);
    prevSpace = space;
  }
  return doc.trim();
}

/**
 * The fold itself in one pass: a run of white space and continuations (a backslash, then white
 * space holding a line break) becomes one space, none at either end. The same text as
 * `doc.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim()` (normalize-doc.test.ts), without
 * the two intermediate strings (foldDoc was 5 % of MEDEAS's parse in a CPU profile).
 */
function foldDoc(doc: string): string {
  const n = doc.length;
  // The words between runs, joined by single spaces: one flat string. Concatenated piece by piece
  // the text was a tree of a slice and a join per run, which the IR kept: 2 MB of MEDEAS's parse
  // (173,000 characters of documentation), copied by every garbage collection that found it young.
  const words: string[] = [];
  let from = 0;
  let i = 0;
  while (i < n) {
    let end = i;
    for (;;) {
      if (end < n && isSpaceCode(doc.charCodeAt(end))) end++;
      else if (end < n && doc.charCodeAt(end) === 92) {
        const after = continuationEnd(doc, end);
        if (after < 0) break;
        end = after;
      } else break;
    }
    if (end === i) {
      i++;
      continue;
    }
    if (i > 0) words.push(doc.slice(from, i));
    from = i = end;
  }
  if (from === 0) return doc;
  if (from < n) words.push(doc.slice(from, n));
  return words.join(' ');
}

/** After a backslash at `at`: the end of the white space that follows when it holds a line break, else -1. */
function continuationEnd(doc: string, at: number): number {
  let j = at + 1;
  let lineBreak = false;
  while (j < doc.length) {
    const c = doc.charCodeAt(j);
    if (!isSpaceCode(c)) break;
    if (c === 10) lineBreak = true;
    j++;
  }
  return lineBreak ? j : -1;
}

/** What `\s` (and trim) take as white space: ECMAScript's WhiteSpace and LineTerminator. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
