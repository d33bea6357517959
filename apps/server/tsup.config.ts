import { defineConfig } from 'tsup';

// One ESM bundle for the CLI; npm dependencies stay external, the workspace contracts are inlined
// so the container image needs no TypeScript at run time.
export default defineConfig({
  entry: ['src/main.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: ['@spanner/contracts'],
});
