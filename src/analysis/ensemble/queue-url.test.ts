import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { QueueEvaluator } from './queue-evaluator.js';
import { parseQueueUrl } from './queue-url.js';
import { tempDir, writeChainModel } from './test-support/fixtures.js';
import { freePort } from './test-support/processes.js';

describe('--queue URL', () => {
  it('reads host, port and database', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6380')).toMatchObject({ host: '127.0.0.1', port: 6380, db: 0, label: 'redis://127.0.0.1:6380' });
    expect(parseQueueUrl('redis://localhost')).toMatchObject({ host: 'localhost', port: 6379 });
    expect(parseQueueUrl('redis://:secret@localhost:7000/2')).toMatchObject({ port: 7000, db: 2, password: 'secret', label: 'redis://localhost:7000/2' });
  });

  it('names the option and the problem for bad URLs', () => {
    for (const [url, message] of [
      ['127.0.0.1:6379', /not a URL/],
      ['http://127.0.0.1:6379', /only redis:/],
      ['redis://127.0.0.1:6379/x', /database/],
    ] as const) {
      expect(() => parseQueueUrl(url)).toThrow(InputError);
      expect(() => parseQueueUrl(url)).toThrow(message);
      expect(() => parseQueueUrl(url)).toThrow(/^--queue: /);
    }
  });

  it('fails with a clear message when nothing listens there', async () => {
    const model = writeChainModel(tempDir('igem-queue-url-'), { stages: 3 });
    const port = await freePort();
    const opening = QueueEvaluator.open(model, { url: `redis://127.0.0.1:${port}`, connectTimeoutMs: 1500 });
    await expect(opening).rejects.toBeInstanceOf(InputError);
    await expect(opening).rejects.toThrow(`--queue: cannot reach Redis at redis://127.0.0.1:${port} within 1.5 s`);
  });
});
