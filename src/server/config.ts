/**
 * Server settings: where data lives, which model is the default, limits. Read once at startup;
 * every value can be set from the command line or the environment.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultServerLimits, type ServerLimits } from './limits.js';

export interface ServerConfig {
  /** Folder of the SQLite database (created when missing). */
  dataDir: string;
  /** The model shown first: a .mdl path. */
  defaultModel: string;
  /** Further built-in models listed beside the default (paths). */
  extraModels: string[];
  /** Folder with the built web app (index.html); not served when missing. */
  webRoot: string;
  /** Largest request body, in bytes (uploaded models travel in the body). */
  bodyLimit: number;
  /** Longest a server-side run (or upload check) may take before it is stopped. */
  runTimeoutMs: number;
  /** Run threads, memory, queues and model limits (src/server/limits.ts). */
  limits: ServerLimits;
}

/** The project's root folder (this file is src/server/config.ts or dist/server/config.js). */
export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export const EXAMPLE_MODEL = join('models', 'examples', 'green-growth.mdl');
export const PERU_MODEL = join('models', 'peru', 'peru.mdl');

/**
 * The default model: $IGEM_MODEL when set, else the Peru model once models/peru/peru.mdl exists,
 * else the bundled example. Checked at startup, so dropping the Peru file in needs only a restart.
 */
export function resolveDefaultModel(root = projectRoot(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.IGEM_MODEL) return resolve(env.IGEM_MODEL);
  const peru = join(root, PERU_MODEL);
  if (existsSync(peru)) return peru;
  return join(root, EXAMPLE_MODEL);
}

export function defaultConfig(overrides: Partial<ServerConfig> = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = projectRoot();
  const defaultModel = overrides.defaultModel ?? resolveDefaultModel(root, env);
  const example = join(root, EXAMPLE_MODEL);
  return {
    dataDir: resolve(env.IGEM_DATA_DIR ?? join(root, '.igem-data')),
    defaultModel,
    extraModels: resolve(defaultModel) === resolve(example) ? [] : [example],
    webRoot: join(root, 'dist', 'public'),
    bodyLimit: Number(env.IGEM_BODY_LIMIT ?? 8 * 1024 * 1024),
    runTimeoutMs: Number(env.IGEM_RUN_TIMEOUT_MS ?? 10_000),
    limits: defaultServerLimits(env),
    ...overrides,
  };
}
