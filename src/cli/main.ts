#!/usr/bin/env node
/** The `igem` command line: each group of commands registers itself here. */
import { Command } from 'commander';
import { EXIT_BAD_INPUT } from './exit.js';

const program = new Command();
program
  .name('igem')
  .description('Integrated Green Economy Modelling: system dynamics, calibration, IO-SAM and policy scenarios')
  .showHelpAfterError()
  .exitOverride();

// Command groups (one module each).
import { registerRunCommands } from './run-commands.js';
registerRunCommands(program);
import { registerConformanceCommands } from './conformance-commands.js';
registerConformanceCommands(program);
import { registerIoCommands } from './io-commands.js';
registerIoCommands(program);
import { registerAnalysisCommands } from './analysis-commands.js';
registerAnalysisCommands(program);
import { registerScenarioCommands } from './scenario-commands.js';
registerScenarioCommands(program);
import { registerEnsembleCommands } from './ensemble-commands.js';
registerEnsembleCommands(program);
import { registerServeCommands } from './serve-commands.js';
registerServeCommands(program);
import { registerStructureCommands } from './structure-commands.js';
registerStructureCommands(program);
import { registerConvertCommands } from './convert-commands.js';
registerConvertCommands(program);
import { registerCgeCommands } from './cge-commands.js';
registerCgeCommands(program);
import { registerIntegratedCommands } from './integrated-commands.js';
registerIntegratedCommands(program);
import { registerSamCommands } from './sam-commands.js';
registerSamCommands(program);
import { registerGreenjobsCommands } from './greenjobs-commands.js';
registerGreenjobsCommands(program);
import { registerUserCommands } from './user-commands.js';
registerUserCommands(program);

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
