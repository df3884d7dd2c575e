import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { build } from 'vite';

/**
 * Builds the `sourcebench` command (vite.cli.config.ts: out/main/cli.js) once the main
 * process is built, so whatever builds the app (npm run build, npm start) builds both; after
 * it, as the main build empties out/main first.
 */
function buildCli(): Plugin {
  return {
    name: 'sourcebench-cli',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: resolve(__dirname, 'vite.cli.config.ts'), logLevel: 'warn' });
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
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
