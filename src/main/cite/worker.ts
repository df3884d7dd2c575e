/**
 * Formats citations in a worker thread (formatter.ts sends the work). citeproc-js builds a
 * style's engine synchronously, and that takes seconds for Chicago (1–3 s on an idle machine,
 * over 10 s under load, measured): in the service's thread it held every other request that
 * long. The engines stay cached here, one per style (format.ts). Built as out/main/cite-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { formatBibliography, formatCitation } from './format';
import type { CiteTask, CiteReply } from './formatter';

const port = parentPort;
if (!port) throw new Error('the citation formatter runs only as a worker thread');

port.on('message', ({ id, task }: { id: number; task: CiteTask }) => {
  let reply: CiteReply;
  try {
    if (task.op === 'citation') reply = { id, result: formatCitation(task.item, task.options) };
    else if (task.op === 'bibliography') reply = { id, result: formatBibliography(task.items, task.style, task.options) };
    else {
      // Warming: a citation of an empty item builds the style's engine and its first output.
      formatCitation({ type: 'document', title: '' }, { style: task.style });
      reply = { id, result: null };
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply);
});
