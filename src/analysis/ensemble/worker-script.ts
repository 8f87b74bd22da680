/**
 * Where a worker's code lives. Built, this folder is compiled JavaScript in dist/ and a worker
 * imports the sibling .js file. Run from sources (vitest, tsx), the sibling is a .ts file, and
 * the worker gets tsx's loader (a devDependency) so that it can import TypeScript as well.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface WorkerScript {
  /** File URL of the script. */
  url: string;
  /** Node options the worker (thread or process) needs to import it. */
  execArgv: string[];
}

/** The script `base` (without extension) in this folder. */
export function workerScript(base: string): WorkerScript {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(`./${base}.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  if (!fromSources) return { url, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url, execArgv: ['--import', tsx] };
}
