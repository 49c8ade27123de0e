import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build, one output folder (out/): main (ESM, dependencies external) — the Electron shell
 * (index.js) and the browser host (webhost.js, run by plain Node: no TypeScript compiled at launch),
 * sharing the core as chunks —, preload (one CommonJS file, since a sandboxed preload cannot load ES
 * modules or node_modules), renderer (React, minified; each view and the chart library are chunks
 * loaded when first shown).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('main/shell/index.ts'), webhost: resolve('main/webhost/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      minify: true,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      // PROXYDECK_RENDERER_OUT lets parallel test runs build into separate folders.
      outDir: process.env.PROXYDECK_RENDERER_OUT ?? 'out/renderer',
      rollupOptions: { input: resolve('renderer/index.html') },
      minify: true,
      // The initial chunk must stay small (bench/bundle.ts reports it); warn well before it grows.
      chunkSizeWarningLimit: 600,
    },
  },
});
