#!/usr/bin/env node
// Entry point of the `igem` command: runs the compiled CLI (built by `npm install` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const main = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('igem: the CLI is not built yet. Run `npm install` (or `npm run build`) in ' + root);
  process.exit(2);
}
await import(main);
