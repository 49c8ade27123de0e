import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build, one output folder (out/): main (ESM, dependencies external), preload (one CommonJS
 * file, since a sandboxed preload cannot load ES modules or node_modules), renderer (React).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/shell/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
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
      chunkSizeWarningLimit: 1500,
    },
  },
});
