/** Entry of a pool worker thread (piscina calls the default export once per chunk). */
import { runChunk, type ChunkTask } from './run-chunk.js';
import type { ChunkReply } from './wire.js';

export default function evaluateChunk(task: ChunkTask): Promise<ChunkReply> {
  return runChunk(task);
}
