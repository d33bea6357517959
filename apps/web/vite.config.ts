/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything the server answers itself goes to it; the dev server serves the rest (the SPA).
// Whole path segments only, so a client route such as /healthy-accounts stays in the SPA.
const serverPaths = '^/(api|health|ready|docs|openapi\\.json|metrics)(?=[/?]|$)';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { [serverPaths]: 'http://localhost:3000' },
  },
  build: {
    rolldownOptions: {
      output: {
        // The libraries every page runs on change less often than the app: a chunk of their own
        // stays cached across deploys. Pages and their own libraries are split by routes.tsx.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/ },
            // zod with its config in one chunk: the config then runs before any chunk builds a schema
            // (src/lib/zod-config.ts says why that matters under the CSP).
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-config\.ts$/ },
          ],
        },
      },
    },
  },
  // This file is also the `web` project of the root vitest.config.ts.
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.tsx'],
    restoreMocks: true,
    unstubGlobals: true,
    // A file's first test also pays for loading the app's modules: on a busy two-core machine
    // that alone can pass the default 5 s.
    testTimeout: 15_000,
  },
});
