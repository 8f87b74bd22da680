/**
 * `igem run` writes tables block by block as the run goes: the file (and standard output) must be
 * byte for byte the table made from the whole run in memory, as before streaming.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../sd/ir/diagnostics.js';
import { compileVensim } from '../sd/run/engine.js';
import { formatTable, tableSink, writeChunksAtomic } from './output-writers.js';
import { registerRunCommands } from './run-commands.js';
import { runCli, type CliOutcome } from './test-support.js';

/**
 * 3 × 100 columns of a two-dimensional array (names like `s[a1,b1]`, which CSV must quote), and one
 * quoted name with a comma and a quote: 1,001 saved rows × 305 columns and the time is more than one 2 MB block.
 */
const WIDE = `a: (a1-a10) ~~|
b: (b1-b10) ~~|
rate[a,b] = 0.0001 * (a + b) ~~|
s[a,b] = INTEG(rate[a,b] * s[a,b], 1 / 3) ~~|
w[a,b] = s[a,b] * SIN(Time / 7) ~~|
"odd, \\"name\\"" = SUM(w[a!,b!]) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 1000 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;

function wideModelFile(): { dir: string; mdl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'igem-run-out-'));
  const mdl = join(dir, 'wide.mdl');
  writeFileSync(mdl, WIDE);
  return { dir, mdl };
}

/** Runs `igem` with standard output captured in chunks; `closeAfter`: the reader closes the pipe after that many chunks. */
async function runCapturingStdout(args: string[], closeAfter = Infinity): Promise<{ chunks: string[]; outcome: CliOutcome }> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  });
  const destroyed = vi.spyOn(process.stdout, 'destroyed', 'get').mockImplementation(() => chunks.length >= closeAfter);
  try {
    return { chunks, outcome: await runCli(registerRunCommands, args) };
  } finally {
    write.mockRestore();
    destroyed.mockRestore();
  }
}

describe('igem run output, streamed', () => {
  const model = compileVensim(WIDE, { file: 'wide.mdl' }).model;
  const whole = model.run();

  it('the model is wide enough to be written in more than one block', () => {
    expect(whole.names).toContain('odd, "name"');
    let blocks = 0;
    model.stream({ begin() {}, rows: () => void blocks++ });
    expect(blocks).toBeGreaterThan(1);
  });

  it.each([[1], [3], [1000], [5000]])('a table streamed in blocks of %i rows is the whole-run table, byte for byte', (blockRows) => {
    for (const delimiter of [',', '\t']) {
      const parts: string[] = [];
      model.stream(tableSink(delimiter, (t) => parts.push(t)), { blockRows });
      expect(parts.join('')).toBe(formatTable(whole, delimiter));
    }
  });

  it.each(['out.csv', 'out.tsv', 'out.tab'])('writes %s as the whole-run table, and leaves no temporary file', async (name) => {
    const { dir, mdl } = wideModelFile();
    const path = join(dir, name);
    const r = await runCli(registerRunCommands, ['run', mdl, '--out', path]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote 1001 rows × ${whole.names.length} columns to ${path}`);
    expect(readFileSync(path, 'utf8')).toBe(formatTable(whole, name.endsWith('.csv') ? ',' : '\t'));
    expect(readdirSync(dir).sort()).toEqual([name, 'wide.mdl'].sort());
  });

  it('prints the same CSV on standard output', async () => {
    const { mdl } = wideModelFile();
    const { chunks, outcome } = await runCapturingStdout(['run', mdl, '--columns', 's,rate', '--end', '500']);
    expect(outcome.code).toBe(0);
    expect(chunks.join('')).toBe(formatTable(model.run({ columns: ['s', 'rate'], end: 500 }), ','));
  });

  it('stops the run, quietly, when the reader of standard output went away (`| head`)', async () => {
    const { mdl } = wideModelFile();
    // The pipe closes after the header and the first block.
    const { chunks, outcome } = await runCapturingStdout(['run', mdl], 2);
    expect(outcome).toMatchObject({ code: 0, err: '' });
    expect(chunks).toHaveLength(2);
    expect(formatTable(whole, ',').startsWith(chunks.join(''))).toBe(true);
  });

  it('a run that stops leaves an earlier output file as it was, and no temporary file', async () => {
    const { dir } = wideModelFile();
    const mdl = join(dir, 'nan.mdl');
    writeFileSync(mdl, 'x = INTEG(IF THEN ELSE(Time > 500, 0 / 0, 1), 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1000 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n');
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'earlier\n');
    const r = await runCli(registerRunCommands, ['run', mdl, '--out', path]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/x became NaN at time 50[12]/);
    expect(readFileSync(path, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeChunksAtomic', () => {
  it('writes the chunks in order under the final name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-chunks-'));
    const path = join(dir, 'a.txt');
    expect(writeChunksAtomic(path, (write) => (['a', 'bé', new Uint8Array([0x0a])].forEach(write), 7))).toBe(7);
    expect(readFileSync(path, 'utf8')).toBe('abé\n');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('passes on an error of the producer unchanged, removing the temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-chunks-'));
    const boom = new Error('the run stopped');
    expect(() =>
      writeChunksAtomic(join(dir, 'a.txt'), (write) => {
        write('half');
        throw boom;
      }),
    ).toThrow(boom);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file that cannot be written is an InputError naming the output path', () => {
    const path = join(tmpdir(), 'igem-no-such-folder-xyz', 'out.csv');
    expect(() => writeChunksAtomic(path, (write) => write('x'))).toThrow(new InputError(path, { en: 'cannot write output (ENOENT)', es: 'no se puede escribir la salida (ENOENT)' }));
    expect(existsSync(path)).toBe(false);
  });
});
