import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * A strict Content-Security-Policy for the built app: no eval, no inline script. Only in
 * the build: the dev server injects inline scripts of its own (hot reload).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'agora-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * Offline use (issue 17): a service worker precaches every built file, so after one visit the app
 * runs without a network, and a web app manifest makes it installable. Only the build registers it
 * (devOptions stay off): the dev server never sees a cached page. A new version's worker takes over at
 * once but the open page is not reloaded: the next visit runs it (see src/ui/offline.ts).
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  manifest: {
    name: 'Agora: agent-based models',
    short_name: 'Agora',
    description: 'Agent-based models in your browser',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#18324a',
    background_color: '#f4f5f7',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // Everything the app can load, the worker scripts that workerScripts.ts fetches included.
    globPatterns: ['**/*.{js,css,html,svg,png,json,wasm}'],
    // pixi.js and recharts make one chunk above workbox's 2 MiB default.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // What registerType 'autoUpdate' sets only when the plugin injects the registration itself.
    skipWaiting: true,
    clientsClaim: true,
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline],
  base: './',
  // pixi.js and recharts make one large chunk; the app loads it once, so the default warning is noise.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  // seedrandom is CommonJS and only the worker imports it: pre-bundle it for the dev server.
  optimizeDeps: { include: ['seedrandom'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
