/** `igem conformance`: the suite table (`npm run conformance`). */
import type { Command } from 'commander';
import { formatSuiteTable, runSuite, suiteRoot } from '../conformance/suite.js';
import { runXmileSuite } from '../conformance/xmile-suite.js';
import { corpusRoot, formatCorpusTable, readCatalog, runCorpus } from '../conformance/corpus.js';
import { writeCorpus } from '../conformance/corpus-write.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { action } from './exit.js';

export function registerConformanceCommands(program: Command): void {
  program
    .command('conformance')
    .description('run the SD conformance suite (../shared/sd-test-models) and print pass/fail per case')
    .option('--suite <dir>', 'the suite folder (default: ../shared/sd-test-models)')
    .option('--filter <text>', 'only cases whose path contains this text')
    .option('--xmile', 'the XMILE (.xmile/.stmx) cases instead of the Vensim ones')
    .option('--corpus', 'the corpus of public models (corpus/) instead of the suite')
    .option('--write', 'with --corpus: rewrite corpus/status.json, SOURCE.md files and the README tables')
    .action(
      action((flags: { suite?: string; filter?: string; xmile?: boolean; corpus?: boolean; write?: boolean }) => {
        if (flags.corpus) {
          const root = corpusRoot();
          if (flags.write) console.log(writeCorpus(root, 'README.md').table);
          else console.log(formatCorpusTable(readCatalog(root).filter((e) => !flags.filter || e.name.includes(flags.filter)), runCorpus(root, flags.filter)));
          return;
        }
        if (flags.suite) process.env.IGEM_SD_TEST_MODELS = flags.suite;
        const root = suiteRoot();
        if (!root) throw new InputError('--suite', { en: 'the conformance suite was not found (looked for ../shared/sd-test-models)', es: 'no se encontró la suite de conformidad (se buscó ../shared/sd-test-models)' });
        const results = flags.xmile ? runXmileSuite(root, flags.filter) : runSuite(root, flags.filter);
        console.log(formatSuiteTable(results).replace('Vensim cases', flags.xmile ? 'XMILE cases' : 'Vensim cases'));
      }),
    );
}
