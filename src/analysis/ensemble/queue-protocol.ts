/**
 * What the submitter (`--queue`) and the workers (`igem worker --queue`) agree on: the BullMQ
 * queue's name, a job's data (a chunk of runs and the hash of the model bundle), its result, and
 * where the bundle is kept. The bundle is stored once per ensemble under its own Redis key rather
 * than in every job, so a large model with its data files crosses the network once per worker.
 */
import type { ConnectionOptions } from 'bullmq';
import type { ModelBundle } from './bundle.js';
import type { QueueAddress } from './queue-url.js';
import type { ChunkRequest, WireError } from './wire.js';

export const QUEUE_NAME = 'igem-ensemble';

/** Bundles live a week; each submission refreshes its bundle's time. */
export const BUNDLE_TTL_SECONDS = 7 * 24 * 3600;

export function bundleKey(hash: string): string {
  return `igem:model-bundle:${hash}`;
}

export interface QueueChunkData extends ChunkRequest {
  /** The ensemble this chunk belongs to (job ids are `<ensemble>-<chunk>`). */
  ensemble: string;
  modelHash: string;
}

/** A chunk's result as stored by BullMQ (JSON): the packed outputs, doubles in base64. */
export interface QueueChunkResult {
  indices: number[];
  lengths: number[];
  data: string;
}

/** A worker fails a job with this message: the error as JSON, so its class can be rebuilt. */
export const WIRE_ERROR_PREFIX = 'igem-error:';

export function encodeFailure(e: WireError): string {
  return WIRE_ERROR_PREFIX + JSON.stringify(e);
}

export function decodeFailure(reason: string): WireError {
  if (reason.startsWith(WIRE_ERROR_PREFIX)) {
    try {
      return JSON.parse(reason.slice(WIRE_ERROR_PREFIX.length)) as WireError;
    } catch {
      // fall through: report the text as it is
    }
  }
  return { kind: 'other', message: reason };
}

export interface QueueConnection {
  options: ConnectionOptions;
  /** Stops reconnecting (a connection that never came up, or one being closed for good). */
  giveUp(): void;
}

/**
 * Connection settings for BullMQ (its workers need `maxRetriesPerRequest: null`). A lost
 * connection is retried forever, at most every 2 s, until `giveUp()`: without that, closing a
 * queue whose Redis never answered would wait forever.
 */
export function connectionFor(addr: QueueAddress): QueueConnection {
  let stop = false;
  return {
    options: {
      host: addr.host,
      port: addr.port,
      db: addr.db,
      password: addr.password,
      username: addr.username,
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => (stop ? null : Math.min(times * 200, 2000)),
    },
    giveUp: () => (stop = true),
  };
}

export function isBundle(value: unknown): value is ModelBundle {
  const b = value as ModelBundle;
  return !!b && typeof b.name === 'string' && typeof b.text === 'string' && Array.isArray(b.files);
}
