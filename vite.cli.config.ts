import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The `sourcebench` command as one file, out/main/cli.js, which bin/sourcebench.mjs runs.
 * Its dependencies are bundled in: Node loads one file several times faster than it
 * resolves and loads each package's modules. Only better-sqlite3 and @napi-rs/canvas (native), tesseract.js (it
 * starts its worker from a file in its own folder) and PDF.js (3 MB, loaded from node_modules
 * only when a PDF is read: in the bundle it slowed every start) stay outside.
 * It sits in out/main like the app's main process, so paths.ts's appRoot() (two folders
 * up) holds for it. electron.vite.config.ts builds it after the main process.
 */
export default defineConfig({
  root,
  // Bundles the packages' production builds (lexical's, for one).
  mode: 'production',
  build: {
    ssr: `${root}/src/main/cli.ts`,
    outDir: `${root}/out/main`,
    emptyOutDir: false,
    target: 'node20',
    reportCompressedSize: false,
    // One file, whatever is imported lazily: a chunk elsewhere would break appRoot().
    rolldownOptions: { output: { format: 'es', entryFileNames: 'cli.js', codeSplitting: false } },
  },
  // tesseract.js starts its worker thread from a script in its own folder: it stays a package.
  ssr: { target: 'node', noExternal: true, external: ['better-sqlite3', '@napi-rs/canvas', 'pdfjs-dist', 'tesseract.js'] },
});
