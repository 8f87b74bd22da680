/**
 * Loading an IO table from a file: grid, layout (descriptor or recognised), numbers, checks.
 * A descriptor is taken from --descriptor, or from `<table stem>.descriptor.json` beside the table.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { validateDescriptor, type TableDescriptor } from './descriptor.js';
import { findLayout } from './layout.js';
import { parseTable, type ReadInfo } from './parse-table.js';
import { readGrid, readJson } from './read-grid.js';
import type { BalanceReport, IoTable } from './types.js';
import { assertBalanced, assertNoEmptySectors, balanceReport, DEFAULT_TOLERANCE, type Tolerance } from './validate.js';

export interface LoadOptions {
  descriptorPath?: string;
  tolerance?: Partial<Tolerance>;
  /** Throw on an unbalanced table (default true); `igem io check` turns it off to print the report. */
  requireBalance?: boolean;
}

export interface LoadedTable {
  table: IoTable;
  info: ReadInfo;
  report: BalanceReport;
  descriptor: TableDescriptor;
  descriptorPath?: string;
}

export function descriptorBeside(tablePath: string): string | undefined {
  const candidate = join(dirname(tablePath), `${basename(tablePath, extname(tablePath))}.descriptor.json`);
  return existsSync(candidate) ? candidate : undefined;
}

export function loadDescriptor(path: string): TableDescriptor {
  return validateDescriptor(readJson(path), path);
}

export function loadIoTable(path: string, options: LoadOptions = {}): LoadedTable {
  const descriptorPath = options.descriptorPath ?? descriptorBeside(path);
  const descriptor = descriptorPath ? loadDescriptor(descriptorPath) : {};
  const grid = readGrid(path, descriptor.sheet);
  const layout = findLayout(grid, descriptor);
  const { table, info } = parseTable(grid, layout, descriptor);
  const tolerance: Tolerance = { ...DEFAULT_TOLERANCE, ...descriptor.tolerance, ...options.tolerance };
  const report = balanceReport(table, info, tolerance);
  if (options.requireBalance !== false) {
    assertNoEmptySectors(table, info);
    assertBalanced(report);
  }
  return { table, info, report, descriptor, descriptorPath };
}
