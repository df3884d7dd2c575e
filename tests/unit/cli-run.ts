import { runCli } from '../../src/main/cli';

/** Runs the CLI in-process and returns its exit code and what it printed to each stream. */
export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
