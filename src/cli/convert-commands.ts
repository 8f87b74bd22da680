/** `igem convert MODEL --to xmile|mdl`: model interchange through the IR. */
import type { Command } from 'commander';
import { readModelIR } from '../sd/node/read-ir.js';
import { xmileWriteOptions } from '../sd/node/xmile-write-options.js';
import { writeVensim } from '../sd/vensim/writer.js';
import { writeXmile } from '../sd/xmile/writer.js';
import { realityChecksLeftOut } from '../sd/xmile/reality-checks-left-out.js';
import { diagnosticLines, printStderr } from './cli-lang.js';
import { action, UsageError } from './exit.js';
import { writeFileAtomic } from './output-writers.js';

export function registerConvertCommands(program: Command): void {
  program
    .command('convert')
    .description('write a Vensim or XMILE model in the other format (or the same, normalised); what XMILE 1.0 cannot express is refused with its location')
    .argument('<model>', 'the .mdl or XMILE file')
    .requiredOption('--to <format>', 'xmile or mdl')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      action((model: string, flags: { to: string; out?: string }) => {
        const to = flags.to.toLowerCase();
        if (to !== 'xmile' && to !== 'mdl') throw new UsageError({ en: `--to must be xmile or mdl, got '${flags.to}'`, es: `--to debe ser xmile o mdl, se recibió '${flags.to}'` });
        const ir = readModelIR(model);
        const text = to === 'xmile' ? writeXmile(ir, xmileWriteOptions(model, ir)) : writeVensim(ir);
        if (to === 'xmile') for (const line of diagnosticLines(realityChecksLeftOut(ir))) console.error(line);
        if (flags.out) {
          writeFileAtomic(flags.out, text);
          printStderr({ en: `wrote ${flags.out}`, es: `escrito: ${flags.out}` });
        } else process.stdout.write(text);
      }),
    );
}
