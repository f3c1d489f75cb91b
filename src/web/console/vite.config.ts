import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the console SPA and its warning-preview frame into public/console, which caveat serves at
 * /console/. The preview frame loads /warning/caveat-warning.js from caveat at run time.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('../../../public/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The dashboard chunk is ECharts (line, bar, SVG only), loaded on demand; the rest stays small.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: {
        index: here('./index.html'),
        preview: here('./preview.html'),
      },
    },
  },
});
