/** `igem serve`: the web policy simulator and its HTTP API on localhost. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { buildApp } from '../server/app.js';
import { scheduleBackups } from '../server/backup.js';
import { defaultConfig, projectRoot } from '../server/config.js';
import { ensureWebBuild } from '../server/web-build.js';
import { printStdout } from './cli-lang.js';
import { action, UsageError } from './exit.js';

interface ServeFlags {
  port: string;
  host: string;
  dataDir?: string;
  model?: string;
  build: boolean;
  multiUser?: boolean;
  backup?: string;
  backupEvery: string;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the web policy simulator and its API on localhost, printing the address')
    .option('--port <n>', 'port (0 picks a free one)', process.env.PORT ?? '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'folder of the scenario and model database (default .igem-data, or $IGEM_DATA_DIR)')
    .option('--model <file.mdl>', 'default model (default $IGEM_MODEL, else models/peru/peru.mdl when present, else the example)')
    .option('--multi-user', 'accounts: password login, private scenarios and uploads, per-user limits (create users with `igem users add`)')
    .option('--no-build', 'do not build the web app when it is missing or stale')
    .option('--backup <dir>', 'copy the database into DIR at startup, on a schedule and on SIGUSR2 (SQLite online backup)')
    .option('--backup-every <minutes>', 'minutes between backups', '60')
    .action(
      action(async (flags: ServeFlags) => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError({ en: `--port: expected 0 to 65535, got ${flags.port}`, es: `--port: se esperaba de 0 a 65535, se recibió ${flags.port}` });
        const config = defaultConfig({
          ...(flags.dataDir ? { dataDir: resolve(flags.dataDir) } : {}),
          ...(flags.model ? { defaultModel: resolve(flags.model) } : {}),
        });
        const every = Number(flags.backupEvery);
        if (!(every > 0)) throw new UsageError({ en: `--backup-every: expected a positive number of minutes, got ${flags.backupEvery}`, es: `--backup-every: se esperaba un número positivo de minutos, se recibió ${flags.backupEvery}` });
        if (flags.build) ensureWebBuild(projectRoot(), config.webRoot);
        const { app, ctx } = await buildApp(config, { multiUser: !!flags.multiUser });
        const address = await app.listen({ port, host: flags.host });
        const url = `${address.replace('127.0.0.1', 'localhost')}/`;
        const models = ctx.catalog.list().map((m) => m.id).join(', ');
        printStdout({ en: `IGEM web simulator: ${url}`, es: `simulador web de IGEM: ${url}` });
        printStdout({ en: `  default model: ${config.defaultModel}`, es: `  modelo por defecto: ${config.defaultModel}` });
        printStdout({ en: `  data folder:   ${config.dataDir}`, es: `  carpeta de datos:   ${config.dataDir}` });
        if (flags.multiUser) printStdout({ en: '  accounts:      on (sign in required)', es: '  cuentas:      activadas (se requiere iniciar sesión)' });
        printStdout({ en: `  models: ${models}`, es: `  modelos: ${models}` });
        if (flags.backup) scheduleBackups(ctx.store, { dir: resolve(flags.backup), everyMinutes: every, keep: 7 });
        const stop = () => void app.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
