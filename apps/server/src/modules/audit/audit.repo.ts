import { and, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { AuditLogQuery } from '@spanner/contracts';
import { apiKeys, auditLog, users } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export interface AuditRow {
  id: number;
  at: Date;
  action: 'insert' | 'update' | 'delete';
  tableName: string;
  rowId: string;
  actorUserId: string | null;
  actorUserName: string | null;
  actorApiKeyId: string | null;
  actorApiKeyName: string | null;
  changes: Record<string, { old: unknown; new: unknown }>;
  requestId: string | null;
}

/** Newest first, `limit` entries older than `beforeId`; the indexes lead with org_id, then id. */
export function findAuditEntries(
  tx: TenantTransaction,
  filter: Omit<AuditLogQuery, 'cursor' | 'limit'> & { beforeId: number | null; limit: number },
): Promise<AuditRow[]> {
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      tableName: auditLog.tableName,
      rowId: auditLog.rowId,
      actorUserId: auditLog.actorUserId,
      actorUserName: users.name,
      actorApiKeyId: auditLog.actorApiKeyId,
      actorApiKeyName: apiKeys.name,
      changes: auditLog.changes,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditLog.actorApiKeyId))
    .where(
      and(
        sql`${auditLog.orgId} = app_org_id()`,
        filter.beforeId !== null ? lt(auditLog.id, filter.beforeId) : undefined,
        filter.actorId ? or(eq(auditLog.actorUserId, filter.actorId), eq(auditLog.actorApiKeyId, filter.actorId)) : undefined,
        filter.tableName ? eq(auditLog.tableName, filter.tableName) : undefined,
        filter.rowId ? eq(auditLog.rowId, filter.rowId) : undefined,
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
        filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
