/**
 * A child process for the crash tests: works on a project until it is killed.
 * usage: crash-child.ts <home> <project> import|notes
 */
import { noteFromMarkdown } from '../../../src/main/annotate/note';
import { Workbench } from '../../../src/main/workbench';

const [home, project, mode] = process.argv.slice(2) as [string, string, string];
const wb = Workbench.open({ home, project, createMissing: true, remember: false });
const paragraph = (i: number, j: number) =>
  `Paragraph ${j} of import ${i}: the regional reports list arrests by district, and 1,000 people were executed in ${1900 + (j % 100)}. `.repeat(6);

async function main() {
  process.stdout.write('ready\n');
  if (mode === 'import') {
    for (let i = Date.now(); ; i++) {
      const text = Array.from({ length: 700 }, (_, j) => paragraph(i, j)).join('\n\n');
      await wb.importFile({ name: `large-${i}.txt`, bytes: new TextEncoder().encode(text) });
      process.stdout.write('done\n');
    }
  } else {
    const sources = await wb.listSources();
    let sourceId = sources[0]?.id ?? 0;
    if (!sourceId) {
      const out = await wb.importFile({ name: 'note-base.txt', bytes: new TextEncoder().encode('Notes are written about this text.') });
      if (out.status === 'failed') throw new Error(out.error.message);
      sourceId = out.source.id;
    }
    const existing = await wb.listAnnotations({ sourceId });
    const a = existing[0] ?? (await wb.createAnnotation({ sourceId, start: 0, end: 5, colour: 'yellow' }));
    for (let i = 0; ; i++) {
      await wb.updateAnnotation({ id: a.id, body: noteFromMarkdown(`Note version ${i}: **bold** text.\n\n- item ${i}`) });
      await wb.createAnnotation({ sourceId, start: 6, end: 10, colour: 'blue', tags: [`t${i % 7}`] });
      process.stdout.write('done\n');
    }
  }
}
void main();
