/**
 * A worker's job: evaluate one chunk of runs with the model `ref` names. The runs go through the
 * sensitivity module's own in-thread evaluator, so a run gives the same numbers here as anywhere.
 */
import { localEvaluator, type RunOutput } from '../sensitivity/ensemble.js';
import { modelFor, type ModelRef } from './model-ref.js';
import { packOutputs, toWireError, type ChunkReply, type ChunkRequest } from './wire.js';

export interface ChunkTask extends ChunkRequest {
  model: ModelRef;
}

export async function runChunk(task: ChunkTask): Promise<ChunkReply> {
  try {
    const model = modelFor(task.model);
    const outputs: RunOutput[] = [];
    // Copied at once: a model may reuse its result buffers on the next run.
    const keep = (o: RunOutput) => outputs.push({ index: o.index, time: o.time.slice(), values: o.values.map((v) => v.slice()) });
    await localEvaluator(model)({ columns: task.columns, runOptions: task.runOptions, jobs: task.jobs }, keep);
    return { ok: true, outputs: packOutputs(outputs, task.columns.length) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}
