/** commander's parse errors in the CLI's language, known by their code (commander-errors.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliLang } from './cli-lang.js';
import { localizeCommanderErrors, TRANSLATED_CODES } from './commander-errors.js';
import { allCommands, localizeHelp } from './help-lang.js';
import { buildProgram } from './program.js';

/** Parses `argv` as main.ts does (help and errors in `lang`) and returns what commander printed on stderr and its error. */
async function parseError(lang: CliLang, argv: string[]): Promise<{ stderr: string; code: string; exitCode: number }> {
  const program = buildProgram();
  localizeHelp(program, lang);
  localizeCommanderErrors(program, lang);
  let stderr = '';
  for (const c of allCommands(program)) c.configureOutput({ writeErr: (s) => (stderr += s), writeOut: () => undefined }).showHelpAfterError(false);
  try {
    await program.parseAsync(['node', 'igem', ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return { stderr, code: e.code, exitCode: e.exitCode };
    throw e;
  }
  throw new Error(`igem ${argv.join(' ')} parsed without an error`);
}

describe('commander\'s parse errors', () => {
  const cases: [string[], string, string, string][] = [
    [['run', '--sett', 'x', 'm.mdl'], 'commander.unknownOption', "error: opción desconocida '--sett'\n(¿Quiso decir --set?)", "error: unknown option '--sett'\n(Did you mean --set?)"],
    [['ru'], 'commander.unknownCommand', "error: comando desconocido 'ru'\n(¿Quiso decir run?)", "error: unknown command 'ru'\n(Did you mean run?)"],
    [['run'], 'commander.missingArgument', "error: falta el argumento obligatorio 'model'", "error: missing required argument 'model'"],
    [['run', 'm.mdl', '--out'], 'commander.optionMissingArgument', "error: falta el valor de la opción '--out <file>'", "error: option '--out <file>' argument missing"],
    [['convert', 'm.mdl'], 'commander.missingMandatoryOptionValue', "error: falta la opción obligatoria '--to <format>'", "error: required option '--to <format>' not specified"],
    [['check', 'a', 'b', 'c'], 'commander.excessArguments', "error: demasiados argumentos para 'check'. Se esperaba 1 argumento y llegaron 3.", "error: too many arguments for 'check'. Expected 1 argument but got 3."],
  ];

  it('read in Spanish with es, in both languages with both, and as commander wrote them with en', async () => {
    for (const [argv, code, es, en] of cases) {
      const got = await parseError('es', argv);
      expect([got.code, got.stderr], argv.join(' ')).toEqual([code, `${es}\n`]);
      expect(got.exitCode).toBe(1); // main.ts answers any such exit with 2
      expect((await parseError('both', argv)).stderr, argv.join(' ')).toBe(`${en}\n${es}\n`);
      expect((await parseError('en', argv)).stderr, argv.join(' ')).toBe(`${en}\n`);
    }
  });

  it('cover every error code commander has but those the CLI cannot meet', () => {
    const lib = join(dirname(createRequire(import.meta.url).resolve('commander')), 'lib');
    const codes = new Set(readdirSync(lib).flatMap((f) => [...readFileSync(join(lib, f), 'utf8').matchAll(/'(commander\.\w+)'/g)].map((m) => m[1]!)));
    // Not errors: help, version, a subcommand in its own executable. A generic error comes from the CLI's own calls of .error() (none).
    const notErrors = ['commander.help', 'commander.helpDisplayed', 'commander.version', 'commander.executeSubCommandAsync', 'commander.error'];
    // An invalid value comes only from .choices() or a custom argument parser, which the CLI does not use (checked below).
    const unused = ['commander.invalidArgument'];
    expect([...codes].filter((c) => !TRANSLATED_CODES.includes(c) && !notErrors.includes(c) && !unused.includes(c))).toEqual([]);
    const cli = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const text = cli.map((f) => readFileSync(join(import.meta.dirname, f), 'utf8')).join('\n');
    expect(text).not.toMatch(/\.choices\(|\.argParser\(|InvalidArgumentError|\.conflicts\(|(?<!console)\.error\(/);
  });
});

describe('igem with a bad option under IGEM_LANG=es', () => {
  const root = join(import.meta.dirname, '..', '..');
  it.skipIf(!existsSync(join(root, 'dist', 'cli', 'commander-errors.js')))('says so in Spanish and exits with 2 (needs the built CLI)', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'igem.js'), 'run', '--bogus', 'm.mdl'], { env: { ...process.env, IGEM_LANG: 'es' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: opción desconocida '--bogus'\n\nUso: igem run \[opciones\] <model>\n/);
    expect(r.stderr).not.toMatch(/unknown option|Usage:|\[options\]/);
  });
});
