/** Builds small XMILE documents for tests, and reads their runs' columns. */
import { expect } from 'vitest';
import type { Diagnostic } from '../ir/diagnostics.js';
import { readVensim } from '../vensim/reader.js';
import { writeXmile } from './writer.js';
import { thrownModelError } from '../ir/test-support/thrown.js';

/** A run's columns by name as plain arrays; a missing name fails naming the columns there are. */
export function columnReader(run: { names: string[]; get(n: string): Float64Array | number[] | undefined }): (name: string) => number[] {
  return (name) => {
    const s = run.get(name);
    if (!s) throw new Error(`no column ${name}; have ${run.names.join(', ')}`);
    return Array.from(s);
  };
}

/** The series has the expected length and every value within 1e-9 of the expected one. */
export function close(xs: number[], want: number[]): void {
  expect(xs.length).toBe(want.length);
  xs.forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 9));
}

export interface DocOptions {
  start?: number;
  stop?: number;
  /** The whole `<dt>` element (default `<dt>1</dt>`). */
  dt?: string;
  /** Attributes of `<sim_specs>` (default `method="Euler" time_units="Months"`). */
  simAttrs?: string;
  dimensions?: string;
  behavior?: string;
  macros?: string;
}

export function xmileDoc(variables: string, o: DocOptions = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs ${o.simAttrs ?? 'method="Euler" time_units="Months"'}>
    <start>${o.start ?? 0}</start>
    <stop>${o.stop ?? 10}</stop>
    ${o.dt ?? '<dt>1</dt>'}
  </sim_specs>${o.dimensions ? `\n  <dimensions>${o.dimensions}</dimensions>` : ''}${o.behavior ? `\n  <behavior>${o.behavior}</behavior>` : ''}
  <model>
    <variables>
${variables}
    </variables>
  </model>${o.macros ?? ''}
</xmile>
`;
}

/** The first diagnostic of the ModelError `act` throws (the test fails if it throws none). */
export function firstDiagnostic(act: () => unknown): Diagnostic {
  return thrownModelError(act).diagnostics[0]!;
}

/** The first diagnostic of the XMILE writer's refusal of a Vensim model (the test fails if it writes one). */
export function xmileRefusal(mdl: string, file: string): Diagnostic {
  return firstDiagnostic(() => writeXmile(readVensim(mdl, file)));
}
