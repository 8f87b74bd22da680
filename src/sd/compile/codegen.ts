/**
 * Generates one JavaScript program per model: straight-line code over a flat Float64Array `v`
 * (one slot per scalar node), split into functions of bounded size so V8 optimises each.
 * The program is built once; runs reuse it with new parameter values.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Ordering } from '../analyze/order.js';
import type { ScalarModel, ScalarNode, SExpr } from '../analyze/scalar-model.js';

export interface GeneratedProgram {
  /** Body of `new Function(body)`, returning { init, step, rates, post }, each taking the runtime `R` last. */
  source: string;
  /** Number of delay buffers the runtime must provide. */
  delayCount: number;
  /** Node id of each delay buffer. */
  delayNodes: number[];
}

const CHUNK = 200;

const MATH1: Record<string, string> = {
  ABS: 'Math.abs', SQRT: 'Math.sqrt', EXP: 'Math.exp', LN: 'Math.log', SIN: 'Math.sin', COS: 'Math.cos',
  TAN: 'Math.tan', ARCSIN: 'Math.asin', ARCCOS: 'Math.acos', ARCTAN: 'Math.atan', SINH: 'Math.sinh',
  COSH: 'Math.cosh', TANH: 'Math.tanh', INTEGER: 'Math.trunc', INT: 'Math.trunc', GAME: '',
};

const RUNTIME_CALLS: Record<string, string> = {
  MODULO: 'R.modulo', QUANTUM: 'R.quantum', LOG: 'R.log', XIDZ: 'R.xidz', ZIDZ: 'R.zidz', SAFEDIV: 'R.safediv',
  'RANDOM UNIFORM': 'R.randomUniform', 'RANDOM NORMAL': 'R.randomNormal', 'RANDOM 0 1': 'R.random01',
  'RANDOM EXPONENTIAL': 'R.randomExponential', 'RANDOM POISSON': 'R.randomPoisson', 'RANDOM LOGNORMAL': 'R.randomLognormal',
  'RANDOM TRIANGULAR': 'R.randomTriangular', 'RANDOM PINK NOISE': 'R.randomPinkNoise', 'RANDOM GAMMA': 'R.randomGamma',
  'RANDOM BETA': 'R.randomBeta', 'RANDOM BINOMIAL': 'R.randomBinomial', 'RANDOM WEIBULL': 'R.randomWeibull',
};

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
}

