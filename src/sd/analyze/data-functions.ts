/**
 * GET DIRECT / GET XLS functions at model-build time: read each call's block once through the
 * host and hand every element its number, series or lookup table.
 */
import { caughtText, ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { DimensionDecl, Equation, Expr, ModelIR } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { dropMissing, getConstants, getData, getLookups, getSubscript } from '../data/index.js';
import type { DataHost, Sheet } from '../data/types.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import type { ScalarNode, SExpr } from './scalar-model.js';

export class DataFunctions {
  private readonly constantsCache = new Map<unknown, Float64Array>();
  private readonly seriesCache = new Map<unknown, { axis: Float64Array; values: Float64Array[] }>();

  constructor(private readonly x: Expander, private readonly host?: DataHost) {}

  /**
   * Tells the host every sheet the model's GET DIRECT … / GET XLS … calls name, before any is
   * read, so that it parses those sheets alone rather than the whole workbook.
   */
  announceSheets(ir: ModelIR): void {
    if (!this.host?.expectSheets) return;
    const byFile = new Map<string, Set<string>>();
    const note = (e: Expr): void => {
      if (e.kind !== 'call' || !/^GET (DIRECT|XLS) /.test(e.fn)) return;
      const [file, tab] = e.args;
      if (file?.kind !== 'str' || tab?.kind !== 'str') return;
      let tabs = byFile.get(file.value);
      if (!tabs) byFile.set(file.value, (tabs = new Set()));
      tabs.add(tab.value);
    };
    const equations = [...ir.equations, ...ir.macros.flatMap((m) => m.equations)];
    for (const eq of equations) if (eq.expr) visitExpr(eq.expr, note);
    for (const d of ir.dimensions) if (d.fromData) note(d.fromData);
    for (const [file, tabs] of byFile) this.host.expectSheets(file, [...tabs]);
  }

  private sheet(file: string, tab: string, loc: SourceLocation): Sheet {
    if (!this.host) throw ModelError.at('E_DATA', { en: `this model reads '${file}', but no data files are available here`, es: `este modelo lee '${file}', pero aquí no hay archivos de datos disponibles` }, loc);
    try {
      return this.host.readSheet(file, tab);
    } catch (err) {
      throw ModelError.at('E_DATA', caughtText(err), loc);
    }
  }

  private strings(call: Expr, n: number): string[] {
    if (call.kind !== 'call') throw ModelError.at('E_DATA', { en: 'expected a data function', es: 'se esperaba una función de datos' }, call.loc);
    return call.args.slice(0, n).map((a) => {
      if (a.kind === 'str') return a.value;
      if (a.kind === 'num') return String(a.value);
      throw ModelError.at('E_DATA', { en: `${call.fn} needs quoted text arguments ('file', 'sheet', 'cell')`, es: `${call.fn} necesita argumentos de texto entre comillas ('archivo', 'hoja', 'celda')` }, a.loc);
    });
  }

  private guard<T>(loc: SourceLocation, f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (err instanceof ModelError) throw err;
      throw ModelError.at('E_DATA', caughtText(err), loc);
    }
  }

  subscriptFromData(d: DimensionDecl): string[] {
    const [file, tab, first, last, prefix] = this.strings(d.fromData!, 5);
    const sheet = this.sheet(file!, tab!, d.loc);
    return this.guard(d.loc, () => getSubscript(sheet, first!, last!, prefix ?? ''));
  }

  /** Shape of the varying positions of an equation's left-hand side. */
  private shape(eq: Equation, lists: string[][]): number[] {
    // Pushed into a literal, as the scalar's `[]` is: getConstants, optimised for one elements
    // kind, was dropped at the other that filter and map make.
    const shape: number[] = [];
    for (let p = 0; p < lists.length; p++) if (this.x.dims.isDimension(eq.lhs.subs[p]!.name)) shape.push(lists[p]!.length);
    return shape;
  }

  /** Defines a node from a data equation; false when the equation is an ordinary expression. */
  defineDataNode(node: ScalarNode, eq: Equation, elementIndex: number, lists: string[][]): boolean {
    const e = eq.expr;
    if (!e || e.kind !== 'call') return false;
    const fn = e.fn;
    if (fn === 'GET DIRECT CONSTANTS' || fn === 'GET XLS CONSTANTS') {
      let values = this.constantsCache.get(eq);
      if (!values) {
        const [file, tab, cell] = this.strings(e, 3);
        const sheet = this.sheet(file!, tab!, e.loc);
        values = this.guard(e.loc, () => getConstants(sheet, cell!, this.shape(eq, lists)));
        this.constantsCache.set(eq, values);
      }
      node.kind = 'const';
      node.expr = { k: 'num', v: values[elementIndex]! };
      return true;
    }
    if (fn === 'GET DIRECT DATA' || fn === 'GET XLS DATA') {
      const total = lists.reduce((n, l) => n * l.length, 1);
      const s = this.series(eq, e, total, 'data');
      const { x, y } = dropMissing(s.axis, s.values[elementIndex]!);
      node.kind = 'data';
      node.data = this.x.data.length;
      this.x.data.push({ times: x, values: y, mode: eq.interpolation ?? 'interpolate', name: node.name });
      node.expr = { k: 'num', v: 0 };
      return true;
    }
    return false;
  }

  private series(key: unknown, e: Expr & { kind: 'call' }, count: number, kind: 'data' | 'lookups') {
    let s = this.seriesCache.get(key);
    if (!s) {
      const [file, tab, axis, cell] = this.strings(e, 4);
      const sheet = this.sheet(file!, tab!, e.loc);
      s = this.guard(e.loc, () => {
        if (kind === 'data') {
          const d = getData(sheet, axis!, cell!, count);
          return { axis: d.times, values: d.values };
        }
        const l = getLookups(sheet, axis!, cell!, count);
        return { axis: l.x, values: l.values };
      });
      this.seriesCache.set(key, s);
    }
    return s;
  }

  /** The table of one element of a lookup defined by GET … LOOKUPS. */
  lookupsFor(eq: Equation, elementIndex: number, ctx: Ctx): { x: Float64Array; y: Float64Array } {
    const e = eq.expr!;
    if (e.kind !== 'call') throw ModelError.at('E_DATA', { en: 'expected GET … LOOKUPS', es: 'se esperaba GET … LOOKUPS' }, eq.loc);
    const lists = eq.lhs.subs.map((s) => this.x.dims.get(s.name)?.elements ?? [s.name]);
    const total = lists.reduce((n, l) => n * l.length, 1);
    const s = this.series(eq, e, total, 'lookups');
    void ctx;
    return dropMissing(s.axis, s.values[elementIndex]!);
  }

  /** A data function inside a larger expression: read as a scalar. */
  inlineDataCall(fn: string, args: Expr[], ctx: Ctx): SExpr {
    const call: Expr = { kind: 'call', fn, args, loc: ctx.loc };
    if (fn.endsWith('CONSTANTS')) {
      const [file, tab, cell] = this.strings(call, 3);
      const sheet = this.sheet(file!, tab!, ctx.loc);
      return { k: 'num', v: this.guard(ctx.loc, () => getConstants(sheet, cell!, []))[0]! };
    }
    if (fn.endsWith(' DATA')) {
      // Keyed by its text, not by the call object (a new one for every element): one read per distinct call.
      const s = this.series(`${fn}\u0000${this.strings(call, 4).join('\u0000')}`, call as Expr & { kind: 'call' }, 1, 'data');
      const { x, y } = dropMissing(s.axis, s.values[0]!);
      const h = this.x.hiddenNode(ctx.owner, 'data', ctx.loc);
      h.kind = 'data';
      h.data = this.x.data.length;
      this.x.data.push({ times: x, values: y, mode: 'interpolate', name: h.name });
      h.expr = { k: 'num', v: 0 };
      return { k: 'ref', id: h.id };
    }
    throw ModelError.at('E_DATA', { en: `${fn} must be the whole right-hand side of its equation`, es: `${fn} debe ser todo el lado derecho de su ecuación` }, ctx.loc);
  }
}
