import { z } from 'zod';
import { auditActorSchema } from './access.js';
import { listLimitSchemaFor, pageSchema, recordTypeSchema } from './list-query.js';
import { noteSchema } from './notes.js';
import { taskSchema } from './tasks.js';

export const searchQuerySchema = z
  .object({ q: z.string().trim().min(1, { error: 'Type something to search for' }).max(200), limit: listLimitSchemaFor(50, 10) })
  .strict();

export const searchHitSchema = z
  .object({
    type: recordTypeSchema,
    id: z.string(),
    /** What the record is called: a company or deal name, a contact's full name. */
    title: z.string(),
    /** A line that tells similar titles apart: the domain, the email, the amount. */
    subtitle: z.string().nullable(),
    score: z.number(),
  })
  .meta({ id: 'SearchHit' });

export const searchResultSchema = z.object({ data: z.array(searchHitSchema) }).meta({ id: 'SearchResult' });

export const timelineQuerySchema = z.object({ limit: listLimitSchemaFor(100, 30), cursor: z.string().max(200).optional() }).strict();

export const timelineItemTypes = ['change', 'note', 'task', 'stageMove'] as const;

export const timelineItemSchema = z
  .object({
    id: z.string(),
    type: z.enum(timelineItemTypes),
    at: z.iso.datetime(),
    actor: auditActorSchema.nullable(),
    change: z
      .object({ action: z.enum(['insert', 'update', 'delete']), changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })) })
      .nullable(),
    note: noteSchema.nullable(),
    task: taskSchema.nullable(),
    stageMove: z.object({ fromStageId: z.string().nullable(), toStageId: z.string() }).nullable(),
  })
  .meta({ id: 'TimelineItem' });

export const timelinePageSchema = pageSchema(timelineItemSchema, 'TimelinePage');

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
