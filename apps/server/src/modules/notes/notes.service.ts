import { can, type CreateNoteRequest, type Note, type RecordType, type UpdateNoteRequest } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { HttpProblem } from '../../infra/http/problem.js';
import type { Actor } from '../auth/actor.js';
import { requireRecord } from '../records/record-refs.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService } from '../records/records.service.js';
import { renderMarkdown } from './markdown.js';
import { noteList, noteQueries } from './notes.repo.js';

export function toNote(row: Row): Note {
  return {
    body: row.body as string,
    bodyHtml: renderMarkdown(row.body as string),
    authorId: (row.authorId as string | null) ?? null,
    updatedById: (row.updatedBy as string | null) ?? null,
    record: { type: row.recordType as RecordType, id: row.recordId as string },
    ...recordMeta(row),
  };
}

export function createNotesService(db: Database) {
  return createRecordService<Note, CreateNoteRequest, UpdateNoteRequest>(db, {
    noun: 'note',
    queries: noteQueries,
    list: noteList,
    toApi: toNote,
    valuesToInsert: async (tx, actor, input) => {
      await requireRecord(tx, input.record, 'body.record');
      return { id: uuidv7(), orgId: actor.orgId, body: input.body, authorId: actor.userId, recordType: input.record.type, recordId: input.record.id };
    },
    valuesToUpdate: async (_tx, actor, patch) => (patch.body === undefined ? {} : { body: patch.body, updatedBy: actor.userId }),
    requireMayChange: requireAuthorOrModerator,
  });
}

/** A note shows who wrote it, so only its author changes or trashes it, or an admin or owner. */
function requireAuthorOrModerator(actor: Actor, note: Row): void {
  if (actor.userId !== null && note.authorId === actor.userId) return;
  if (can(actor.role, 'notes.changeAny')) return;
  throw new HttpProblem({ status: 403, detail: 'Only the author of a note, an admin or an owner may change or delete it.' });
}

export type NotesService = ReturnType<typeof createNotesService>;
