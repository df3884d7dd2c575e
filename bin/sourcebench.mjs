#!/usr/bin/env node
// The `sourcebench` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli.ts');
const code = await runCli(process.argv.slice(2));
// An output error reported after the command finished may have set it already.
process.exitCode ||= code;
