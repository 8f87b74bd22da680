/**
 * The `--help` of every command in the CLI's language (IGEM_LANG or the locale, cli-lang.ts): the
 * descriptions of commands, options and arguments, commander's own help option and command, and the
 * section titles, looked up in help-es.ts by their English text. With `both`, the English line and
 * then the Spanish one. A text without a translation stays English (help-lang.test.ts finds none).
 */
import { Help, type Command, type Option } from 'commander';
import type { CliLang } from './cli-lang.js';
import { HELP_ES } from './help-es.js';

/** commander's own texts: its help option and command, and the section titles of a help page. */
export const COMMANDER_TEXTS = ['display help for command', 'Usage:', 'Arguments:', 'Options:', 'Global Options:', 'Commands:', 'Global Commands:'];

/** The placeholders commander writes in a usage line (`igem run [options] <model>`), in Spanish. */
const USAGE_WORDS: Record<string, string> = { '[options]': '[opciones]', '[command]': '[comando]' };

/** A usage line with commander's placeholders in `lang` (with `both`, `[options/opciones]`); the arguments' own names stay. */
export function usageWords(usage: string, lang: CliLang): string {
  if (lang === 'en') return usage;
  return usage.replace(/\[(options|command)\]/g, (w) => (lang === 'es' ? USAGE_WORDS[w]! : `${w.slice(0, -1)}/${USAGE_WORDS[w]!.slice(1)}`));
}

/** The labels commander puts after an option's description, in Spanish. */
const EXTRA_LABELS: Record<string, string> = { default: 'por defecto', choices: 'opciones', preset: 'valor predefinido', env: 'variable de entorno' };

/** Every command under `root`, root first. */
export function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => allCommands(c))];
}

/** The descriptions a command's help shows: its own, its options' and its arguments'. */
export function helpTexts(cmd: Command): string[] {
  return [cmd.description(), ...cmd.options.map((o) => o.description), ...cmd.registeredArguments.map((a) => a.description)].filter((t) => t !== '');
}

/** The Spanish of an English help text, or undefined; a text with a number computed here (the cores) matches its `{n}` entry. */
export function spanishHelp(en: string): string | undefined {
  const exact = HELP_ES[en];
  if (exact !== undefined) return exact;
  const numbers = en.match(/\d+/g) ?? [];
  let k = 0;
  return HELP_ES[en.replace(/\d+/g, '{n}')]?.replace(/\{n\}/g, () => numbers[k++] ?? '');
}

/** `en` in `lang`: its Spanish, or both one above the other (once when the English already holds the Spanish). */
function worded(en: string, lang: CliLang): string {
  const es = spanishHelp(en);
  if (lang === 'en' || es === undefined) return en;
  if (lang === 'es') return es;
  return en.includes(es) ? en : `${en}\n${es}`;
}

export function localizeHelp(program: Command, lang: CliLang): void {
  if (lang === 'en') return;
  for (const cmd of allCommands(program)) {
    cmd.description(worded(cmd.description(), lang));
    for (const o of cmd.options) o.description = worded(o.description, lang);
    for (const a of cmd.registeredArguments) a.description = worded(a.description, lang);
    cmd.helpOption('-h, --help', worded('display help for command', lang));
    if (cmd.commands.length > 0) cmd.helpCommand(usageWords('help [command]', lang), worded('display help for command', lang));
    // After the help option and command: the usage reads whether the command has options and subcommands.
    cmd.usage(usageWords(cmd.usage(), lang));
    cmd.configureHelp({
      // Titles on one line: with `both`, `Usage / Uso:`.
      styleTitle: (title) => title.replace(/^(.*):$/, (_, t: string) => (lang === 'es' ? HELP_ES[title] ?? title : HELP_ES[title] ? `${t} / ${HELP_ES[title]}` : title)),
      // A subcommand as the list of commands shows it: `run [opciones] <model>`.
      subcommandTerm: (sub) => usageWords(Help.prototype.subcommandTerm.call(sub.createHelp(), sub), lang),
      // commander adds `(default: …)` and the like after an option's description.
      optionDescription(this: Help, option: Option) {
        const full = Help.prototype.optionDescription.call(this, option);
        const extra = full.slice(option.description.length).replace(/(\(|, )(default|choices|preset|env): /g, (_, before: string, label: string) => {
          const es = EXTRA_LABELS[label]!;
          return `${before}${lang === 'es' ? es : `${label} / ${es}`}: `;
        });
        return option.description + extra;
      },
    });
  }
}
