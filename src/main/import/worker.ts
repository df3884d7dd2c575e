/**
 * A worker thread of the import pool: prepares files (read, parse, claims, vocabulary
 * words) off the main thread, one message per file. Built as out/main/import-worker.js;
 * from the sources it is loaded through tsx (pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareTask } from './prepare';
import { cancelledResult, prepare } from './prepare';

const port = parentPort;
if (!port) throw new Error('the import worker runs only as a worker thread');
/** The pool's flags of cancelled runs (pool.ts). */
const dropped = (workerData as { dropped?: Int32Array } | null)?.dropped;

port.on('message', (message: { id: number; task: PrepareTask; flag: number }) => {
  // A file of a run cancelled while it waited here is answered without being read.
  if (dropped && message.flag >= 0 && Atomics.load(dropped, message.flag)) {
    port.postMessage({ id: message.id, result: cancelledResult(message.task) });
    return;
  }
  void prepare(message.task).then(
    (result) => port.postMessage({ id: message.id, result }),
    (err: unknown) =>
      port.postMessage({
        id: message.id,
        result: { ok: false, error: { code: 'internal', message: `${message.task.label}: ${(err as Error)?.message ?? String(err)}` } },
      }),
  );
});
