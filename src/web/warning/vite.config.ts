import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the element as one self-contained ES module (Lit included) that an exchange loads with a
 * single <script type="module">. public/ is build output, served by caveat at /warning/.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: here('../../../public/warning'),
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    sourcemap: false,
    lib: {
      entry: here('./index.ts'),
      formats: ['es'],
      fileName: () => 'caveat-warning.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true },
    },
  },
});
