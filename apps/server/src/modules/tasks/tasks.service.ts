import type { CreateTaskRequest, RecordType, Task, TaskPriority, TaskStatus, UpdateTaskRequest } from '@spanner/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { requireMember } from '../organizations/organizations.service.js';
import { requireRecord } from '../records/record-refs.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService } from '../records/records.service.js';
import { completedAtOnceDone, taskList, taskQueries } from './tasks.repo.js';

export function toTask(row: Row): Task {
  return {
    title: row.title as string,
    description: (row.description as string | null) ?? null,
    status: row.status as TaskStatus,
    priority: row.priority as TaskPriority,
    dueDate: (row.dueDate as string | null) ?? null,
    assigneeId: (row.assigneeId as string | null) ?? null,
    record: row.recordType ? { type: row.recordType as RecordType, id: row.recordId as string } : null,
    completedAt: row.completedAt ? (row.completedAt as Date).toISOString() : null,
    ...recordMeta(row),
  };
}

/**
 * Column values shared by create and update: the record as two columns, and the completion time
 * with the status (`completedAtWhenDone`: its value when the status becomes done).
 */
async function columns(tx: TenantTransaction, input: UpdateTaskRequest, completedAtWhenDone: SQL): Promise<Record<string, unknown>> {
  await requireMember(tx, input.assigneeId, 'body.assigneeId');
  await requireRecord(tx, input.record, 'body.record');
  const { record, ...rest } = input;
  const values: Record<string, unknown> = { ...rest };
  if (record !== undefined) Object.assign(values, { recordType: record?.type ?? null, recordId: record?.id ?? null });
  if (input.status) values.completedAt = input.status === 'done' ? completedAtWhenDone : null;
  return values;
}

export function createTasksService(db: Database) {
  return createRecordService<Task, CreateTaskRequest, UpdateTaskRequest>(db, {
    noun: 'task',
    queries: taskQueries,
    list: taskList,
    toApi: toTask,
    valuesToInsert: async (tx, actor, input) => ({
      ...(await columns(tx, input, sql`now()`)),
      id: uuidv7(),
      orgId: actor.orgId,
      createdBy: actor.userId,
      assigneeId: input.assigneeId === undefined ? actor.userId : input.assigneeId,
    }),
    // Per row, also in a bulk change: a task that was already done keeps its completion time.
    valuesToUpdate: (tx, _actor, patch) => columns(tx, patch, completedAtOnceDone),
  });
}

export type TasksService = ReturnType<typeof createTasksService>;
