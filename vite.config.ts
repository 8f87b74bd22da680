/** Build of the web app (src/web) into dist/public, which `igem serve` serves. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  build: {
    outDir: '../../dist/public',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
