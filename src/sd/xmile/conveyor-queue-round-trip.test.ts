/**
 * Conveyors and queues through the XMILE writer: every model in queue-fixtures/ and
 * conveyor-fixtures/ is read, written as XMILE, read again, and must give the same columns with
 * identical values at every saved time (the written file may add the net flow of an ordinary
 * stock); written a second time it must give the same text (the
 * writer says what the file said, not what the reader made of it). As .mdl a conveyor that is
 * Vensim's DELAY CONVEYOR runs the same; every other conveyor or queue is refused where it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { writeVensim } from '../vensim/writer.js';
import { readXmile } from './reader.js';
import { firstDiagnostic } from './test-support.js';
import { writeXmile } from './writer.js';

const dirs = ['queue-fixtures', 'conveyor-fixtures'].map((d) => join(import.meta.dirname, d));
const fixtures = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.xmile')).map((f) => ({ name: f, text: readFileSync(join(d, f), 'utf8') })));

function runOf(text: string, file: string) {
  const r = compileXmile(text, { file }).model.run();
  return { names: r.names, time: Array.from(r.time), series: r.names.map((n) => Array.from(r.get(n)!)) };
}

describe('conveyors and queues: read → write XMILE → read', () => {
  it('finds the fixtures', () => {
    expect(fixtures.filter((f) => f.name.startsWith('queue-')).length).toBeGreaterThanOrEqual(4);
    expect(fixtures.filter((f) => f.name.startsWith('belt-')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtures.map((f) => [f.name, f.text]))('%s gives identical results after the round trip', (name, text) => {
    const written = writeXmile(readXmile(text, name));
    expect(written).toMatch(/<conveyor|<queue\/>/);
    const a = runOf(text, name);
    const b = runOf(written, `written-${name}`);
    // An ordinary stock is written with its net rate as one flow (writer.ts): that column is new.
    expect(b.names.filter((n) => !a.names.includes(n)).every((n) => n.endsWith(' net flow'))).toBe(true);
    expect(b.time).toEqual(a.time);
    a.series.forEach((xs, j) => expect([a.names[j], b.series[b.names.indexOf(a.names[j]!)]]).toEqual([a.names[j], xs]));
    // Nothing the reader added (limits, non-negative wrappers) is written twice. A file with an
    // ordinary stock cannot be written a second time: its generated net flow's name is taken.
    if (!written.includes('_net_flow"')) expect(writeXmile(readXmile(written, `written-${name}`))).toBe(written);
  });

  // Conveyors without leaks, capacity or inflow limit, whose transit time is a whole number of
  // TIME STEPs, are Vensim's DELAY CONVEYOR (src/sd/vensim/conveyor-as-delay.ts); so is a discrete
  // conveyor that starts empty, since its type changes only the initial value (conveyor-type-accept.ts).
  const AS_DELAY = new Set(['belt-plain.xmile', 'belt-chain-and-feeder.xmile', 'discrete-empty.xmile']);

  it.each(fixtures.map((f) => [f.name, f.text]))('%s as .mdl: DELAY CONVEYOR giving identical results, or refused at the conveyor or queue', (name, text) => {
    const ir = readXmile(text, name);
    if (AS_DELAY.has(name)) {
      const mdl = writeVensim(ir);
      expect(mdl).toContain('DELAY CONVEYOR(');
      const a = runOf(text, name);
      const r = compileVensim(mdl, { file: `written-${name}.mdl` }).model.run();
      for (const [j, n] of a.names.entries()) expect([n, Array.from(r.get(n) ?? [])]).toEqual([n, a.series[j]]);
      return;
    }
    const d = firstDiagnostic(() => writeVensim(ir));
    const form = ir.stockForms![0]!;
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', name, form.loc.line]);
    expect(d.message).toContain(form.display);
    expect(d.message).toMatch(form.kind === 'queue' ? /fn_queue_fifo/ : /fn_delay_conveyor/);
    expect(d.messageEs).toContain(form.display);
  });
});
