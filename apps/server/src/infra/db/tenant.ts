import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

export type TenantTransaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface TenantScope {
  /** Null for a user-only scope: the signed-in user's own memberships, no organization's data. */
  orgId: string | null;
  userId?: string | null;
  /** The API key a request acts with; the audit log attributes its writes to it. */
  apiKeyId?: string | null;
  /** Carried into the audit log, so an entry leads back to the request's logs. */
  requestId?: string | null;
}

/** The role tenant queries run as: no BYPASSRLS, so every policy applies (created by migration 0000). */
export const RUNTIME_ROLE = 'spanner_app';

/**
 * Switches the current transaction to `spanner_app` with `app.org_id` / `app.user_id` set.
 * Every setting is transaction-local (`set_config(…, true)`), so nothing leaks to the next
 * user of a pooled connection and PgBouncer in transaction mode stays safe.
 */
export async function enterTenant(tx: TenantTransaction, scope: TenantScope): Promise<void> {
  await tx.execute(
    sql`select set_config('role', ${RUNTIME_ROLE}, true), set_config('app.org_id', ${scope.orgId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true), set_config('app.api_key_id', ${scope.apiKeyId ?? ''}, true), set_config('app.request_id', ${scope.requestId ?? ''}, true), set_config('app.secret_hash', '', true)`,
  );
}

/** Runs `fn` in one transaction as `spanner_app` within `scope` (see `enterTenant`). */
export async function withTenant<T>(db: Database, scope: TenantScope, fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, scope);
    return fn(tx);
  });
}

/**
 * Switches the transaction to find rows by the hash of a secret someone presented (an invitation link, an API key) before
 * the organization is known: as `spanner_app`, with no organization, seeing only the rows whose
 * hash matches (the `lookup_by_secret` policies of migration 0004).
 */
export async function enterSecretLookup(tx: TenantTransaction, secretHash: string): Promise<void> {
  await tx.execute(
    sql`select set_config('role', ${RUNTIME_ROLE}, true), set_config('app.org_id', '', true), set_config('app.secret_hash', ${secretHash}, true)`,
  );
}

/** Runs `fn` in one transaction in a secret-lookup scope (see `enterSecretLookup`). */
export async function withSecretLookup<T>(db: Database, secretHash: string, fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterSecretLookup(tx, secretHash);
    return fn(tx);
  });
}
