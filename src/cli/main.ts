#!/usr/bin/env node
/** The `igem` command line: builds the program (program.ts), words its help and commander's parse errors in the CLI's language, and runs it. */
import { buildProgram } from './program.js';
import { localizeHelp } from './help-lang.js';
import { cliLang } from './cli-lang.js';
import { localizeCommanderErrors } from './commander-errors.js';
import { EXIT_BAD_INPUT } from './exit.js';

const program = buildProgram();
const lang = cliLang();
localizeHelp(program, lang);
localizeCommanderErrors(program, lang);

// A reader that stops reading (`igem run MODEL | head`) closes the pipe: end quietly, as Unix
// tools do, instead of with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number; message?: string };
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
    process.exitCode = 0;
  } else if (typeof e.exitCode === 'number') {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  } else {
    console.error(`error: ${e.message ?? String(err)}`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
