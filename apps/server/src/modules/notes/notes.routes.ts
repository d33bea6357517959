import { createNoteRequestSchema, noteListQuerySchema, noteListSchema, noteSchema, staleNoteSchema, updateNoteRequestSchema } from '@spanner/contracts';
import { recordRoutes } from '../records/records.routes.js';
import type { NotesService } from './notes.service.js';

/** Notes in Markdown on companies, contacts and deals; the server renders them safely. */
export function notesRoutes(service: NotesService) {
  return recordRoutes({
    collection: 'notes',
    noun: 'note',
    service,
    schemas: {
      record: noteSchema,
      list: noteListSchema,
      listQuery: noteListQuerySchema,
      create: createNoteRequestSchema,
      update: updateNoteRequestSchema,
      stale: staleNoteSchema,
    },
  });
}
