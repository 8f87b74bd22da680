// Installs dependencies when node_modules is missing or was installed from another lock file,
// so `npm start` and `npm test` work on a fresh clone.
// The lock file's content decides, not its modification time: a fresh checkout or a git worktree
// gives the lock file a new mtime without changing it, and `npm ci` then deleted a node_modules
// that was up to date (through a symlink, another checkout's too).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stamp = 'node_modules/.igem-lock-hash';
const lockHash = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : '';
const installedFrom = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
// No stamp yet (an install from before this script wrote one): the older rule, lock newer than the install.
const olderThanLock = () => existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
const stale = !existsSync(marker) || (installedFrom === undefined ? olderThanLock() : installedFrom !== lockHash);
if (stale) {
  console.log('Installing dependencies (npm ci)…');
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { stdio: 'inherit' });
}
if (existsSync(marker) && installedFrom !== lockHash) writeFileSync(stamp, `${lockHash}\n`);
