import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '@spanner/contracts';
import { apiKeys, memberships, users } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string | null;
  createdByName: string | null;
  /** The creator's current role in the key's organization; null once they are no longer a member. */
  creatorRole: Role | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  createdBy: apiKeys.createdBy,
  createdByName: users.name,
  creatorRole: memberships.role,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

export async function insertApiKey(
  tx: TenantTransaction,
  key: { id: string; orgId: string; name: string; role: Role; prefix: string; keyHash: string; createdBy: string | null; expiresAt: Date | null },
): Promise<void> {
  await tx.insert(apiKeys).values(key);
}

const creatorMembership = and(eq(memberships.orgId, apiKeys.orgId), eq(memberships.userId, apiKeys.createdBy));

/** The organization's keys that still work or may again be listed: revoked ones are gone for good. */
export function findApiKeys(tx: TenantTransaction, id?: string): Promise<ApiKeyRow[]> {
  return tx
    .select(listColumns)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(memberships, creatorMembership)
    .where(and(isNull(apiKeys.revokedAt), id ? eq(apiKeys.id, id) : undefined))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function revokeApiKey(tx: TenantTransaction, id: string): Promise<boolean> {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, version: sql`${apiKeys.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

export interface KeyCredentials {
  id: string;
  orgId: string;
  role: Role;
  createdBy: string | null;
  creatorRole: Role | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * The key with this hash and its creator's current role, in one query (visible through the
 * lookup_by_secret and creator_of_presented_key policies only).
 */
export async function findKeyByHash(tx: TenantTransaction, keyHash: string): Promise<KeyCredentials | null> {
  const [row] = await tx
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      role: apiKeys.role,
      createdBy: apiKeys.createdBy,
      creatorRole: memberships.role,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .leftJoin(memberships, creatorMembership)
    .where(eq(apiKeys.keyHash, keyHash));
  return row ?? null;
}

/** Hands a live key to another person; false when there is no such live key. */
export async function reassignApiKey(tx: TenantTransaction, id: string, createdBy: string): Promise<boolean> {
  const rows = await tx
    .update(apiKeys)
    .set({ createdBy, version: sql`${apiKeys.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

/** Records use at most once a minute, so a busy integration does not write on every request. */
export async function touchApiKey(tx: TenantTransaction, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} < now() - interval '1 minute'`)));
}
