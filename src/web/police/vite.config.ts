import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the police portal SPA into public/police, which caveat serves at /police/. It is a bundle
 * of its own (not a console route) so an officer's browser never loads the console's code, and the
 * console's session never meets the portal's.
 */
export default defineConfig({
  root: here('.'),
  base: '/police/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('../../../public/police'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
