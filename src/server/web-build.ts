/**
 * Builds the web app (vite) when its bundle is missing or older than its sources, so that
 * `igem serve` works on a fresh clone without a separate step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of the files, and of any file under the folders (0 when none exist). */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    if (statSync(d).isDirectory()) walk(d);
    else newest = Math.max(newest, statSync(d).mtimeMs);
  }
  return newest;
}

export type WebBuildState = 'fresh' | 'built' | 'no-sources';

/** Runs `vite build` when needed; throws with vite's output when the build fails. */
export function ensureWebBuild(root: string, webRoot: string, log: (line: string) => void = console.error): WebBuildState {
  const sources = [join(root, 'src', 'web'), join(root, 'src', 'sd'), join(root, 'vite.config.ts')];
  if (!existsSync(join(root, 'src', 'web', 'index.html'))) return 'no-sources';
  const index = join(webRoot, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > 0 && built >= newestMtime(sources)) return 'fresh';
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) throw new Error('the web app is not built and vite is not installed: run `npm install` then `npm run build:web`');
  log('Building the web app (vite)…');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`the web app build failed (exit ${r.status}); see the messages above`);
  return 'built';
}
