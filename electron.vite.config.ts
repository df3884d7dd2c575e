import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { build } from 'vite';

/**
 * Builds the `sourcebench` command (vite.cli.config.ts: out/main/cli.js) and the worker
 * threads' entries (out/main/import-worker.js, out/main/vocabulary-worker.js, out/main/cite-worker.js) once the main
 * process is built, so whatever builds the app (npm run build, npm start) builds both; after
 * it, as the main build empties out/main first.
 */
function buildCli(): Plugin {
  return {
    name: 'sourcebench-cli',
    apply: 'build',
    async closeBundle() {
      const configFile = resolve(__dirname, 'vite.cli.config.ts');
      await build({ configFile, logLevel: 'warn' });
      // The import workers' entry, one file like the CLI: out/main/import-worker.js, for the app and the CLI.
      await build({
        configFile,
        logLevel: 'warn',
        build: { ssr: resolve(__dirname, 'src/main/import/worker.ts'), rolldownOptions: { output: { entryFileNames: 'import-worker.js' } } },
      });
      // The citation formatter (src/main/cite/worker.ts): out/main/cite-worker.js.
      await build({
        configFile,
        logLevel: 'warn',
        build: { ssr: resolve(__dirname, 'src/main/cite/worker.ts'), rolldownOptions: { output: { entryFileNames: 'cite-worker.js' } } },
      });
      // The typo vocabulary's reader (src/main/search/vocabulary-worker.ts): out/main/vocabulary-worker.js.
      await build({
        configFile,
        logLevel: 'warn',
        build: {
          ssr: resolve(__dirname, 'src/main/search/vocabulary-worker.ts'),
          rolldownOptions: { output: { entryFileNames: 'vocabulary-worker.js' } },
        },
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [buildCli()],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: the window's first script is parsed before the library shows (about a third of the unminified size).
      minify: true,
      // Fonts and images stay files beside the page, never data: URLs, which the CSP (font-src and img-src 'self') refuses.
      assetsInlineLimit: (file: string) => (/\.(woff2?|svg|png)$/.test(file) ? false : undefined),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
