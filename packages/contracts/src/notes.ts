import { z } from 'zod';
import { type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, recordRefSchema, staleVersionSchema } from './list-query.js';

export const noteFields = {
  authorId: { type: 'id', label: 'Author', sortable: false },
  recordId: { type: 'id', label: 'Record', sortable: false },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const noteSchema = z
  .object({
    ...recordMetaShape,
    /** Markdown, as written. */
    body: z.string(),
    /** The body rendered to HTML by the server: raw HTML escaped, only http(s) and mailto links. */
    bodyHtml: z.string(),
    authorId: z.string().nullable(),
    /** Who last changed the body: null until someone did, or when an API key did. */
    updatedById: z.string().nullable(),
    record: recordRefSchema,
  })
  .meta({ id: 'Note' });

const bodySchema = z.string().trim().min(1, { error: 'Write something' }).max(50_000);

export const createNoteRequestSchema = z
  .object({ body: bodySchema, record: recordRefSchema })
  .strict()
  .meta({ id: 'CreateNoteRequest', examples: [{ body: 'Called **Ada**: wants a demo next week.', record: { type: 'contact', id: '0190a0c8-2b7a-7000-8000-000000000002' } }] });

export const updateNoteRequestSchema = z.object({ body: bodySchema }).partial().strict().meta({ id: 'UpdateNoteRequest', examples: [{ body: 'Called back: **signed**.' }] });

export const noteListQuerySchema = listQuerySchema(noteFields);
export const noteListSchema = pageSchema(noteSchema, 'NoteList');

export type Note = z.infer<typeof noteSchema>;
export type CreateNoteRequest = z.input<typeof createNoteRequestSchema>;
export type UpdateNoteRequest = z.input<typeof updateNoteRequestSchema>;
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;

/** The 412 answer to a stale If-Match: the note as it is now. */
export const staleNoteSchema = staleVersionSchema(noteSchema, 'StaleNote');
