/**
 * The page's bundle stays small because the model readers and compiler live only in the Web
 * Worker: follow the page's static value imports from main.ts and check none reaches them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** Static imports that bring code (not `import type`, not dynamic `import()`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gm)) {
    // `import { type A, type B } from` brings nothing either.
    if (/^\{[^}]*\}$/.test(m[1]!.trim()) && m[1]!.replace(/[{}]/g, '').split(',').every((x) => /^\s*type\s/.test(x) || x.trim() === '')) continue;
    out.push(m[2]!);
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

function pageGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of valueImports(f)) {
      if (!spec.startsWith('.')) continue;
      if (!/\.js$/.test(spec)) continue; // css and other assets
      todo.push(resolve(dirname(f), spec.replace(/\.js$/, '.ts')));
    }
  }
  return new Set([...seen].map((f) => relative(root, f)));
}

describe('page bundle boundary', () => {
  it('keeps the model readers, analyzer and compiler out of the page (they run in the worker)', () => {
    const files = [...pageGraph(join(root, 'src', 'web', 'main.ts'))];
    expect(files).toContain('src/web/views/simulator.ts');
    expect(files.filter((f) => /^src\/sd\/(vensim|xmile|analyze|compile|run|data)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/web/model/') && !/\/(model-client|control)\.ts$/.test(f))).toEqual([]);
  });
});
