/** PostgreSQL error codes the services turn into answers. */
const UNIQUE_VIOLATION = '23505';

interface DatabaseError {
  code?: string;
  /** PGlite's name for the violated constraint. */
  constraint?: string;
  /** postgres.js's name for it. */
  constraint_name?: string;
}

/** The unique constraint `error` violated (drizzle wraps the driver's error in `cause`), or null. */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (const candidate of [error, (error as { cause?: unknown })?.cause] as (DatabaseError | undefined)[]) {
    if (candidate?.code === UNIQUE_VIOLATION) return candidate.constraint ?? candidate.constraint_name ?? '';
  }
  return null;
}
