import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.js';

/**
 * Times to the millisecond: what a JavaScript Date holds, so a time read from a record and sent
 * back as a filter or a cursor compares equal to the stored one.
 */
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** Bookkeeping of every CRM record: optimistic-locking version (the ETag), times, the trash. */
const recordColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: moment('created_at').notNull().defaultNow(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
  deletedAt: moment('deleted_at'),
});

const member = (name: string) => uuid(name).references((): AnyPgColumn => users.id, { onDelete: 'set null' });
const tagIds = () => uuid('tag_ids').array().notNull().default(sql`'{}'::uuid[]`);
const recordType = () => text('record_type', { enum: ['company', 'contact', 'deal'] });

/** Keyset indexes cover only live rows; the trash has its own small index. */
const live = (column: { deletedAt: AnyPgColumn }) => sql`${column.deletedAt} is null`;

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    color: text('color').notNull().default('gray'),
    ...recordColumns(),
  },
  (table) => [
    uniqueIndex('tags_name_key').on(table.orgId, sql`lower(${table.name})`).where(live(table)),
    index('tags_org_name_idx').on(table.orgId, table.name, table.id),
  ],
);

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    size: text('size', { enum: ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] }),
    street: text('street'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country'),
    phone: text('phone'),
    website: text('website'),
    ownerId: member('owner_id'),
    tagIds: tagIds(),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple'::regconfig, ${companies.name} || ' ' || coalesce(${companies.domain}, '') || ' ' || coalesce(${companies.industry}, '') || ' ' || coalesce(${companies.city}, ''))`,
    ),
    ...recordColumns(),
  },
  (table) => [
    uniqueIndex('companies_domain_key').on(table.orgId, table.domain).where(sql`${table.deletedAt} is null and ${table.domain} is not null`),
    index('companies_live_name_idx').on(table.orgId, table.name, table.id).where(live(table)),
    index('companies_live_updated_idx').on(table.orgId, table.updatedAt, table.id).where(live(table)),
    index('companies_live_created_idx').on(table.orgId, table.createdAt, table.id).where(live(table)),
    index('companies_trash_idx').on(table.orgId, table.deletedAt).where(sql`${table.deletedAt} is not null`),
    index('companies_owner_idx').on(table.ownerId),
    check('companies_size_check', sql`${table.size} in ('1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+')`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: text('email'),
    otherEmails: text('other_emails').array().notNull().default(sql`'{}'::text[]`),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    jobTitle: text('job_title'),
    ownerId: member('owner_id'),
    lifecycleStage: text('lifecycle_stage', { enum: ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'evangelist', 'other'] }),
    source: text('source', { enum: ['website', 'referral', 'event', 'email', 'social', 'advertising', 'partner', 'import', 'other'] }),
    tagIds: tagIds(),
    /** The name global search compares for typos; its trigrams are among the record's search terms (migration 0011). */
    fullName: text('full_name').generatedAlwaysAs((): SQL => sql`${contacts.firstName} || ' ' || ${contacts.lastName}`),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple'::regconfig, ${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || coalesce(${contacts.email}, '') || ' ' || coalesce(${contacts.jobTitle}, ''))`,
    ),
    ...recordColumns(),
  },
  (table) => [
    uniqueIndex('contacts_email_key').on(table.orgId, table.email).where(sql`${table.deletedAt} is null and ${table.email} is not null`),
    index('contacts_live_last_name_idx').on(table.orgId, table.lastName, table.id).where(live(table)),
    index('contacts_live_first_name_idx').on(table.orgId, table.firstName, table.id).where(live(table)),
    index('contacts_live_updated_idx').on(table.orgId, table.updatedAt, table.id).where(live(table)),
    index('contacts_live_created_idx').on(table.orgId, table.createdAt, table.id).where(live(table)),
    index('contacts_trash_idx').on(table.orgId, table.deletedAt).where(sql`${table.deletedAt} is not null`),
    index('contacts_owner_idx').on(table.ownerId),
    check(
      'contacts_lifecycle_stage_check',
      sql`${table.lifecycleStage} in ('subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'evangelist', 'other')`,
    ),
    check('contacts_source_check', sql`${table.source} in ('website', 'referral', 'event', 'email', 'social', 'advertising', 'partner', 'import', 'other')`),
  ],
);

/** Contacts ↔ companies, many-to-many: a person may work with several companies. */
export const contactCompanies = pgTable(
  'contact_companies',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    role: text('role'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('contact_companies_pair_key').on(table.contactId, table.companyId),
    index('contact_companies_company_idx').on(table.orgId, table.companyId, table.contactId),
    // One primary company per contact.
    uniqueIndex('contact_companies_primary_key').on(table.contactId).where(sql`${table.isPrimary}`),
  ],
);

