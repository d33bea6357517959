import { z } from 'zod';
import { type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, staleVersionSchema } from './list-query.js';

/** Tag colours: names the web app maps to its palette in both themes. */
export const tagColors = ['gray', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink'] as const;
export const tagColorSchema = z.enum(tagColors);

export const tagSchema = z.object({ ...recordMetaShape, name: z.string(), color: tagColorSchema }).meta({ id: 'Tag' });

export const tagFields = {
  name: { type: 'text', label: 'Name', sortable: true },
  color: { type: 'enum', label: 'Colour', sortable: false, values: tagColors },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const tagListQuerySchema = listQuerySchema(tagFields);
export const tagListSchema = pageSchema(tagSchema, 'TagList');

export const createTagRequestSchema = z
  .object({ name: z.string().trim().min(1, { error: 'Name the tag' }).max(60), color: tagColorSchema.default('gray') })
  .strict()
  .meta({ id: 'CreateTagRequest', examples: [{ name: 'VIP', color: 'purple' }] });

export const updateTagRequestSchema = z
  .object({ name: z.string().trim().min(1, { error: 'Name the tag' }).max(60), color: tagColorSchema })
  .partial()
  .strict()
  .meta({ id: 'UpdateTagRequest', examples: [{ color: 'green' }] });

export type Tag = z.infer<typeof tagSchema>;
export type TagColor = z.infer<typeof tagColorSchema>;
export type CreateTagRequest = z.input<typeof createTagRequestSchema>;
export type UpdateTagRequest = z.infer<typeof updateTagRequestSchema>;
export type TagListQuery = z.infer<typeof tagListQuerySchema>;

/** The 412 answer to a stale If-Match: the tag as it is now. */
export const staleTagSchema = staleVersionSchema(tagSchema, 'StaleTag');
