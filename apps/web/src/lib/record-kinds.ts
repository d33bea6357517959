import {
  companyFields,
  companyListSchema,
  companySchema,
  contactFields,
  contactListSchema,
  contactSchema,
  dealFields,
  dealListSchema,
  dealSchema,
  noteFields,
  noteListSchema,
  noteSchema,
  tagFields,
  tagListSchema,
  tagSchema,
  taskFields,
  taskListSchema,
  taskSchema,
  type Company,
  type Contact,
  type CreateCompanyRequest,
  type CreateContactRequest,
  type CreateDealRequest,
  type CreateNoteRequest,
  type CreateTagRequest,
  type CreateTaskRequest,
  type Deal,
  type FieldSpecs,
  type Note,
  type Tag,
  type Task,
  type UpdateCompanyRequest,
  type UpdateContactRequest,
  type UpdateDealRequest,
  type UpdateNoteRequest,
  type UpdateTagRequest,
  type UpdateTaskRequest,
} from '@spanner/contracts';

interface Parser<T> {
  parse(input: unknown): T;
}

/** What the web app needs to know of a record kind to list, read and change its records. */
export interface RecordKind<Item extends { id: string; version: number }, Create, Update, Bulk = BulkRequest<Update>> {
  /** The API collection: `/api/v1/<collection>`, and the first part of its query keys. */
  collection: string;
  /** Singular and plural, for messages: "company", "companies". */
  noun: string;
  plural: string;
  fields: FieldSpecs;
  record: Parser<Item>;
  list: Parser<{ data: Item[]; page: { nextCursor: string | null } }>;
  /** Type carriers only: what create, update and bulk send. */
  readonly _types?: { create: Create; update: Update; bulk: Bulk };
}

export type RecordOf<Kind> = Kind extends RecordKind<infer Item, never, never, never> ? Item : never;

/** The bulk actions every kind with tags has (DESIGN.md §5); all or nothing. */
export type BulkRequest<Update> =
  | { action: 'update'; ids: string[]; fields: Update }
  | { action: 'addTags' | 'removeTags'; ids: string[]; tagIds: string[] }
  | { action: 'delete' | 'restore'; ids: string[] };

export type DealBulkRequest = BulkRequest<UpdateDealRequest> | { action: 'moveStage'; ids: string[]; stageId: string };

export const companyKind: RecordKind<Company, CreateCompanyRequest, UpdateCompanyRequest> = {
  collection: 'companies',
  noun: 'company',
  plural: 'companies',
  fields: companyFields,
  record: companySchema,
  list: companyListSchema,
};

export const contactKind: RecordKind<Contact, CreateContactRequest, UpdateContactRequest> = {
  collection: 'contacts',
  noun: 'contact',
  plural: 'contacts',
  fields: contactFields,
  record: contactSchema,
  list: contactListSchema,
};

export const dealKind: RecordKind<Deal, CreateDealRequest, UpdateDealRequest, DealBulkRequest> = {
  collection: 'deals',
  noun: 'deal',
  plural: 'deals',
  fields: dealFields,
  record: dealSchema,
  list: dealListSchema,
};

export const taskKind: RecordKind<Task, CreateTaskRequest, UpdateTaskRequest> = {
  collection: 'tasks',
  noun: 'task',
  plural: 'tasks',
  fields: taskFields,
  record: taskSchema,
  list: taskListSchema,
};

export const noteKind: RecordKind<Note, CreateNoteRequest, UpdateNoteRequest> = {
  collection: 'notes',
  noun: 'note',
  plural: 'notes',
  fields: noteFields,
  record: noteSchema,
  list: noteListSchema,
};

export const tagKind: RecordKind<Tag, CreateTagRequest, UpdateTagRequest> = {
  collection: 'tags',
  noun: 'tag',
  plural: 'tags',
  fields: tagFields,
  record: tagSchema,
  list: tagListSchema,
};
