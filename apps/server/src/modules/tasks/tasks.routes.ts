import { taskBulkRequestSchema, createTaskRequestSchema, staleTaskSchema, taskListQuerySchema, taskListSchema, taskSchema, updateTaskRequestSchema } from '@spanner/contracts';
import { recordRoutes } from '../records/records.routes.js';
import type { TasksService } from './tasks.service.js';

/** Tasks with a due date, a priority and an assignee, linked to any record or to none. */
export function tasksRoutes(service: TasksService) {
  return recordRoutes({
    collection: 'tasks',
    noun: 'task',
    service,
    schemas: {
      record: taskSchema,
      list: taskListSchema,
      listQuery: taskListQuerySchema,
      create: createTaskRequestSchema,
      update: updateTaskRequestSchema,
      bulk: taskBulkRequestSchema,
      stale: staleTaskSchema,
    },
  });
}
