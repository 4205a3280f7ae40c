/**
 * The explorer's build: the app (index.html) and the benchmark's bare-Sigma page (bench.html), both
 * into dist/, which `papergraph serve` serves. Relative base so the app works under any path.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
    },
  },
  server: { host: '127.0.0.1' },
});
