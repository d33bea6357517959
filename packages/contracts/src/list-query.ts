import { z } from 'zod';
import { listLimitSchema, pageInfoSchema } from './access.js';
import { problemSchema } from './problem.js';

/**
 * Record lists (DESIGN.md §5): `?q=&<field>=&<field>[op]=&sort=-updatedAt,name&limit=50&cursor=`.
 * Each kind declares its fields as data; the query schema, the server's SQL and the web app's
 * filter builder are all derived from that declaration, so they cannot disagree.
 */
export const fieldTypes = ['text', 'number', 'date', 'datetime', 'enum', 'id', 'tags'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const filterOperators = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'contains', 'empty'] as const;
export type FilterOperator = (typeof filterOperators)[number];

/** What each type can be compared with. `tags` eq/in mean "has the tag" / "has any of them". */
export const operatorsByType: Record<FieldType, readonly FilterOperator[]> = {
  text: ['eq', 'ne', 'in', 'contains', 'empty'],
  number: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'empty'],
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'empty'],
  datetime: ['lt', 'lte', 'gt', 'gte', 'empty'],
  enum: ['eq', 'ne', 'in', 'empty'],
  id: ['eq', 'ne', 'in', 'empty'],
  tags: ['eq', 'in', 'empty'],
};

export const operatorLabels: Record<FilterOperator, string> = {
  eq: 'is',
  ne: 'is not',
  in: 'is any of',
  lt: 'is before / less than',
  lte: 'is on or before / at most',
  gt: 'is after / more than',
  gte: 'is on or after / at least',
  contains: 'contains',
  empty: 'is empty',
};

export interface FieldSpec {
  type: FieldType;
  label: string;
  sortable: boolean;
  /** Allowed values of an enum field. */
  values?: readonly string[];
}

export type FieldSpecs = Record<string, FieldSpec>;

export const trashFilters = ['exclude', 'only'] as const;

export interface SortKey<Field extends string = string> {
  field: Field;
  direction: 'asc' | 'desc';
}

/** A parsed filter: field, operator and typed value (an array for `in`, a boolean for `empty`). */
export interface FieldFilter {
  field: string;
  operator: FilterOperator;
  value: unknown;
}

/** A `limit` parameter: 1 to `max`, `fallback` when absent. */
export const listLimitSchemaFor = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const MAX_SORT_KEYS = 3;
const MAX_IN_VALUES = 100;

/** How one value of a field is read from the query string. */
function valueSchema(spec: FieldSpec): z.ZodType<unknown, string> {
  switch (spec.type) {
    case 'number':
      return z.coerce.number<string>({ error: 'Enter a number' });
    case 'date':
      return z.iso.date({ error: 'Use a date such as 2026-12-31' });
    case 'datetime':
      return z.iso.datetime({ offset: true, error: 'Use a date and time such as 2026-12-31T09:00:00Z' });
    case 'enum':
      return z.enum(spec.values as [string, ...string[]]);
    case 'id':
    case 'tags':
      return z.uuid({ error: 'Use an id' });
    case 'text':
      return z.string().min(1).max(200);
  }
}

function operatorSchema(spec: FieldSpec, operator: FilterOperator): z.ZodType {
  if (operator === 'empty') return z.enum(['true', 'false']).transform((value) => value === 'true');
  if (operator === 'in') {
    return z
      .string()
      .transform((value) => value.split(','))
      .pipe(z.array(valueSchema(spec)).min(1).max(MAX_IN_VALUES, { error: `At most ${MAX_IN_VALUES} values` }));
  }
  return valueSchema(spec);
}

/** `sort=-updatedAt,lastName`: at most three known sortable fields, each once. */
export function sortSchema<Fields extends FieldSpecs>(fields: Fields) {
  const sortable = Object.keys(fields).filter((name) => fields[name]!.sortable);
  return z
    .string()
    .max(200)
    .transform((value, context): SortKey<Extract<keyof Fields, string>>[] => {
      const keys = value.split(',').map((part) => {
        const direction = part.startsWith('-') ? ('desc' as const) : ('asc' as const);
        return { field: part.replace(/^[-+]/, ''), direction };
      });
      const unknown = keys.find((key) => !sortable.includes(key.field));
      if (unknown) context.addIssue({ code: 'custom', message: `Cannot sort by "${unknown.field}"; sortable: ${sortable.join(', ')}` });
      if (keys.length > MAX_SORT_KEYS) context.addIssue({ code: 'custom', message: `Sort by at most ${MAX_SORT_KEYS} fields` });
      if (new Set(keys.map((key) => key.field)).size !== keys.length) context.addIssue({ code: 'custom', message: 'Sort by each field once' });
      return keys as SortKey<Extract<keyof Fields, string>>[];
    });
}

