/**
 * commander's parse errors (an unknown option, a missing argument, too many arguments, ...) in the
 * CLI's language. Each is known by its error code, not by its English; the values it names (the
 * option, the argument, the counts) are read from the quotes and numbers of commander's message.
 * With `both`, the English line and then the Spanish one. The exit status stays commander's (main.ts
 * turns it into 2, bad input).
 */
import type { Command } from 'commander';
import type { CliLang } from './cli-lang.js';
import { allCommands } from './help-lang.js';

/** What commander quoted in its message, in order: `'--bogus'` → `--bogus`. */
function quotedIn(line: string): string[] {
  return [...line.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** The whole numbers of a message outside its quotes (a command named `v2` is not a count). */
function countsIn(line: string): number[] {
  return [...line.replace(/'[^']*'/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/**
 * commander's "did you mean" line under an unknown option or command, in Spanish: the names it
 * suggests are kept, the words around them translated.
 */
function suggestionEs(line: string | undefined): string {
  const m = line?.match(/^\((?:Did you mean )(one of )?(.*)\?\)$/);
  if (!m) return line === undefined ? '' : `\n${line}`;
  return m[1] ? `\n(¿Quiso decir una de estas: ${m[2]}?)` : `\n(¿Quiso decir ${m[2]}?)`;
}

const SPANISH: Record<string, (first: string, next: string | undefined) => string | undefined> = {
  'commander.unknownOption': (first, next) => `error: opción desconocida '${quotedIn(first)[0]}'${suggestionEs(next)}`,
  'commander.unknownCommand': (first, next) => `error: comando desconocido '${quotedIn(first)[0]}'${suggestionEs(next)}`,
  'commander.missingArgument': (first) => `error: falta el argumento obligatorio '${quotedIn(first)[0]}'`,
  'commander.optionMissingArgument': (first) => `error: falta el valor de la opción '${quotedIn(first)[0]}'`,
  'commander.missingMandatoryOptionValue': (first) => `error: falta la opción obligatoria '${quotedIn(first)[0]}'`,
  'commander.conflictingOption': (first) => {
    const [a, b] = quotedIn(first);
    return `error: '${a}' no se puede usar junto con '${b}'`;
  },
  'commander.excessArguments': (first) => {
    const [command] = quotedIn(first);
    const [expected, got] = countsIn(first);
    if (expected === undefined || got === undefined) return undefined;
    const plural = expected === 1 ? '' : 's';
    return `error: demasiados argumentos${command !== undefined ? ` para '${command}'` : ''}. Se esperaba${expected === 1 ? '' : 'n'} ${expected} argumento${plural} y llegaron ${got}.`;
  },
};

/** The codes of commander's errors that SPANISH words (commander-errors.test.ts checks commander has no other). */
export const TRANSLATED_CODES = Object.keys(SPANISH);

/** commander's error `message` (code `code`) in `lang`; an error this file does not know stays as commander wrote it. */
export function commanderErrorText(message: string, code: string | undefined, lang: CliLang): string {
  if (lang === 'en') return message;
  const [first = '', next] = message.split('\n');
  const es = code === undefined ? undefined : SPANISH[code]?.(first, next);
  if (es === undefined) return message;
  return lang === 'es' ? es : `${message}\n${es}`;
}

/** Every command of `program` words commander's parse errors in `lang`. */
export function localizeCommanderErrors(program: Command, lang: CliLang): void {
  if (lang === 'en') return;
  for (const cmd of allCommands(program)) {
    const english = cmd.error.bind(cmd);
    cmd.error = (message, options) => english(commanderErrorText(message, options?.code, lang), options);
  }
}
