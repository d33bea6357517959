import { noteFields } from '@spanner/contracts';
import type { ListSource } from '../../infra/db/record-list.js';
import { notes } from '../../infra/db/schema/index.js';
import { recordQueries } from '../records/records.repo.js';

export const noteQueries = recordQueries({ table: notes, id: notes.id, version: notes.version, deletedAt: notes.deletedAt });

export const noteList: ListSource<typeof noteFields> = {
  specs: noteFields,
  fields: {
    authorId: { column: notes.authorId },
    recordId: { column: notes.recordId },
    createdAt: { column: notes.createdAt },
    updatedAt: { column: notes.updatedAt },
  },
  id: notes.id,
  deletedAt: notes.deletedAt,
  search: notes.body,
  defaultSort: [{ field: 'createdAt', direction: 'desc' }],
};
