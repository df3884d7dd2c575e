#!/usr/bin/env node
// Static security check of the Electron shell: Electronegativity over src/. Its CLI exits 0
// whatever it finds, so the report is read here, and any finding that is not one of the
// reviewed ones below fails the check. The online check (Electron's release list) is skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// SARIF (JSON), not CSV: CSV rows quote samples that may hold commas, quotes and line breaks.
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebench-eneg-')), 'report.sarif');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** Findings reviewed by hand: what they flag and why it is safe here. */
const REVIEWED = {
  PRELOAD_JS_CHECK: 'the preload exposes one object of task-level functions through contextBridge, nothing of Node or ipcRenderer',
  OPEN_EXTERNAL_JS_CHECK: 'shell.openExternal is only called for http(s) URLs, from the window-open handler',
  PROTOCOL_HANDLER_JS_CHECK: 'sourcebench:// links are parsed strictly (parseOpenLink) and can only open a project and show a passage',
  CSP_GLOBAL_CHECK: "the CSP is default-src 'none' with script-src 'self': the only scripts are the app's own bundled files",
};

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const run = spawnSync(
  bin,
  ['-i', path.join(root, 'src'), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-v', 'false'],
  {
    encoding: 'utf8',
    timeout: 180_000,
  },
);
if (!fs.existsSync(report)) {
  console.error(`Electronegativity did not write its report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
let results;
try {
  results = JSON.parse(fs.readFileSync(report, 'utf8')).runs?.[0]?.results;
} catch (err) {
  console.error(`Electronegativity's report could not be read: ${err.message}`);
  process.exit(1);
}
if (!Array.isArray(results)) {
  console.error("Electronegativity's report has no results list");
  process.exit(1);
}
const findings = results.map((r) => {
  const where = r.locations?.[0]?.physicalLocation;
  return {
    issue: r.ruleId,
    message: r.message?.text ?? r.level ?? '',
    file: where?.artifactLocation?.uri ?? '?',
    location: `${where?.region?.startLine ?? '?'}:${where?.region?.startColumn ?? '?'}`,
  };
});
const unexpected = findings.filter((f) => !REVIEWED[f.issue]);
for (const f of findings) {
  console.log(
    `${REVIEWED[f.issue] ? 'reviewed  ' : 'FINDING   '} ${f.issue} (${f.message}) ${f.file}:${f.location}${REVIEWED[f.issue] ? ` — ${REVIEWED[f.issue]}` : ''}`,
  );
}
if (unexpected.length) {
  console.error(`Electronegativity: ${unexpected.length} finding(s) not reviewed; fix them or review them in scripts/security-check.mjs`);
  process.exit(1);
}
console.log(`Electronegativity: ${findings.length} finding(s), all reviewed`);
