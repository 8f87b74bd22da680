/** Diagnostics are values with a location; the CLI prints them as `file:line:col: message`. */

export interface SourceLocation {
  file?: string;
  line: number; // 1-based
  column: number; // 1-based
}

export type Severity = 'error' | 'warning';

/** The two languages every text a user reads is written in. */
export type Lang = 'en' | 'es';

/** A message written in both languages (English stays the `message` every consumer already reads). */
export interface BilingualText {
  en: string;
  es: string;
}

/** What a diagnostic site may pass: English only, or both languages. */
export type MessageText = string | BilingualText;

/**
 * Codes whose messages must come in both languages: `ModelError.at` refuses a bare English
 * string for them at compile time, so a new site cannot forget the Spanish.
 */
export type BilingualCode = 'E_UNSUPPORTED' | 'E_UNDEFINED' | 'E_ALGEBRAIC_LOOP' | 'E_DIMENSION' | 'E_SYNTAX' | 'E_ARITY' | 'E_UNKNOWN_FUNCTION';

/** The message a site must pass for a code: both languages for a BilingualCode, else either form. */
export type MessageFor<C extends string> = C extends BilingualCode ? BilingualText : MessageText;

export interface Diagnostic {
  severity: Severity;
  code: string;
  /** English; the text every consumer shows when it shows one language. */
  message: string;
  /** The same message in Spanish, where the site that raised it wrote one. */
  messageEs?: string;
  loc?: SourceLocation;
}

/** `message` (English) and, when given, `messageEs` for a diagnostic. */
export function messageFields(text: MessageText): { message: string; messageEs?: string } {
  return typeof text === 'string' ? { message: text } : { message: text.en, messageEs: text.es };
}

/** The diagnostic's message in a language: Spanish when asked and written, else English. */
export function diagnosticMessage(d: { message: string; messageEs?: string }, lang: Lang): string {
  return lang === 'es' && d.messageEs !== undefined ? d.messageEs : d.message;
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return `${loc.file ?? '<model>'}:${loc.line}:${loc.column}`;
}

const SEVERITY_ES: Record<Severity, string> = { error: 'error', warning: 'advertencia' };

/** `file:line:col: severity CODE: message`, in English unless Spanish is asked for and written. */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'en'): string {
  const where = formatLocation(d.loc);
  const severity = lang === 'es' && d.messageEs !== undefined ? SEVERITY_ES[d.severity] : d.severity;
  return `${where ? where + ': ' : ''}${severity} ${d.code}: ${diagnosticMessage(d, lang)}`;
}

/** Bad input: the model or its data cannot be read or compiled (CLI exit status 2). */
export class ModelError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'ModelError';
    this.diagnostics = diagnostics;
  }
  /** One located error; for a BilingualCode the message must be written in both languages. */
  static at<C extends string>(code: C, message: MessageFor<C>, loc?: SourceLocation): ModelError {
    return new ModelError([{ severity: 'error', code, ...messageFields(message), loc }]);
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
