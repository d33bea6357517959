import { z } from 'zod';
import { optionalText } from './companies.js';
import { bulkIdsSchema, bulkRequestSchema, type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, staleVersionSchema } from './list-query.js';

/** A stage either keeps a deal open or closes it as won or lost. */
export const stageKinds = ['open', 'won', 'lost'] as const;
export const stageKindSchema = z.enum(stageKinds);

export const pipelineStageSchema = z
  .object({ id: z.string(), name: z.string(), position: z.number().int(), probability: z.number().int(), kind: stageKindSchema })
  .meta({ id: 'PipelineStage' });

export const pipelineSchema = z
  .object({ ...recordMetaShape, name: z.string(), isDefault: z.boolean(), stages: z.array(pipelineStageSchema) })
  .meta({ id: 'Pipeline' });

export const pipelineListSchema = z.object({ data: z.array(pipelineSchema) }).meta({ id: 'PipelineList' });

const stageInputSchema = z
  .object({
    /** An existing stage keeps its id (and its deals); a stage without one is new. */
    id: z.uuid().optional(),
    name: z.string().trim().min(1, { error: 'Name the stage' }).max(60),
    probability: z.number().int().min(0).max(100),
    kind: stageKindSchema.default('open'),
  })
  .strict();

const stagesSchema = z
  .array(stageInputSchema)
  .min(1, { error: 'A pipeline needs at least one stage' })
  .max(30)
  .refine((stages) => new Set(stages.map((stage) => stage.name.toLowerCase())).size === stages.length, { error: 'Give each stage its own name' });

export const createPipelineRequestSchema = z
  .object({ name: z.string().trim().min(1, { error: 'Name the pipeline' }).max(100), stages: stagesSchema })
  .strict()
  .meta({
    id: 'CreatePipelineRequest',
    examples: [{ name: 'Renewals', stages: [{ name: 'Due', probability: 50 }, { name: 'Renewed', probability: 100, kind: 'won' }, { name: 'Churned', probability: 0, kind: 'lost' }] }],
  });

/** Stages, when given, are the whole ordered list: stages left out are removed (if no live deal is in them). */
export const updatePipelineRequestSchema = z
  .object({ name: z.string().trim().min(1).max(100), stages: stagesSchema, isDefault: z.literal(true) })
  .partial()
  .strict()
  .meta({ id: 'UpdatePipelineRequest', examples: [{ name: 'Sales (EMEA)' }] });

export const moneyTotalSchema = z.object({ currency: z.string(), amount: z.number() }).meta({ id: 'MoneyTotal' });

/** Per stage: how many live deals and their amounts, per currency (for the board header and the chart). */
export const pipelineSummarySchema = z
  .object({
    pipelineId: z.string(),
    stages: z.array(z.object({ stageId: z.string(), count: z.number().int(), totals: z.array(moneyTotalSchema) })),
  })
  .meta({ id: 'PipelineSummary' });

export const dealStatuses = stageKinds;
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'Use a three-letter currency code such as EUR' });

