/** `igem conformance`: the suite table (`npm run conformance`). */
import type { Command } from 'commander';
import { formatSuiteTable, runSuite, suiteRoot } from '../conformance/suite.js';
import { runXmileSuite } from '../conformance/xmile-suite.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { action } from './exit.js';

export function registerConformanceCommands(program: Command): void {
  program
    .command('conformance')
    .description('run the SD conformance suite (../shared/sd-test-models) and print pass/fail per case')
    .option('--suite <dir>', 'the suite folder (default: ../shared/sd-test-models)')
    .option('--filter <text>', 'only cases whose path contains this text')
    .option('--xmile', 'the XMILE (.xmile/.stmx) cases instead of the Vensim ones')
    .action(
      action((flags: { suite?: string; filter?: string; xmile?: boolean }) => {
        if (flags.suite) process.env.IGEM_SD_TEST_MODELS = flags.suite;
        const root = suiteRoot();
        if (!root) throw new InputError('--suite', 'the conformance suite was not found (looked for ../shared/sd-test-models)');
        const results = flags.xmile ? runXmileSuite(root, flags.filter) : runSuite(root, flags.filter);
        console.log(formatSuiteTable(results).replace('Vensim cases', flags.xmile ? 'XMILE cases' : 'Vensim cases'));
      }),
    );
}
