import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The booth (officers, chiefs, admins), the kiosk (riders) and the ER pre-alert screen (nurses) are three
// pages: the kiosk and the ER screen load no Ant Design.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        booth: resolve(import.meta.dirname, 'renderer/index.html'),
        kiosk: resolve(import.meta.dirname, 'renderer/kiosk.html'),
        er: resolve(import.meta.dirname, 'renderer/er.html'),
      },
    },
  },
});