export function expr(e: SExpr): string {
  switch (e.k) {
    case 'num':
      return num(e.v);
    case 'ref':
      return `v[${e.id}]`;
    case 'time':
      return 'time';
    case 'dt':
      return 'dt';
    case 'un':
      return e.op === '-' ? `(-${expr(e.a)})` : `(${expr(e.a)} === 0 ? 1 : 0)`;
    case 'bin': {
      const a = expr(e.a);
      const b = expr(e.b);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a} ${e.op} ${b})`;
        case '^':
          return `Math.pow(${a}, ${b})`;
        case '=':
          return `(${a} === ${b} ? 1 : 0)`;
        case '<>':
          return `(${a} !== ${b} ? 1 : 0)`;
        case '<':
        case '>':
        case '<=':
        case '>=':
          return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case 'and':
          return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
        case 'or':
          return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
        default:
          throw new Error(`unknown operator ${e.op}`);
      }
    }
    case 'lookup':
      return `R.lookup${e.mode === 'normal' ? '' : '_' + e.mode}(${e.table}, ${expr(e.x)})`;
    case 'vec': {
      const vecs = e.vecs.map((v) => `[${v.map(expr).join(', ')}]`);
      return `R.vector(${JSON.stringify(e.fn)}, [${vecs.join(', ')}], [${e.scalars.map(expr).join(', ')}], ${e.index})`;
    }
    case 'call':
      return call(e.fn, e.args);
  }
}

function call(fn: string, args: SExpr[]): string {
  const a = args.map(expr);
  if (fn in MATH1) return MATH1[fn] ? `${MATH1[fn]}(${a[0]})` : `(${a[0]})`;
  if (fn in RUNTIME_CALLS) return `${RUNTIME_CALLS[fn]}(${a.join(', ')})`;
  switch (fn) {
    case 'IF THEN ELSE':
      return `(${a[0]} !== 0 ? ${a[1]} : ${a[2]})`;
    case 'MIN':
      return `Math.min(${a.join(', ')})`;
    case 'MAX':
      return `Math.max(${a.join(', ')})`;
    case 'POWER':
      return `Math.pow(${a[0]}, ${a[1]})`;
    case 'STEP':
      return `R.step(time, dt, ${a[0]}, ${a[1]})`;
    case 'RAMP':
      return `R.ramp(time, dt, ${a[0]}, ${a[1]}, ${a[2]})`;
    case 'PULSE':
      return `R.pulse(time, dt, ${a[0]}, ${a[1]})`;
    case 'PULSE TRAIN':
      return `R.pulseTrain(time, dt, ${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`;
    case 'GET TIME VALUE':
      return `R.getTimeValue(time, ${a[0]}, ${a[1]}, ${a[2]})`;
    default:
      throw ModelError.at('E_UNSUPPORTED', `function ${fn} is not supported by the compiler`);
  }
}

function chunked(name: string, params: string, statements: string[]): string {
  if (statements.length <= CHUNK) return `function ${name}(${params}) {\n${statements.join('\n')}\n}\n`;
  const parts: string[] = [];
  const calls: string[] = [];
  for (let i = 0; i < statements.length; i += CHUNK) {
    const part = `${name}_${i / CHUNK}`;
    parts.push(`function ${part}(${params}) {\n${statements.slice(i, i + CHUNK).join('\n')}\n}\n`);
    calls.push(`${part}(${params});`);
  }
  return parts.join('') + `function ${name}(${params}) {\n${calls.join('\n')}\n}\n`;
}

export function generate(m: ScalarModel, o: Ordering): GeneratedProgram {
  const delayNodes: number[] = [];
  const delayIndex = new Map<number, number>();
  for (const node of m.nodes) {
    if (node.kind === 'delay-fixed') {
      delayIndex.set(node.id, delayNodes.length);
      delayNodes.push(node.id);
    }
  }
  const initStmts: string[] = [];
  for (const id of o.init) initStmts.push(initStatement(m.nodes[id]!, delayIndex));
  const stepStmts: string[] = [];
  for (const id of o.step) stepStmts.push(stepStatement(m.nodes[id]!, delayIndex));
  const rateStmts = o.stocks.map((id, k) => `d[${k}] = ${expr(m.nodes[id]!.expr)};`);
  const postStmts: string[] = [];
  for (const node of m.nodes) {
    if (node.kind === 'delay-fixed') {
      const k = delayIndex.get(node.id)!;
      const dynamicDelay = node.args?.[1]?.k === 'num' && node.args[1].v === 1;
      postStmts.push(`R.delayPush(${k}, si, ${expr(node.expr)}${dynamicDelay ? `, ${expr(node.args![0]!)}` : ''});`);
    }
  }
  const source = [
    '"use strict";',
    chunked('init', 'v, time, dt, si, R', initStmts),
    chunked('step', 'v, time, dt, si, R', stepStmts),
    chunked('rates', 'v, d, time, dt, R', rateStmts),
    chunked('post', 'v, time, dt, si, R', postStmts),
    'return { init, step, rates, post };',
  ].join('\n');
  return { source, delayCount: delayNodes.length, delayNodes };
}

function initStatement(n: ScalarNode, delays: Map<number, number>): string {
  const slot = `v[${n.id}]`;
  switch (n.kind) {
    case 'stock':
    case 'active-initial':
      return `${slot} = ${expr(n.init!)};`;
    case 'sample':
      return `${slot} = ${expr(n.init!)};`;
    case 'delay-fixed':
      return `${slot} = R.delayInit(${delays.get(n.id)}, ${expr(n.args![0]!)}, ${expr(n.init!)}, dt);`;
    case 'data':
      return `${slot} = R.data(${n.data}, time);`;
    default:
      return `${slot} = ${expr(n.expr)};`;
  }
}

function stepStatement(n: ScalarNode, delays: Map<number, number>): string {
  const slot = `v[${n.id}]`;
  switch (n.kind) {
    case 'sample':
      return `if (${expr(n.args![0]!)} !== 0) ${slot} = ${expr(n.args![1]!)};`;
    case 'delay-fixed':
      return `${slot} = R.delayOut(${delays.get(n.id)}, si);`;
    case 'data':
      return `${slot} = R.data(${n.data}, time);`;
    default:
      return `${slot} = ${expr(n.expr)};`;
  }
}
