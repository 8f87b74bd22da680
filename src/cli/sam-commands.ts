/**
 * `igem sam …`: social accounting matrices.
 *   check SAM     every account's row total vs column total; lists each gap (exit status 2 if any)
 *   balance SAM   RAS or cross-entropy balancing from a prior, printing how far cells moved
 * Bad input of any kind is an InputError (exit status 2) naming the file and account or cell.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../sd/ir/diagnostics.js';
import {
  assertSamBalanced, balanceSam, checkSamBalance, formatGap, formatMoves, loadSamFile, readFixFile, samDescriptor, writeEstimated,
  writeSam, writeSamDescriptor, type BalanceMethod, type SamTolerance,
} from '../econ/sam/index.js';
import { action } from './exit.js';

function parseTolerance(value: string | undefined): Partial<SamTolerance> | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!(v >= 0) || value.trim() === '') throw new InputError('--tolerance', { en: `must be a relative tolerance ≥ 0 (e.g. 1e-6), got "${value}"`, es: `debe ser una tolerancia relativa ≥ 0 (p. ej. 1e-6), se recibió "${value}"` });
  return { relative: v };
}

function parseMethod(value: string | undefined): BalanceMethod {
  if (value === 'ras' || value === 'cross-entropy') return value;
  throw new InputError('--method', { en: `must be "ras" or "cross-entropy", got "${value ?? ''}"`, es: `debe ser "ras" o "cross-entropy", se recibió "${value ?? ''}"` });
}

export function registerSamCommands(program: Command): void {
  const sam = program.command('sam').description('social accounting matrices: check balance, balance by RAS or cross-entropy');

  sam.command('check')
    .description('row total = column total for every account; lists every gap with its account and location (exit status 2 if any)')
    .argument('<sam>', 'SAM (CSV/XLSX, square labelled layout)')
    .option('--descriptor <file>', 'SAM descriptor (default: <stem>.descriptor.json beside the SAM)')
    .option('--tolerance <rel>', 'relative tolerance (default: the descriptor’s, else 1e-6)')
    .option('--absolute <x>', 'absolute tolerance in the SAM’s units (default: the descriptor’s, else 1e-6)')
    .option('--json', 'print the report as JSON')
    .action(
      action((path: string, o: { descriptor?: string; tolerance?: string; absolute?: string; json?: boolean }) => {
        const tol = { ...parseTolerance(o.tolerance) };
        if (o.absolute !== undefined) {
          const a = Number(o.absolute);
          if (!(a >= 0) || o.absolute.trim() === '') throw new InputError('--absolute', { en: `must be a number ≥ 0, got "${o.absolute}"`, es: `debe ser un número ≥ 0, se recibió "${o.absolute}"` });
          tol.absolute = a;
        }
        const loaded = loadSamFile(path, o.descriptor, tol);
        const report = checkSamBalance(loaded.sam, loaded.tolerance);
        const counts = new Map<string, number>();
        loaded.sam.accounts.forEach((a) => counts.set(a.type, (counts.get(a.type) ?? 0) + 1));
        const estimated = loaded.sam.estimated?.flat().filter(Boolean).length ?? 0;
        if (o.json) {
          console.log(JSON.stringify({ ...report, title: loaded.sam.title ?? null, year: loaded.sam.year ?? null, units: loaded.sam.units ?? null, descriptor: loaded.descriptorPath ?? null, accountTypes: Object.fromEntries(counts), estimatedCells: estimated }, null, 2));
        } else {
          const t = report.tolerance;
          console.log([
            `SAM ${path}${loaded.sam.title ? `: ${loaded.sam.title}` : ''}${loaded.sam.units ? ` (${loaded.sam.units})` : ''}`,
            `descriptor: ${loaded.descriptorPath ?? 'none (types from the type column)'}`,
            `accounts: ${report.accounts} (${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}); estimated cells: ${estimated}`,
            `tolerance: relative ${t.relative}, absolute ${t.absolute}; largest gap ${report.maxAbsoluteGap.toPrecision(4)} (relative ${report.maxRelativeGap.toExponential(2)})`,
            report.balanced ? 'balanced: every account’s row total equals its column total' : `NOT balanced: ${report.gaps.length} account(s):\n  ${report.gaps.map((g) => formatGap(g)).join('\n  ')}`,
          ].join('\n'));
        }
        if (!report.balanced) process.exitCode = 2;
      }),
    );

  sam.command('balance')
    .description('balance a SAM by RAS (to account totals) or cross-entropy (closest to the prior with row = column totals and any fixed totals or cells); prints how far cells moved')
    .argument('<sam>', 'SAM to balance (its own account totals are the RAS targets)')
    .option('--prior <file>', 'prior SAM whose structure is kept (default: the SAM itself)')
    .option('--method <m>', 'ras | cross-entropy')
    .option('--out <file>', 'balanced SAM (.csv or .xlsx); its descriptor is written beside it')
    .option('--fix <file>', 'known values: CSV type,row,column,value (cell, total, row-total, column-total, sum)')
    .option('--keep-totals', 'cross-entropy: also impose the SAM’s own account totals where --fix leaves them free')
    .option('--descriptor <file>', 'descriptor of the SAM')
    .option('--prior-descriptor <file>', 'descriptor of the prior')
    .option('--top <n>', 'how many of the largest moves to list', '10')
    .option('--json', 'print the result summary and moves as JSON')
    .action(
      action((path: string, o: { prior?: string; method?: string; out?: string; fix?: string; keepTotals?: boolean; descriptor?: string; priorDescriptor?: string; top: string; json?: boolean }) => {
        const method = parseMethod(o.method);
        if (!o.out) throw new InputError('--out', { en: 'name the file for the balanced SAM (.csv or .xlsx)', es: 'indique el archivo para la SAM balanceada (.csv o .xlsx)' });
        const ext = extname(o.out).toLowerCase();
        if (ext !== '.csv' && ext !== '.xlsx') throw new InputError('--out', { en: `must end in .csv or .xlsx, got "${o.out}"`, es: `debe terminar en .csv o .xlsx, se recibió "${o.out}"` });
        const top = Number(o.top);
        if (!Number.isInteger(top) || top < 0) throw new InputError('--top', { en: `must be a whole number ≥ 0, got "${o.top}"`, es: `debe ser un número entero ≥ 0, se recibió "${o.top}"` });
        const loaded = loadSamFile(path, o.descriptor);
        const prior = o.prior ? loadSamFile(o.prior, o.priorDescriptor).sam : undefined;
        const fixes = o.fix ? readFixFile(o.fix, loaded.sam.accounts) : [];
        const result = balanceSam(loaded.sam, { method, prior, fixes, keepTotals: o.keepTotals });
        const check = checkSamBalance(result.sam, loaded.tolerance);
        assertSamBalanced(check);
        writeSam(o.out, result.sam);
        const stem = join(dirname(o.out), basename(o.out, ext));
        const extra = { ...loaded.descriptor, accounts: undefined };
        if (result.sam.estimated) {
          writeEstimated(`${stem}-estimated${ext}`, result.sam);
          extra.estimated = basename(`${stem}-estimated${ext}`);
        } else delete extra.estimated;
        writeSamDescriptor(`${stem}.descriptor.json`, samDescriptor(result.sam, extra));
        const moves = { ...result.moves, largestAbsolute: result.moves.largestAbsolute.slice(0, top), largestRelative: result.moves.largestRelative.slice(0, top) };
        if (o.json) {
          console.log(JSON.stringify({ out: o.out, method, iterations: result.iterations, maxViolation: result.maxViolation, relativeDivergence: result.relativeDivergence ?? null, maxRelativeGap: check.maxRelativeGap, moves }, null, 2));
          return;
        }
        console.log([
          `balanced ${path} by ${method}${o.prior ? ` from prior ${o.prior}` : ''}${fixes.length ? ` with ${fixes.length} fixed value(s) from ${o.fix}` : ''}: ${result.iterations} iteration(s), largest remaining gap ${check.maxRelativeGap.toExponential(2)} relative`,
          result.relativeDivergence !== undefined ? `information distance D(X‖prior)/Σ|prior| = ${result.relativeDivergence.toExponential(3)}` : '',
          formatMoves(moves),
          `wrote ${o.out} and ${stem}.descriptor.json`,
        ].filter((l) => l !== '').join('\n'));
      }),
    );
}
