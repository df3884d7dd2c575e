/** Page images chosen together, as one source: the import option `groupImages`. */
import { isImageFile } from '../../shared/formats';
import type { PrepareTask } from '../import/prepare';

/**
 * The tasks with their single page images gathered into one source, placed where the first of
 * them was (its pages in file-name order: see readImageSource). Folders of images are one
 * source each already; one image alone stays as it is.
 */
export function groupImageTasks(tasks: readonly PrepareTask[]): PrepareTask[] {
  const single = tasks.filter((t) => !('images' in t) && isImageFile(t.label));
  if (single.length < 2) return [...tasks];
  const pages = single.map((t) =>
    'file' in t
      ? { name: t.label.replace(/^.*[\\/]/, ''), file: t.file }
      : { name: t.label.replace(/^.*[\\/]/, ''), bytes: (t as { bytes: Uint8Array }).bytes },
  );
  const first = single[0]!.label.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const group: PrepareTask = { label: `${first} (${pages.length} pages)`, images: pages };
  const out: PrepareTask[] = [];
  for (const t of tasks) {
    if (t === single[0]) out.push(group);
    else if (!single.includes(t)) out.push(t);
  }
  return out;
}
