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

/**
 * The message a site must pass for any code: both languages. `ModelError.at`, `warningAt` and
 * `SimulationError` take nothing else, so a new English-only site does not compile. (Kept generic
 * so sites written as `MessageFor<C>` read as before.)
 */
export type MessageFor<_C extends string = string> = BilingualText;

export interface Diagnostic {
  severity: Severity;
  code: string;
  /** English; the text every consumer shows when it shows one language. */
  message: string;
  /** The same message in Spanish. Every engine site writes it; it is optional only for diagnostics read back from older data. */
  messageEs?: string;
  loc?: SourceLocation;
}

/** `message` (English) and `messageEs` (Spanish) for a diagnostic. */
export function messageFields(text: BilingualText): { message: string; messageEs: string } {
  return { message: text.en, messageEs: text.es };
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
  /** One located error, its message written in both languages. */
  static at(code: string, message: BilingualText, loc?: SourceLocation): ModelError {
    return new ModelError([{ severity: 'error', code, ...messageFields(message), loc }]);
  }
}

/** A located warning, its message written in both languages. */
export function warningAt(code: string, message: BilingualText, loc?: SourceLocation): Diagnostic {
  return { severity: 'warning', code, ...messageFields(message), loc };
}

/**
 * The text of an error caught from a lower layer, in both languages: the Spanish an InputError or
 * SimulationError carries, else (an error from a library, whose words we do not write) its own text in both.
 */
export function caughtText(err: unknown): BilingualText {
  if (err instanceof InputError || err instanceof SimulationError) return { en: err.message, es: err.messageEs };
  const msg = err instanceof Error ? err.message : String(err);
  return { en: msg, es: msg };
}

/** A simulation that cannot go on, e.g. a stock became NaN (CLI exit status 1). `message` is English. */
export class SimulationError extends Error {
  readonly variable: string;
  readonly time: number;
  readonly messageEs: string;
  constructor(message: BilingualText, variable: string, time: number) {
    super(message.en);
    this.name = 'SimulationError';
    this.messageEs = message.es;
    this.variable = variable;
    this.time = time;
  }
}

/**
 * Bad input that is not model text: a data file, a spec, a command-line value.
 * `where` names the file with line and column, or the field (e.g. `spec.json: parameters[2].lo`).
 * The CLI prints `where: message` and exits with status 2. `message` is English, `messageEs` Spanish.
 * The constructor takes both languages (bilingual-sites.test.ts checks that no site outside the
 * engine writes a message in English only).
 */
export class InputError extends Error {
  readonly where: string;
  /** The message without `where`, in both languages. */
  readonly text: BilingualText;
  readonly messageEs: string;
  constructor(where: string, text: BilingualText) {
    super(where ? `${where}: ${text.en}` : text.en);
    this.name = 'InputError';
    this.where = where;
    this.text = text;
    this.messageEs = where ? `${where}: ${text.es}` : text.es;
  }
}
