/** `igem users add NAME --role R`: creates an account for `igem serve --multi-user` (password from $IGEM_PASSWORD or stdin). */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { ROLES, UsersStore, type Role } from '../server/auth/users-store.js';
import { defaultConfig } from '../server/config.js';
import { caughtText } from '../sd/ir/diagnostics.js';
import { printStdout } from './cli-lang.js';
import { action, UsageError } from './exit.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('accounts for the multi-user web server');
  users
    .command('add <name>')
    .description('add a user; the password comes from $IGEM_PASSWORD or, when unset, from standard input')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--data-dir <dir>', 'the server\'s data folder (default .igem-data, or $IGEM_DATA_DIR)')
    .action(
      action(async (name: string, flags: { role: string; dataDir?: string }) => {
        if (!ROLES.includes(flags.role as Role)) throw new UsageError({ en: `--role: expected one of ${ROLES.join(', ')}, got ${flags.role}`, es: `--role: se esperaba uno de ${ROLES.join(', ')}, se recibió ${flags.role}` });
        const password = process.env.IGEM_PASSWORD ?? (await readStdin());
        const config = defaultConfig(flags.dataDir ? { dataDir: resolve(flags.dataDir) } : {});
        const store = new UsersStore(config.dataDir);
        try {
          const u = await store.addUser(name, flags.role as Role, password);
          printStdout({ en: `user ${u.name} (${u.role}) added to ${config.dataDir}`, es: `usuario ${u.name} (${u.role}) agregado en ${config.dataDir}` });
        } catch (e) {
          throw new UsageError(caughtText(e));
        } finally {
          store.close();
        }
      }),
    );
}
