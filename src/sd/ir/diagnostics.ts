/** Diagnostics are values with a location; the CLI prints them as `file:line:col: message`. */

export interface SourceLocation {
  file?: string;
  line: number; // 1-based
  column: number; // 1-based
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  loc?: SourceLocation;
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return `${loc.file ?? '<model>'}:${loc.line}:${loc.column}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.loc);
  return `${where ? where + ': ' : ''}${d.severity} ${d.code}: ${d.message}`;
}

/** Bad input: the model or its data cannot be read or compiled (CLI exit status 2). */
export class ModelError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ModelError';
    this.diagnostics = diagnostics;
  }
  static at(code: string, message: string, loc?: SourceLocation): ModelError {
    return new ModelError([{ severity: 'error', code, message, loc }]);
  }
}

/** A simulation that cannot go on, e.g. a stock became NaN (CLI exit status 1). */
export class SimulationError extends Error {
  readonly variable: string;
  readonly time: number;
  constructor(message: string, variable: string, time: number) {
    super(message);
    this.name = 'SimulationError';
    this.variable = variable;
    this.time = time;
  }
}

/**
 * Bad input that is not model text: a data file, a spec, a command-line value.
 * `where` names the file with line and column, or the field (e.g. `spec.json: parameters[2].lo`).
 * The CLI prints `where: message` and exits with status 2.
 */
export class InputError extends Error {
  readonly where: string;
  constructor(where: string, message: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'InputError';
    this.where = where;
  }
}
