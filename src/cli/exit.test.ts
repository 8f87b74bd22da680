import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulationError } from '../sd/ir/diagnostics.js';
import { EXIT_BAD_INPUT, EXIT_SIMULATION, fileErrorMessage, reportError } from './exit.js';

/** Runs fn and returns the Node error it throws (the tests below provoke real file-system errors). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a file-system error');
}

describe('reportError on file-system errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-exit-'));
  afterEach(() => vi.restoreAllMocks());

  it('says "cannot open" with plain words for a missing input file', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const path = join(dir, 'missing.mdl');
    expect(reportError(thrown(() => readFileSync(path)))).toBe(EXIT_BAD_INPUT);
    expect(spy).toHaveBeenCalledWith(`error: cannot open ${path}: no such file or folder (ENOENT)`);
  });

  it('does not claim a read when an output goes into a missing folder', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const path = join(dir, 'no-such-folder', 'out.csv');
    expect(reportError(thrown(() => writeFileSync(path, 'x')))).toBe(EXIT_BAD_INPUT);
    // Node reports the open for writing as syscall 'open', as for reading: the message says "open".
    expect(spy).toHaveBeenCalledWith(`error: cannot open ${path}: no such file or folder (ENOENT)`);
  });

  it('says "cannot write" for a failed mkdir and "list" for a failed folder listing', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    reportError(thrown(() => mkdirSync(join(file, 'sub'))));
    expect(String(spy.mock.calls[0]?.[0])).toMatch(/^error: cannot write .*plain\.txt.sub: a part of the path is not a folder \(ENOTDIR\)$/);
    reportError(thrown(() => readdirSync(join(dir, 'nope'))));
    expect(String(spy.mock.calls[1]?.[0])).toBe(`error: cannot list ${join(dir, 'nope')}: no such file or folder (ENOENT)`);
  });

  it('keeps unknown codes as they are', () => {
    expect(fileErrorMessage('EWEIRD', '/x', 'read')).toEqual({ en: 'error: cannot read /x: EWEIRD', es: 'error: no se puede leer /x: EWEIRD' });
  });

  it('prints a failed run and a file error in the language IGEM_LANG asks for', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const saved = process.env.IGEM_LANG;
    try {
      process.env.IGEM_LANG = 'es';
      const nan = new SimulationError({ en: 'x became NaN at time 3', es: 'x se volvió NaN en el tiempo 3' }, 'x', 3);
      expect(reportError(nan)).toBe(EXIT_SIMULATION);
      expect(spy).toHaveBeenLastCalledWith('la simulación falló: x se volvió NaN en el tiempo 3');
      const path = join(dir, 'missing.mdl');
      reportError(thrown(() => readFileSync(path)));
      expect(spy).toHaveBeenLastCalledWith(`error: no se puede abrir ${path}: no existe el archivo o la carpeta (ENOENT)`);
      process.env.IGEM_LANG = 'both';
      reportError(nan);
      expect(spy).toHaveBeenLastCalledWith('simulation failed: x became NaN at time 3\nla simulación falló: x se volvió NaN en el tiempo 3');
    } finally {
      if (saved === undefined) delete process.env.IGEM_LANG;
      else process.env.IGEM_LANG = saved;
    }
  });

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
  });
});
