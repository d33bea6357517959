import { z } from 'zod';
import { optionalText } from './companies.js';
import { bulkRequestSchema, type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, recordRefSchema, staleVersionSchema } from './list-query.js';

export const taskStatuses = ['open', 'done'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const taskPrioritySchema = z.enum(taskPriorities);

export const taskFields = {
  title: { type: 'text', label: 'Title', sortable: true },
  status: { type: 'enum', label: 'Status', sortable: true, values: taskStatuses },
  priority: { type: 'enum', label: 'Priority', sortable: true, values: taskPriorities },
  dueDate: { type: 'date', label: 'Due', sortable: true },
  assigneeId: { type: 'id', label: 'Assignee', sortable: false },
  recordId: { type: 'id', label: 'Record', sortable: false },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const taskSchema = z
  .object({
    ...recordMetaShape,
    title: z.string(),
    description: z.string().nullable(),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    dueDate: z.iso.date().nullable(),
    assigneeId: z.string().nullable(),
    record: recordRefSchema.nullable(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Task' });

const taskInputShape = {
  title: z.string().trim().min(1, { error: 'Name the task' }).max(300),
  description: optionalText(5000),
  status: taskStatusSchema.optional(),
  priority: taskPrioritySchema.optional(),
  dueDate: z.iso.date({ error: 'Use a date such as 2026-12-31' }).nullable().optional(),
  assigneeId: z.uuid({ error: 'Choose a member' }).nullable().optional(),
  record: recordRefSchema.nullable().optional(),
};

export const createTaskRequestSchema = z
  .object(taskInputShape)
  .strict()
  .meta({ id: 'CreateTaskRequest', examples: [{ title: 'Send the proposal', dueDate: '2026-12-15', priority: 'high' }] });

export const updateTaskRequestSchema = z.object(taskInputShape).partial().strict().meta({ id: 'UpdateTaskRequest', examples: [{ status: 'done' }] });

export const taskListQuerySchema = listQuerySchema(taskFields);
export const taskListSchema = pageSchema(taskSchema, 'TaskList');

export type Task = z.infer<typeof taskSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type TaskPriority = z.infer<typeof taskPrioritySchema>;
export type CreateTaskRequest = z.input<typeof createTaskRequestSchema>;
export type UpdateTaskRequest = z.input<typeof updateTaskRequestSchema>;
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** The 412 answer to a stale If-Match: the task as it is now. */
export const staleTaskSchema = staleVersionSchema(taskSchema, 'StaleTask');

export const taskBulkRequestSchema = bulkRequestSchema(updateTaskRequestSchema, 'TaskBulkRequest');
