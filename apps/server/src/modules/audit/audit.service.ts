import type { AuditEntry, AuditLogPage, AuditLogQuery } from '@spanner/contracts';
import type { Database } from '../../infra/db/client.js';
import { withTenant } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { findAuditEntries, type AuditRow } from './audit.repo.js';

function toEntry(row: AuditRow): AuditEntry {
  const actor: AuditEntry['actor'] = row.actorApiKeyId
    ? { type: 'apiKey', id: row.actorApiKeyId, name: row.actorApiKeyName }
    : row.actorUserId
      ? { type: 'user', id: row.actorUserId, name: row.actorUserName }
      : { type: 'system', id: null, name: null };
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action,
    tableName: row.tableName,
    rowId: row.rowId,
    actor,
    changes: row.changes,
    requestId: row.requestId,
  };
}

/** Cursors are opaque to clients: the id of the last entry seen, encoded. */
const encodeCursor = (id: number) => Buffer.from(`a:${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^a:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path: 'query.cursor', message: 'is not a cursor this API gave out' }] });
  return Number(match[1]);
}

export function createAuditService(db: Database) {
  return {
    async list(actor: Actor, query: AuditLogQuery): Promise<AuditLogPage> {
      const { cursor, limit, ...filter } = query;
      const beforeId = cursor ? decodeCursor(cursor) : null;
      // One more than asked tells whether another page exists.
      const rows = await withTenant(db, tenantScopeOf(actor), (tx) => findAuditEntries(tx, { ...filter, beforeId, limit: limit + 1 }));
      const page = rows.slice(0, limit);
      return { data: page.map(toEntry), page: { nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null } };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
