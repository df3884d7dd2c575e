/**
 * A worker thread of the import pool: prepares files (read, parse, claims, vocabulary
 * words) off the main thread, one message per file. Built as out/main/import-worker.js;
 * from the sources it is loaded through tsx (pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { PrepareTask } from './prepare';
import { prepare } from './prepare';

const port = parentPort;
if (!port) throw new Error('the import worker runs only as a worker thread');

port.on('message', (message: { id: number; task: PrepareTask }) => {
  void prepare(message.task).then(
    (result) => port.postMessage({ id: message.id, result }),
    (err: unknown) =>
      port.postMessage({
        id: message.id,
        result: { ok: false, error: { code: 'internal', message: `${message.task.label}: ${(err as Error)?.message ?? String(err)}` } },
      }),
  );
});
