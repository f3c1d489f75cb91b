import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds <caveat-quiz> as one self-contained ES module without a framework, so a host page pays
 * only for the quiz. public/ is build output, served by caveat at /quiz/.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: here('../../../public/quiz'),
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    sourcemap: false,
    lib: {
      entry: here('./index.ts'),
      formats: ['es'],
      fileName: () => 'caveat-quiz.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true },
    },
  },
});
