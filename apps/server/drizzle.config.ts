import { defineConfig } from 'drizzle-kit';

// Used only to generate migrations; they are applied by `spanner migrate` (see src/infra/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/schema/index.ts',
  out: './src/infra/db/migrations',
});