/**
 * The query string of a list: `q`, `sort`, `limit`, `cursor`, `deleted` and one optional key per
 * field and operator (`lastName`, `lastName[contains]`, …). Strict: an unknown field or operator
 * is a 422 naming the key.
 */
export function listQuerySchema<Fields extends FieldSpecs>(fields: Fields, extra: z.ZodRawShape = {}) {
  const filterKeys: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(fields)) {
    for (const operator of operatorsByType[spec.type]) {
      filterKeys[operator === 'eq' ? name : `${name}[${operator}]`] = operatorSchema(spec, operator).optional();
    }
  }
  return z
    .object({
      q: z.string().trim().min(1).max(200).optional(),
      sort: sortSchema(fields).optional(),
      limit: listLimitSchema,
      cursor: z.string().max(1000).optional(),
      deleted: z.enum(trashFilters).default('exclude'),
      ...extra,
      ...filterKeys,
    })
    .strict();
}

/** The filters present in a parsed list query, in a form the server turns into SQL. */
export function filtersOf(query: Record<string, unknown>, fields: FieldSpecs): FieldFilter[] {
  const filters: FieldFilter[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const match = /^(\w+)(?:\[(\w+)\])?$/.exec(key);
    if (!match || !(match[1]! in fields)) continue;
    filters.push({ field: match[1]!, operator: (match[2] ?? 'eq') as FilterOperator, value });
  }
  return filters;
}

/** A list page: `{ data, page: { nextCursor } }`. */
export function pageSchema<Item extends z.ZodType>(item: Item, id: string) {
  return z.object({ data: z.array(item), page: pageInfoSchema }).meta({ id });
}

/** Bulk operations name at most this many records; all succeed or none does. */
export const MAX_BULK_IDS = 1000;

export const bulkIdsSchema = z
  .array(z.uuid({ error: 'Use an id' }))
  .min(1, { error: 'Choose at least one record' })
  .max(MAX_BULK_IDS, { error: `At most ${MAX_BULK_IDS} records per call` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Name each record once' });

export const bulkResultSchema = z
  .object({
    results: z.array(z.object({ id: z.string(), status: z.enum(['ok']), version: z.number().int() })),
  })
  .meta({ id: 'BulkResult' });

export type BulkResult = z.infer<typeof bulkResultSchema>;

const tagIdsSchema = z.array(z.uuid({ error: 'Use an id' })).min(1, { error: 'Choose at least one tag' }).max(50);

/** The bulk actions every record list offers; `fields` is the kind's own merge patch. */
export function bulkRequestSchema<Fields extends z.ZodType, Extra extends z.ZodObject[] = []>(fields: Fields, id: string, ...extra: Extra) {
  return z
    .discriminatedUnion('action', [
      z.object({ action: z.literal('update'), ids: bulkIdsSchema, fields }).strict(),
      z.object({ action: z.literal('addTags'), ids: bulkIdsSchema, tagIds: tagIdsSchema }).strict(),
      z.object({ action: z.literal('removeTags'), ids: bulkIdsSchema, tagIds: tagIdsSchema }).strict(),
      z.object({ action: z.literal('delete'), ids: bulkIdsSchema }).strict(),
      z.object({ action: z.literal('restore'), ids: bulkIdsSchema }).strict(),
      ...extra,
    ])
    .meta({ id, examples: [{ action: 'delete', ids: ['0190a0c8-2b7a-7000-8000-000000000001'] }] });
}


/** Where a task or a note belongs. */
export const recordTypes = ['company', 'contact', 'deal'] as const;
export const recordTypeSchema = z.enum(recordTypes);
export type RecordType = z.infer<typeof recordTypeSchema>;

export const recordRefSchema = z.object({ type: recordTypeSchema, id: z.uuid({ error: 'Use an id' }) }).meta({ id: 'RecordRef' });
export type RecordRef = z.infer<typeof recordRefSchema>;

/** Bookkeeping every record carries: `version` is its ETag; `deletedAt` is set while it is in the trash. */
export const recordMetaShape = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
};

/** The 412 body: what the record is now, so the client can show both versions. */
export function staleVersionSchema<Item extends z.ZodType>(item: Item, id: string) {
  return problemSchema.extend({ current: item }).meta({ id });
}