export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    ...recordColumns(),
  },
  (table) => [
    index('pipelines_org_idx').on(table.orgId, table.createdAt),
    uniqueIndex('pipelines_default_key').on(table.orgId).where(sql`${table.isDefault} and ${table.deletedAt} is null`),
  ],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    version: integer('version').notNull().default(1),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (table) => [
    // What deals reference: a stage together with its pipeline, so a deal's stage is always in its pipeline.
    unique('pipeline_stages_pipeline_stage_key').on(table.pipelineId, table.id),
    index('pipeline_stages_org_idx').on(table.orgId, table.pipelineId, table.position),
    check('pipeline_stages_kind_check', sql`${table.kind} in ('open', 'won', 'lost')`),
    check('pipeline_stages_probability_check', sql`${table.probability} between 0 and 100`),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    amount: numeric('amount', { precision: 15, scale: 2, mode: 'number' }),
    currency: text('currency').notNull(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: uuid('stage_id').notNull(),
    /** Copied from the stage by a trigger whenever the stage changes: open, won or lost. */
    status: text('status', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    closedAt: moment('closed_at'),
    stageChangedAt: moment('stage_changed_at').notNull().defaultNow(),
    ownerId: member('owner_id'),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    tagIds: tagIds(),
    search: tsvector('search').generatedAlwaysAs((): SQL => sql`to_tsvector('simple'::regconfig, ${deals.name})`),
    ...recordColumns(),
  },
  (table) => [
    foreignKey({ name: 'deals_stage_fk', columns: [table.pipelineId, table.stageId], foreignColumns: [pipelineStages.pipelineId, pipelineStages.id] }),
    index('deals_live_name_idx').on(table.orgId, table.name, table.id).where(live(table)),
    index('deals_live_updated_idx').on(table.orgId, table.updatedAt, table.id).where(live(table)),
    index('deals_live_created_idx').on(table.orgId, table.createdAt, table.id).where(live(table)),
    index('deals_live_amount_idx').on(table.orgId, table.amount, table.id).where(live(table)),
    index('deals_live_close_date_idx').on(table.orgId, table.expectedCloseDate, table.id).where(live(table)),
    index('deals_live_stage_idx').on(table.orgId, table.stageId, table.updatedAt, table.id).where(live(table)),
    index('deals_trash_idx').on(table.orgId, table.deletedAt).where(sql`${table.deletedAt} is not null`),
    index('deals_stage_idx').on(table.pipelineId, table.stageId),
    index('deals_company_idx').on(table.companyId),
    index('deals_owner_idx').on(table.ownerId),
    check('deals_status_check', sql`${table.status} in ('open', 'won', 'lost')`),
    check('deals_currency_check', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Deals ↔ contacts, many-to-many, with the contact's role in the deal. */
export const dealContacts = pgTable(
  'deal_contacts',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('deal_contacts_pair_key').on(table.dealId, table.contactId), index('deal_contacts_contact_idx').on(table.orgId, table.contactId, table.dealId)],
);

/** Every stage a deal entered, written by a trigger on deals (so bulk moves are recorded too). */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStageId: uuid('from_stage_id').references(() => pipelineStages.id, { onDelete: 'set null' }),
    toStageId: uuid('to_stage_id').references(() => pipelineStages.id, { onDelete: 'set null' }),
    actorUserId: member('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    // Microseconds, like audit_log.at: a move and the update that made it share one time.
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('deal_stage_history_deal_idx').on(table.orgId, table.dealId, table.at),
    index('deal_stage_history_from_idx').on(table.fromStageId),
    index('deal_stage_history_to_idx').on(table.toStageId),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    dueDate: date('due_date', { mode: 'string' }),
    assigneeId: member('assignee_id'),
    recordType: recordType(),
    recordId: uuid('record_id'),
    completedAt: moment('completed_at'),
    createdBy: member('created_by'),
    ...recordColumns(),
  },
  (table) => [
    index('tasks_live_assignee_idx').on(table.orgId, table.assigneeId, table.status, table.dueDate).where(live(table)),
    index('tasks_live_due_idx').on(table.orgId, table.dueDate, table.id).where(live(table)),
    index('tasks_live_updated_idx').on(table.orgId, table.updatedAt, table.id).where(live(table)),
    index('tasks_live_created_idx').on(table.orgId, table.createdAt, table.id).where(live(table)),
    index('tasks_record_idx').on(table.orgId, table.recordId, table.createdAt),
    index('tasks_trash_idx').on(table.orgId, table.deletedAt).where(sql`${table.deletedAt} is not null`),
    index('tasks_assignee_idx').on(table.assigneeId),
    index('tasks_created_by_idx').on(table.createdBy),
    check('tasks_status_check', sql`${table.status} in ('open', 'done')`),
    check('tasks_priority_check', sql`${table.priority} in ('low', 'normal', 'high', 'urgent')`),
    check('tasks_record_check', sql`(${table.recordType} is null) = (${table.recordId} is null) and ${table.recordType} in ('company', 'contact', 'deal')`),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    body: text('body').notNull(),
    authorId: member('author_id'),
    /** Who last changed the body; null until then, or when an API key changed it. */
    updatedBy: member('updated_by'),
    recordType: recordType().notNull(),
    recordId: uuid('record_id').notNull(),
    ...recordColumns(),
  },
  (table) => [
    index('notes_record_idx').on(table.orgId, table.recordId, table.createdAt),
    index('notes_live_updated_idx').on(table.orgId, table.updatedAt, table.id).where(live(table)),
    index('notes_live_created_idx').on(table.orgId, table.createdAt, table.id).where(live(table)),
    index('notes_trash_idx').on(table.orgId, table.deletedAt).where(sql`${table.deletedAt} is not null`),
    index('notes_author_idx').on(table.authorId),
    index('notes_updated_by_idx').on(table.updatedBy),
    check('notes_record_type_check', sql`${table.recordType} in ('company', 'contact', 'deal')`),
  ],
);
