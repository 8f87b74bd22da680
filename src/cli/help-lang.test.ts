/** The CLI's --help in the CLI's language: every description of every command has its Spanish. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_ES } from './help-es.js';
import { allCommands, COMMANDER_TEXTS, helpTexts, localizeHelp, spanishHelp } from './help-lang.js';
import { buildProgram } from './program.js';

/** Texts written in both languages already (the CGE commands), or the same in both (a JSON shape, the same word). */
const SAME_OR_MIXED = (en: string, es: string) => en.includes(es) || /^JSON: \{|^imprime JSON$|^descriptor JSON$/.test(en);

describe('the Spanish of the --help texts', () => {
  const texts = allCommands(buildProgram()).flatMap(helpTexts);

  it('every description of every command, option and argument has one, and it is not the English', () => {
    expect(texts.length).toBeGreaterThan(180);
    expect(texts.filter((t) => spanishHelp(t) === undefined)).toEqual([]);
    expect(texts.filter((t) => !SAME_OR_MIXED(t, spanishHelp(t)!) && spanishHelp(t) === t)).toEqual([]);
  });

  it('has no entry nothing uses', () => {
    // A text's entry is itself, or with its numbers as {n}.
    const used = new Set([...texts.map((t) => (HELP_ES[t] !== undefined ? t : t.replace(/\d+/g, '{n}'))), ...COMMANDER_TEXTS]);
    expect(Object.keys(HELP_ES).filter((k) => !used.has(k))).toEqual([]);
  });

  it('fills a number the English computed into its entry', () => {
    expect(spanishHelp('worker threads for the runs (default: one per core, here 6)')).toBe('hilos de trabajo para las corridas (por defecto: uno por núcleo, aquí 6)');
  });
});

describe('localizeHelp', () => {
  const help = (lang: 'en' | 'es' | 'both', ...path: string[]) => {
    const program = buildProgram();
    localizeHelp(program, lang);
    let cmd = program;
    for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
    return cmd.helpInformation();
  };

  it('words a help page in Spanish: titles, descriptions, commander\'s help option and its (default: …)', () => {
    const run = help('es', 'run');
    expect(run).toMatch(/^Uso: igem run \[opciones\] <model>\n\nsimula un modelo de Vensim y escribe una fila por cada tiempo guardado\n\nArgumentos:\n {2}model +el archivo \.mdl\n\nOpciones:\n/);
    expect(run).toContain('muestra la ayuda del comando');
    expect(run).toMatch(/reemplaza el valor de una constante \(repetible\) \(por\s+defecto: \[\]\)/);
    expect(run).not.toMatch(/override a constant|display help|Options:|default:/);
    expect(help('es', 'sam', 'balance')).toContain('balancea una MCS por RAS');
  });

  it('with both, the English line and then the Spanish one', () => {
    const run = help('both', 'run');
    expect(run).toMatch(/^Usage \/ Uso: igem run \[options\/opciones\] <model>\n/);
    expect(run).toMatch(/override a constant \(repeatable\)\n +reemplaza el valor de una constante \(repetible\)\n +\(default \/ por defecto: \[\]\)/);
    // A text already in both languages is shown once.
    expect(help('both', 'cge')).toContain('Modelo de equilibrio general computable / computable general equilibrium model\n');
    expect(help('both', 'cge')).not.toContain('computable general equilibrium model\nModelo de equilibrio general computable\n');
  });

  it('leaves English as it is', () => {
    expect(help('en', 'run')).toBe(buildProgram().commands.find((c) => c.name() === 'run')!.helpInformation());
  });

  const root = join(import.meta.dirname, '..', '..');
  it.skipIf(!existsSync(join(root, 'dist', 'cli', 'help-lang.js')))('is what `igem --help` prints with IGEM_LANG=es (needs the built CLI)', () => {
    const bin = join(root, 'bin', 'igem.js');
    const out = execFileSync(process.execPath, [bin, '--help'], { env: { ...process.env, IGEM_LANG: 'es' }, encoding: 'utf8' });
    expect(out).toMatch(/^Uso: igem \[opciones\] \[comando\]\n\nModelación Integrada de Economía Verde/);
    expect(out).toContain('Comandos:');
    // commander's placeholders in the list of commands and in its help command too.
    expect(out).toMatch(/\n {2}run \[opciones\] <model> +simula/);
    expect(out).toMatch(/\n {2}help \[comando\] +muestra la ayuda del comando/);
    expect(out).not.toMatch(/\[options\]|\[command\]/);
  });
});
