/**
 * The shape of a scalar expression as code generation prints it: everything `expr` (codegen.ts)
 * writes besides its holes, the references and numbers that differ from element to element.
 * Statements whose expressions have equal shapes print equal template text, so codegen prints
 * the text once per shape instead of once per statement (MEDEAS: 50,000 statements, 1,400
 * shapes; printing each was most of code generation's time and garbage).
 *
 * The code is prefix order, one character per node, each node's character telling how many
 * children follow (calls add their argument count): two expressions get the same code only
 * when their trees are the same apart from hole values. A change to how `expr` prints must keep
 * that true (src/conformance/codegen-shapes.test.ts compares both ways of generating on every test model).
 */
import type { SExpr } from '../analyze/scalar-model.js';

const NUM = 1;
const REF = 2;
const TIME = 3;
const DT = 4;
const NEG = 5;
const NOT = 6;
const BIN = 8; // + index in BIN_OPS
const LOOKUP = 40; // then the mode's name code
const CALL = 41; // then the function's name code and the argument count
/** Name codes and argument counts are offset past the node codes, so no character means both. */
const OFFSET = 64;
const BIN_OPS = ['+', '-', '*', '/', '^', '=', '<>', '<', '>', '<=', '>=', 'and', 'or'];
/** Each operator's index in BIN_OPS (a hash look-up, not a scan of the list per operator node). */
const BIN_INDEX: ReadonlyMap<string, number> = new Map(BIN_OPS.map((op, i) => [op, i]));
/** Longest code built (`String.fromCharCode` takes it as arguments); longer expressions are printed as before. */
const MAX_CODE = 4096;

export class ShapeCoder {
  /** Function and lookup-mode names → codes, numbered as met. */
  private readonly names = new Map<string, number>();
  /**
   * Codes of the shape being built, in codes[0, size): never shortened (setting an array's length
   * to 0 drops its backing store, and each shape grew a new one push by push: 11 MB on MEDEAS).
   */
  private readonly codes: number[] = [];
  private size = 0;
  /**
   * Hole values of the last shape, in buf[0, count): one buffer reused for every statement, copied
   * out at its exact length (arrays grown by push per statement kept 17 slots or more, and each
   * growth left the smaller array behind as garbage).
   */
  private readonly buf: number[] = [];
  private count = 0;

  /**
   * The shape of `e` as a string; `values()` then gives `first` and its hole values in print order
   * (a lookup's table, then its input; a call's arguments in turn). Undefined when `e` holds a node
   * printed only through the full template (vectors, unknown operators) or is too large.
   */
  shape(e: SExpr, first: number): string | undefined {
    this.size = 0;
    this.buf[0] = first;
    this.count = 1;
    if (!this.walk(e) || this.size > MAX_CODE) return undefined;
    return String.fromCharCode.apply(null, this.codes.slice(0, this.size));
  }

  /** The last shape's hole values, `first` before them. */
  values(): number[] {
    return this.buf.slice(0, this.count);
  }

  private value(v: number): void {
    this.buf[this.count++] = v;
  }

  private name(s: string): number {
    let c = this.names.get(s);
    if (c === undefined) this.names.set(s, (c = OFFSET + this.names.size));
    return c;
  }

  private walk(e: SExpr): boolean {
    const codes = this.codes;
    if (this.size > MAX_CODE) return false;
    switch (e.k) {
      case 'num':
        codes[this.size++] = NUM;
        this.value(e.v);
        return true;
      case 'ref':
        codes[this.size++] = REF;
        this.value(e.id);
        return true;
      case 'time':
        codes[this.size++] = TIME;
        return true;
      case 'dt':
        codes[this.size++] = DT;
        return true;
      case 'un':
        codes[this.size++] = e.op === '-' ? NEG : NOT;
        return this.walk(e.a);
      case 'bin': {
        const op = BIN_INDEX.get(e.op);
        if (op === undefined) return false;
        codes[this.size++] = BIN + op;
        return this.walk(e.a) && this.walk(e.b);
      }
      case 'lookup':
        if (this.names.size + OFFSET >= 0xffff) return false;
        codes[this.size++] = LOOKUP;
        codes[this.size++] = this.name(e.mode);
        this.value(e.table);
        return this.walk(e.x);
      case 'call': {
        const n = e.args.length;
        if (OFFSET + n > 0xffff || this.names.size + OFFSET >= 0xffff) return false;
        codes[this.size++] = CALL;
        codes[this.size++] = this.name(e.fn);
        codes[this.size++] = OFFSET + n;
        for (let i = 0; i < n; i++) if (!this.walk(e.args[i]!)) return false;
        return true;
      }
      default:
        return false;
    }
  }
}
