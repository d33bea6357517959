import { taskFields } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import type { ListSource } from '../../infra/db/record-list.js';
import { tasks } from '../../infra/db/schema/index.js';
import { recordQueries } from '../records/records.repo.js';

export const taskQueries = recordQueries({ table: tasks, id: tasks.id, version: tasks.version, deletedAt: tasks.deletedAt });

/** `completed_at` of a row being set to done: now, unless it was done already. */
export const completedAtOnceDone = sql`case when ${tasks.status} = 'done' then ${tasks.completedAt} else now() end`;

export const taskList: ListSource<typeof taskFields> = {
  specs: taskFields,
  fields: {
    title: { column: tasks.title },
    status: { column: tasks.status },
    priority: { column: tasks.priority },
    dueDate: { column: tasks.dueDate },
    assigneeId: { column: tasks.assigneeId },
    recordId: { column: tasks.recordId },
    createdAt: { column: tasks.createdAt },
    updatedAt: { column: tasks.updatedAt },
  },
  id: tasks.id,
  deletedAt: tasks.deletedAt,
  search: tasks.title,
  defaultSort: [{ field: 'dueDate', direction: 'asc' }],
};
