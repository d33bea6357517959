import { filtersOf, type FieldFilter, type FieldSpecs, type SortKey } from '@spanner/contracts';
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { HttpProblem } from '../http/problem.js';

/** A field backed by a column: filtered by its type's operators, sortable when the spec says so. */
export interface ColumnField {
  column: PgColumn;
}

/** A field with its own SQL (a many-to-many link, an array): only filtered. */
export interface CustomField {
  filter: (operator: FieldFilter['operator'], value: unknown) => SQL;
}

export type ListField = ColumnField | CustomField;

/** The record kinds with organization-keyed search terms (migration 0011). */
export type SearchKind = 'company' | 'contact' | 'deal';

/**
 * "`id` is among the organization's records of `kind` whose search terms match `terms`": the
 * index lookup behind `q`, `contains` and tag filters. Under RLS no operator of those filters may
 * use an index (none is LEAKPROOF), so `search_ids` — a SECURITY DEFINER function that keys the
 * terms with the transaction's organization itself — finds candidates; `matches`, the filter's
 * own condition, still decides on rows read through RLS.
 */
export function searchCandidates(kind: SearchKind, id: PgColumn, terms: SQL, matches: SQL): SQL {
  // An array rather than a join: the rows are then always fetched by primary key, whatever the
  // planner would guess about a join with the function.
  return sql`${id} = any(array(select search_ids(${kind}, ${terms}))) and ${matches}`;
}

/** A `contains` value whose windows the terms hold: one with three ASCII letters or digits in a row is sure to have one. */
const hasTermWindow = (value: string) => /[a-z0-9]{3}/i.test(value);

/** How a kind's list maps its contract fields (`specs`) to SQL. Sortable field names are row properties. */
export interface ListSource<Specs extends FieldSpecs> {
  specs: Specs;
  fields: { [Name in keyof Specs]: ListField };
  id: PgColumn;
  deletedAt: PgColumn;
  /** What `q` searches: a tsvector column (word prefixes) or a text column (contains). */
  search: PgColumn;
  /** Kinds with search terms: their kind, and the column whose `contains` filter the terms serve. */
  terms?: { kind: SearchKind; contained: PgColumn };
  defaultSort: SortKey<Extract<keyof Specs, string>>[];
}

export interface ListQueryInput {
  q?: string;
  sort?: SortKey[];
  cursor?: string;
  deleted: 'exclude' | 'only';
  [key: string]: unknown;
}

export interface ListPlan {
  where: SQL | undefined;
  orderBy: SQL[];
  /** Reads the cursor that continues after `row`. */
  cursorAfter: (row: Record<string, unknown>) => string;
}

const invalidCursor = () =>
  new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path: 'query.cursor', message: 'is not a cursor of this list and sort' }] });

/**
 * A prefix query for `q`: every word must match the start of a word in the record
 * ("ada lov" finds Ada Lovelace). Operators are stripped, quotes escaped: user text is never syntax.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[&|!():*\\<>']/g, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((word) => `'${word}':*`).join(' & ');
}

function columnFilter(column: PgColumn, operator: FieldFilter['operator'], value: unknown): SQL | undefined {
  const notNullText = column.notNull && column.columnType === 'PgText';
  switch (operator) {
    case 'eq':
      return eq(column, value);
    case 'ne':
      // "Industry is not Retail" includes companies with no industry.
      return sql`${column} is distinct from ${sql.param(value, column)}`;
    case 'in':
      return inArray(column, value as unknown[]);
    case 'lt':
      return lt(column, value);
    case 'lte':
      return lte(column, value);
    case 'gt':
      return gt(column, value);
    case 'gte':
      return gte(column, value);
    case 'contains':
      return sql`${column} ilike ${`%${String(value).replace(/[\\%_]/g, (character) => `\\${character}`)}%`}`;
    case 'empty':
      if (notNullText) return value ? eq(column, '') : ne(column, '');
      return value ? isNull(column) : isNotNull(column);
  }
}

/** Datetime filters and cursors travel as ISO strings; timestamp columns take Dates. */
function toColumnValue(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (column.columnType === 'PgTimestamp') return new Date(value as string);
  return value;
}

function fromRowValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

interface Key {
  column: PgColumn;
  direction: 'asc' | 'desc';
  nullable: boolean;
  property: string;
}

/** Rows strictly after `value` in this key's order (PostgreSQL's: NULLS LAST ascending, FIRST descending). */
function strictlyAfter(key: Key, value: unknown): SQL | undefined {
  if (value === null) return key.direction === 'asc' ? sql`false` : isNotNull(key.column);
  const beyond = key.direction === 'asc' ? gt(key.column, value) : lt(key.column, value);
  return key.direction === 'asc' && key.nullable ? or(beyond, isNull(key.column)) : beyond;
}

const sameAs = (key: Key, value: unknown) => (value === null ? isNull(key.column) : eq(key.column, value));

/**
 * The keyset condition "after the cursor row". When every key is non-null and sorted the same
 * way it is one row comparison, which PostgreSQL answers with an index range scan.
 */
