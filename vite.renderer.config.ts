import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * The renderer build shared by the Electron app (through electron.vite.config.ts)
 * and the test host (`npm run start:browser`, end-to-end tests): one output, `out/renderer`.
 */
export const rendererRoot = resolve(import.meta.dirname, 'src-renderer');

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
