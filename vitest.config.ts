import { defineConfig } from 'vitest/config';

// One run over every workspace; two threads at most (the CI machines have two cores).
export default defineConfig({
  test: {
    projects: ['apps/server', 'apps/web', 'packages/contracts'],
    pool: 'threads',
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      reporter: ['text-summary', 'json-summary', 'html'],
      include: ['apps/server/src/**/*.ts', 'packages/contracts/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/test/**', 'apps/server/src/infra/db/migrations/**', 'apps/server/src/scripts/**'],
      thresholds: {
        'apps/server/src/**/*.ts': { lines: 80 },
        'packages/contracts/src/**/*.ts': { lines: 80 },
      },
    },
  },
});