export const dealFields = {
  name: { type: 'text', label: 'Name', sortable: true },
  amount: { type: 'number', label: 'Amount', sortable: true },
  currency: { type: 'text', label: 'Currency', sortable: false },
  pipelineId: { type: 'id', label: 'Pipeline', sortable: false },
  stageId: { type: 'id', label: 'Stage', sortable: false },
  status: { type: 'enum', label: 'Status', sortable: true, values: dealStatuses },
  expectedCloseDate: { type: 'date', label: 'Expected close', sortable: true },
  ownerId: { type: 'id', label: 'Owner', sortable: false },
  companyId: { type: 'id', label: 'Company', sortable: false },
  contactId: { type: 'id', label: 'Contact', sortable: false },
  tags: { type: 'tags', label: 'Tags', sortable: false },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const dealSchema = z
  .object({
    ...recordMetaShape,
    name: z.string(),
    amount: z.number().nullable(),
    currency: z.string(),
    pipelineId: z.string(),
    stageId: z.string(),
    /** Follows the stage: open, won or lost. */
    status: stageKindSchema,
    expectedCloseDate: z.iso.date().nullable(),
    closedAt: z.iso.datetime().nullable(),
    stageChangedAt: z.iso.datetime(),
    ownerId: z.string().nullable(),
    companyId: z.string().nullable(),
    tagIds: z.array(z.string()),
  })
  .meta({ id: 'Deal' });

const amountSchema = z.number({ error: 'Enter an amount' }).min(0, { error: 'Enter zero or more' }).max(1e13).multipleOf(0.01, { error: 'At most two decimals' });

const dealInputShape = {
  name: z.string().trim().min(1, { error: 'Name the deal' }).max(200),
  amount: amountSchema.nullable().optional(),
  currency: currencySchema.optional(),
  /** Omitted: the organization's default pipeline. */
  pipelineId: z.uuid().optional(),
  /** Omitted: the pipeline's first stage. */
  stageId: z.uuid().optional(),
  expectedCloseDate: z.iso.date({ error: 'Use a date such as 2026-12-31' }).nullable().optional(),
  ownerId: z.uuid({ error: 'Choose a member' }).nullable().optional(),
  companyId: z.uuid({ error: 'Choose a company' }).nullable().optional(),
  tagIds: z.array(z.uuid()).max(50).optional(),
};

export const createDealRequestSchema = z
  .object(dealInputShape)
  .strict()
  .meta({ id: 'CreateDealRequest', examples: [{ name: 'Acme — 50 seats', amount: 12000, currency: 'EUR', expectedCloseDate: '2026-12-31' }] });

export const updateDealRequestSchema = z.object(dealInputShape).partial().strict().meta({ id: 'UpdateDealRequest', examples: [{ amount: 15000, expectedCloseDate: '2027-01-31' }] });

export const dealListQuerySchema = listQuerySchema(dealFields);
export const dealListSchema = pageSchema(dealSchema, 'DealList');

export const dealContactLinkSchema = z
  .object({ dealId: z.string(), contactId: z.string(), name: z.string(), email: z.string().nullable(), role: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'DealContactLink' });

export const dealContactLinkListSchema = z.object({ data: z.array(dealContactLinkSchema) }).meta({ id: 'DealContactLinkList' });

export const linkDealContactRequestSchema = z
  .object({ contactId: z.uuid({ error: 'Choose a contact' }), role: optionalText(100) })
  .strict()
  .meta({ id: 'LinkDealContactRequest', examples: [{ contactId: '0190a0c8-2b7a-7000-8000-000000000002', role: 'Decision maker' }] });

export type PipelineStage = z.infer<typeof pipelineStageSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;
export type StageKind = z.infer<typeof stageKindSchema>;
export type CreatePipelineRequest = z.input<typeof createPipelineRequestSchema>;
export type UpdatePipelineRequest = z.input<typeof updatePipelineRequestSchema>;
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;
export type Deal = z.infer<typeof dealSchema>;
export type CreateDealRequest = z.input<typeof createDealRequestSchema>;
export type UpdateDealRequest = z.input<typeof updateDealRequestSchema>;
export type DealListQuery = z.infer<typeof dealListQuerySchema>;
export type DealContactLink = z.infer<typeof dealContactLinkSchema>;

export const dealBulkRequestSchema = bulkRequestSchema(
  updateDealRequestSchema,
  'DealBulkRequest',
  z.object({ action: z.literal('moveStage'), ids: bulkIdsSchema, stageId: z.uuid({ error: 'Choose a stage' }) }).strict(),
);

export type DealBulkRequest = z.infer<typeof dealBulkRequestSchema>;

/** The 412 answer to a stale If-Match: the deal as it is now. */
export const staleDealSchema = staleVersionSchema(dealSchema, 'StaleDeal');

export const stalePipelineSchema = staleVersionSchema(pipelineSchema, 'StalePipeline');
