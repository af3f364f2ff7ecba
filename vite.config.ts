import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  // pixi.js and recharts make one large chunk; the app loads it once, so the default warning is noise.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  // seedrandom is CommonJS and only the worker imports it: pre-bundle it for the dev server.
  optimizeDeps: { include: ['seedrandom'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
