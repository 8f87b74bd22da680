/**
 * Packages that only some models need (the XML parser for XMILE, the zip inflater and spreadsheet
 * reader for workbooks, the random generator for RANDOM functions), loaded at their first use
 * instead of when the engine is imported. A process that compiles and runs a plain .mdl model never
 * needs them, and loading them eagerly cost it about 10 MB (10,000-equation bench model).
 *
 * Under Node the package is required synchronously (its CommonJS build) through the host's own
 * `process.getBuiltinModule`, looked up at run time, so the engine core keeps no Node import and
 * still runs in a browser. There, where nothing can be loaded synchronously, the bundle's entry
 * hands each package over with `providePackage` (src/web/model/model-worker.ts).
 *
 * SheetJS's CommonJS build also loads its code-page tables, which its ES module build leaves out:
 * the 23 workbooks of ../shared (7 .xls, 16 .xlsx) read to the same sheets, cells and names with
 * either; only text in a legacy (BIFF5 or older) file's code page can decode differently.
 */

type Require = (id: string) => unknown;
type NodeModuleApi = { createRequire(from: string): Require };
type HostProcess = { getBuiltinModule?: (id: string) => unknown };

const provided = new Map<string, unknown>();
let nodeRequire: Require | null | undefined;

/** Gives the package `name` to the engine (a browser bundle's entry, which imports it statically). */
export function providePackage(name: string, mod: unknown): void {
  provided.set(name, mod);
}

function requireFromNode(): Require | null {
  if (nodeRequire !== undefined) return nodeRequire;
  const host = (globalThis as { process?: HostProcess }).process;
  const api = host?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
  return (nodeRequire = api ? api.createRequire(import.meta.url) : null);
}

/** A getter for the package `name`, loaded at the first call and kept. */
export function lazyPackage<T>(name: string): () => T {
  let mod: T | undefined;
  return () => {
    if (mod !== undefined) return mod;
    const given = provided.get(name);
    if (given !== undefined) return (mod = given as T);
    const req = requireFromNode();
    if (!req) {
      throw new Error(`the engine needs the package ${name} here; a browser bundle must hand it over with providePackage (el motor necesita aquí el paquete ${name}; un paquete para navegador debe entregarlo con providePackage)`);
    }
    return (mod = req(name) as T);
  };
}