function afterCursor(keys: Key[], values: unknown[]): SQL | undefined {
  const direction = keys[0]!.direction;
  if (keys.every((key, index) => key.direction === direction && values[index] !== null && !key.nullable)) {
    const columns = sql.join(
      keys.map((key) => sql`${key.column}`),
      sql`, `,
    );
    const params = sql.join(
      keys.map((key, index) => sql.param(values[index], key.column)),
      sql`, `,
    );
    return direction === 'asc' ? sql`(${columns}) > (${params})` : sql`(${columns}) < (${params})`;
  }
  const alternatives = keys.map((key, index) => and(...keys.slice(0, index).map((previous, at) => sameAs(previous, values[at])), strictlyAfter(key, values[index])));
  return or(...alternatives);
}

function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: signature, v: values })).toString('base64url');
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL_TEXT = /^-?\d{1,30}(\.\d{1,30})?$/;
// PostgreSQL's timestamptz range: 4713 BC to 294276 AD.
const EARLIEST_TIMESTAMP = Date.UTC(-4712, 0, 1);
const LATEST_TIMESTAMP = Date.UTC(294276, 0, 1);

/** An ISO string exactly as `toISOString` writes it, inside PostgreSQL's range. */
function isIsoTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return time >= EARLIEST_TIMESTAMP && time <= LATEST_TIMESTAMP && new Date(time).toISOString() === value;
}

/**
 * Whether a cursor value is one this column could have given out. A cursor is client input:
 * a value PostgreSQL cannot read as the column's type would otherwise be a database error.
 */
function fitsColumn(column: PgColumn, value: unknown): boolean {
  if (value === null) return true;
  switch (column.columnType) {
    case 'PgUUID':
      return typeof value === 'string' && UUID_TEXT.test(value);
    case 'PgTimestamp':
    case 'PgTimestampString':
      return isIsoTimestamp(value);
    case 'PgDateString':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoTimestamp(`${value}T00:00:00.000Z`);
    case 'PgInteger':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
    case 'PgBigInt53':
      return Number.isSafeInteger(value);
    case 'PgNumeric':
    case 'PgNumericNumber':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL_TEXT.test(value));
    default:
      return typeof value === 'string' && !value.includes('\u0000');
  }
}

function decodeCursor(cursor: string, signature: string, keys: Key[]): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw invalidCursor();
  }
  const candidate = parsed as { s?: unknown; v?: unknown } | null;
  if (candidate?.s !== signature || !Array.isArray(candidate.v) || candidate.v.length !== keys.length) throw invalidCursor();
  if (!candidate.v.every((value, index) => fitsColumn(keys[index]!.column, value))) throw invalidCursor();
  return candidate.v;
}

/** Turns a parsed list query into WHERE and ORDER BY for `source`, with keyset pagination. */
export function planList<Specs extends FieldSpecs>(source: ListSource<Specs>, query: ListQueryInput): ListPlan {
  const fields = source.fields as Record<string, ListField>;
  const conditions: (SQL | undefined)[] = [query.deleted === 'only' ? isNotNull(source.deletedAt) : isNull(source.deletedAt)];

  for (const filter of filtersOf(query, source.specs)) {
    const field = fields[filter.field]!;
    if ('filter' in field) {
      conditions.push(field.filter(filter.operator, filter.value));
    } else {
      const value = Array.isArray(filter.value) ? filter.value.map((item) => toColumnValue(field.column, item)) : toColumnValue(field.column, filter.value);
      const condition = columnFilter(field.column, filter.operator, value)!;
      const terms = filter.operator === 'contains' && source.terms?.contained === field.column && hasTermWindow(String(value)) ? source.terms : undefined;
      conditions.push(terms ? searchCandidates(terms.kind, source.id, sql`search_contains_query(${String(value)})`, condition) : condition);
    }
  }
  if (query.q) {
    if (source.search.getSQLType() === 'tsvector') {
      const tsQuery = prefixTsQuery(query.q);
      const matches = tsQuery ? sql`${source.search} @@ to_tsquery('simple', ${tsQuery})` : sql`false`;
      conditions.push(tsQuery && source.terms ? searchCandidates(source.terms.kind, source.id, sql`search_words_query(to_tsquery('simple', ${tsQuery}))`, matches) : matches);
    } else {
      conditions.push(columnFilter(source.search, 'contains', query.q));
    }
  }

  // The trash lists what was deleted last first; other lists follow `sort` or the kind's default.
  const sort = query.deleted === 'only' ? [{ field: 'deletedAt', direction: 'desc' as const }] : (query.sort ?? source.defaultSort);
  const sortKeys: Key[] = sort.map(({ field, direction }) => {
    const column = field === 'deletedAt' ? source.deletedAt : (fields[field] as ColumnField).column;
    return { column, direction, nullable: !column.notNull, property: field };
  });
  const keys: Key[] = [...sortKeys, { column: source.id, direction: sortKeys.at(-1)?.direction ?? 'asc', nullable: false, property: 'id' }];
  const signature = keys.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.property}`).join(',');

  if (query.cursor) {
    const values = decodeCursor(query.cursor, signature, keys).map((value, index) => toColumnValue(keys[index]!.column, value));
    conditions.push(afterCursor(keys, values));
  }

  return {
    where: and(...conditions),
    orderBy: keys.map((key) => (key.direction === 'asc' ? sql`${key.column} asc` : sql`${key.column} desc`)),
    cursorAfter: (row) =>
      encodeCursor(
        signature,
        keys.map((key) => fromRowValue(row[key.property] ?? null)),
      ),
  };
}
