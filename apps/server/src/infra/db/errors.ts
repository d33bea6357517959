/** PostgreSQL error codes the services turn into answers. */
const UNIQUE_VIOLATION = '23505';
/** What statement_timeout raises (the only cancel the server's statements get). */
const QUERY_CANCELED = '57014';

interface DatabaseError {
  code?: string;
  /** PGlite's name for the violated constraint. */
  constraint?: string;
  /** postgres.js's name for it. */
  constraint_name?: string;
}

/** Whether `error` is a statement PostgreSQL cancelled, after DATABASE_STATEMENT_TIMEOUT_MS. */
export function isCancelledStatement(error: unknown): boolean {
  return [error, (error as { cause?: unknown })?.cause].some((candidate) => (candidate as DatabaseError | undefined)?.code === QUERY_CANCELED);
}

/** The unique constraint `error` violated (drizzle wraps the driver's error in `cause`), or null. */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (const candidate of [error, (error as { cause?: unknown })?.cause] as (DatabaseError | undefined)[]) {
    if (candidate?.code === UNIQUE_VIOLATION) return candidate.constraint ?? candidate.constraint_name ?? '';
  }
  return null;
}
