/**
 * Runs SDEverywhere's generator for the bench in a process of its own: reads a JSON request
 * `{ mdl, outputs, workDir, names? }` on stdin (`names`: a peer name map, see readPeerNameMap),
 * prints the generated module's path, or the error on stderr with exit code 1. The timed bench
 * process then imports only the generated module and SDEverywhere's runtime, not the generator,
 * whose heap the collector would otherwise mark during every one of our runs.
 */
import { readFileSync } from 'node:fs';
import { generatePeerModule, readPeerNameMap } from '../conformance/sde-peer.js';

export interface PeerGenerateRequest {
  mdl: string;
  outputs: string[];
  workDir: string;
  names?: string;
}

try {
  const req = JSON.parse(readFileSync(0, 'utf8')) as PeerGenerateRequest;
  const path = await generatePeerModule(req.mdl, { outputs: req.outputs, workDir: req.workDir, rename: req.names ? readPeerNameMap(req.names) : undefined });
  console.log(path);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
