/**
 * What crosses a thread or a machine boundary: a chunk of runs to evaluate, and its outputs
 * packed into one Float64Array (exact doubles, NaN and ±Infinity included), or an error as plain
 * data that is rebuilt on the other side with its class, so the CLI keeps its exit statuses.
 */
import { Buffer } from 'node:buffer';
import { InputError, ModelError, SimulationError, type Diagnostic } from '../../sd/ir/diagnostics.js';
import type { EnsembleRequest, RunJob, RunOutput } from '../sensitivity/ensemble.js';

/** A slice of an ensemble: the shared settings and some of its jobs. */
export interface ChunkRequest {
  columns: string[];
  runOptions: EnsembleRequest['runOptions'];
  jobs: RunJob[];
}

/**
 * Outputs of a chunk: for run `indices[r]`, `lengths[r]` saved times, stored in `data` as the
 * time vector followed by one series per column, run after run.
 */
export interface PackedOutputs {
  indices: number[];
  lengths: number[];
  data: Float64Array;
}

export type WireError =
  | { kind: 'simulation'; message: string; messageEs?: string; variable: string; time: number }
  | { kind: 'input'; where: string; message: string; messageEs?: string }
  | { kind: 'model'; diagnostics: Diagnostic[] }
  | { kind: 'other'; message: string };

export type ChunkReply = { ok: true; outputs: PackedOutputs } | { ok: false; error: WireError };

export function packOutputs(outputs: readonly RunOutput[], columns: number): PackedOutputs {
  let size = 0;
  for (const o of outputs) size += o.time.length * (1 + columns);
  const data = new Float64Array(size);
  let at = 0;
  for (const o of outputs) {
    data.set(o.time, at);
    at += o.time.length;
    for (const s of o.values) {
      data.set(s, at);
      at += o.time.length;
    }
  }
  return { indices: outputs.map((o) => o.index), lengths: outputs.map((o) => o.time.length), data };
}

export function unpackOutputs(packed: PackedOutputs, columns: number): RunOutput[] {
  const out: RunOutput[] = [];
  let at = 0;
  packed.indices.forEach((index, r) => {
    const nt = packed.lengths[r];
    const take = () => packed.data.subarray(at, (at += nt));
    const time = take();
    const values = Array.from({ length: columns }, take);
    out.push({ index, time, values });
  });
  if (at !== packed.data.length) throw new Error(`ensemble: packed outputs hold ${packed.data.length} numbers, expected ${at}`);
  return out;
}

/** Packed outputs as JSON-safe text fields (the queue stores job results as JSON). */
export function packedToJson(p: PackedOutputs): { indices: number[]; lengths: number[]; data: string } {
  return { indices: p.indices, lengths: p.lengths, data: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('base64') };
}

export function packedFromJson(j: { indices: number[]; lengths: number[]; data: string }): PackedOutputs {
  const bytes = Buffer.from(j.data, 'base64');
  // Copy into a fresh, aligned buffer: a Buffer may share an unaligned pool slab.
  const data = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(data.buffer).set(bytes);
  return { indices: j.indices, lengths: j.lengths, data };
}

export function toWireError(err: unknown): WireError {
  if (err instanceof SimulationError) return { kind: 'simulation', message: err.message, messageEs: err.messageEs, variable: err.variable, time: err.time };
  if (err instanceof InputError) return { kind: 'input', where: err.where, message: err.message, messageEs: err.messageEs };
  if (err instanceof ModelError) return { kind: 'model', diagnostics: err.diagnostics };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

export function fromWireError(e: WireError): Error {
  switch (e.kind) {
    case 'simulation':
      return new SimulationError({ en: e.message, es: e.messageEs ?? e.message }, e.variable, e.time);
    case 'input': {
      // InputError prefixes `where: ` itself; strip it so the message is not doubled.
      const prefix = e.where ? `${e.where}: ` : '';
      const bare = (m: string) => (m.startsWith(prefix) ? m.slice(prefix.length) : m);
      return new InputError(e.where, { en: bare(e.message), es: bare(e.messageEs ?? e.message) });
    }
    case 'model':
      return new ModelError(e.diagnostics);
    default:
      return new Error(e.message);
  }
}
