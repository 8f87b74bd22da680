// SDEverywhere's C back end as a second peer: can it be built here?
// `@sdeverywhere/compile` (a devDependency) generates C model code, but that code includes "sde.h",
// the C runtime of SDEverywhere's command-line package. That runtime is in no package this project can
// install from the registry (the npm registry answers 404 for `@sdeverywhere/cli`), and writing our
// own would time our runtime, not SDEverywhere's. The line says so, naming what was looked for.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Paths of any `sde.h` inside the installed @sdeverywhere packages. */
export function findSdeCRuntime(nodeModules = join(process.cwd(), 'node_modules')): string[] {
  const root = join(nodeModules, '@sdeverywhere');
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path, depth + 1);
      else if (entry.isFile() && entry.name === 'sde.h') found.push(path);
    }
  };
  walk(root, 0);
  return found;
}

export function sdeCPeerLine(found = findSdeCRuntime()): string {
  if (found.length === 0) {
    return 'SDEverywhere C back end: not timed. @sdeverywhere/compile generates C that includes "sde.h", the C runtime shipped only with SDEverywhere\'s CLI package, which the npm registry reachable here does not have (404 for @sdeverywhere/cli); no installed @sdeverywhere package contains sde.h.';
  }
  return `SDEverywhere C back end: its runtime is installed (${found[0]}) but building and timing it is not implemented in this bench yet.`;
}
