/**
 * A child process for the read-only and full-disk tests: opens a project, tries to import
 * one file and to save a note, and prints what happened as one JSON line.
 * usage: readonly-child.ts <home> <project> <file-name> <bytes>
 */
import { Workbench } from '../../../src/main/workbench';

const [home, project, name, size] = process.argv.slice(2) as [string, string, string, string];
async function main() {
  const result: Record<string, unknown> = {};
  try {
    const wb = Workbench.open({ home, project, remember: false });
    result.opened = true;
    const sources = await wb.listSources();
    result.sources = sources.length;
    const text = Array.from(
      { length: Math.ceil(Number(size) / 120) },
      (_, i) => `Paragraph ${i}: the district report lists the arrests of ${i} people in 1937, village by village.`,
    ).join('\n\n');
    result.import = await wb.importFile({ name, bytes: new TextEncoder().encode(text) });
    try {
      await wb.createAnnotation({ sourceId: sources[0]!.id, start: 0, end: 4, colour: 'yellow' });
      result.note = 'saved';
    } catch (err) {
      result.note = { code: (err as { code?: string }).code, message: (err as Error).message };
    }
    wb.close();
  } catch (err) {
    result.error = { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
void main();
