/** The `igem` program with every group of commands registered, not yet parsed (main.ts parses it; tests read its help). */
import { Command } from 'commander';
import { registerRunCommands } from './run-commands.js';
import { registerConformanceCommands } from './conformance-commands.js';
import { registerIoCommands } from './io-commands.js';
import { registerAnalysisCommands } from './analysis-commands.js';
import { registerScenarioCommands } from './scenario-commands.js';
import { registerEnsembleCommands } from './ensemble-commands.js';
import { registerServeCommands } from './serve-commands.js';
import { registerStructureCommands } from './structure-commands.js';
import { registerConvertCommands } from './convert-commands.js';
import { registerCgeCommands } from './cge-commands.js';
import { registerIntegratedCommands } from './integrated-commands.js';
import { registerSamCommands } from './sam-commands.js';
import { registerGreenjobsCommands } from './greenjobs-commands.js';
import { registerUserCommands } from './user-commands.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('igem')
    .description('Integrated Green Economy Modelling: system dynamics, calibration, IO-SAM and policy scenarios')
    .showHelpAfterError()
    .exitOverride();

  // Command groups (one module each).
  registerRunCommands(program);
  registerConformanceCommands(program);
  registerIoCommands(program);
  registerAnalysisCommands(program);
  registerScenarioCommands(program);
  registerEnsembleCommands(program);
  registerServeCommands(program);
  registerStructureCommands(program);
  registerConvertCommands(program);
  registerCgeCommands(program);
  registerIntegratedCommands(program);
  registerSamCommands(program);
  registerGreenjobsCommands(program);
  registerUserCommands(program);
  return program;
}
