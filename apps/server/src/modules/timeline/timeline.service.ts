import type { AuditEntry, RecordType, TimelineItem, TimelinePage } from '@spanner/contracts';
import type { Database } from '../../infra/db/client.js';
import { withTenant } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { toNote } from '../notes/notes.service.js';
import { findRecord } from '../records/record-refs.js';
import { toTask } from '../tasks/tasks.service.js';
import { findNotes, findTasks, findTimeline, type TimelineRow } from './timeline.repo.js';

const tables: Record<RecordType, string> = { company: 'companies', contact: 'contacts', deal: 'deals' };

const keyOf = (row: Pick<TimelineRow, 'type' | 'itemId'>) => `${row.type}:${row.itemId}`;

const encodeCursor = (row: TimelineRow) => Buffer.from(JSON.stringify({ at: row.at, key: keyOf(row) })).toString('base64url');

function decodeCursor(cursor: string): { at: string; key: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { at?: unknown; key?: unknown };
    if (typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)) && typeof value.key === 'string') return { at: value.at, key: value.key };
  } catch {
    // Not JSON: answered below like any other foreign cursor.
  }
  throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path: 'query.cursor', message: 'is not a cursor of this timeline' }] });
}

function actorOf(row: TimelineRow): AuditEntry['actor'] {
  if (row.actorApiKeyId) return { type: 'apiKey', id: row.actorApiKeyId, name: row.actorApiKeyName };
  if (row.actorUserId) return { type: 'user', id: row.actorUserId, name: row.actorUserName };
  return { type: 'system', id: null, name: null };
}

export function createTimelineService(db: Database) {
  return {
    /** A record's history, newest first: changes, notes, tasks and stage moves. */
    async list(actor: Actor, type: RecordType, id: string, query: { limit: number; cursor?: string }): Promise<TimelinePage> {
      const before = query.cursor ? decodeCursor(query.cursor) : null;
      return withTenant(db, tenantScopeOf(actor), async (tx) => {
        if (!(await findRecord(tx, { type, id }))) throw new HttpProblem({ status: 404, detail: `No such ${type}.` });
        const rows = await findTimeline(tx, { table: tables[type], id, withStageMoves: type === 'deal' }, before, query.limit + 1);
        const page = rows.slice(0, query.limit);
        const notes = new Map((await findNotes(tx, page.filter((row) => row.type === 'note').map((row) => row.itemId))).map((row) => [row.id, toNote(row)]));
        const tasks = new Map((await findTasks(tx, page.filter((row) => row.type === 'task').map((row) => row.itemId))).map((row) => [row.id, toTask(row)]));
        const data = page.map(
          (row): TimelineItem => ({
            id: keyOf(row),
            type: row.type,
            at: row.at,
            actor: actorOf(row),
            change: row.type === 'change' ? { action: row.action!, changes: row.changes ?? {} } : null,
            note: notes.get(row.itemId) ?? null,
            task: tasks.get(row.itemId) ?? null,
            stageMove: row.type === 'stageMove' ? { fromStageId: row.fromStageId, toStageId: row.toStageId! } : null,
          }),
        );
        return { data, page: { nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null } };
      });
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;
