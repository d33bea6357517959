import { filterOperators, listQuerySchema, type FieldSpecs, type FilterOperator, type SortKey } from '@spanner/contracts';
import type { ZodType } from 'zod';

/**
 * A record list's view (search, filters, sort, hidden columns) lives in the address, so a view can
 * be shared and survives a reload. Filters keep the API's own keys (`lastName[contains]=ada`), so
 * the query sent to the server is the address minus what only the screen uses.
 */

/** A filter as the address holds it: the value is the query-string text the API reads. */
export interface ViewFilter {
  field: string;
  operator: FilterOperator;
  value: string;
}

export interface ListView {
  q: string;
  sort: SortKey[];
  filters: ViewFilter[];
  /** Columns the user hid; null means the page's default. */
  hiddenColumns: string[] | null;
}

/** The API sorts by at most three keys. */
export const MAX_SORT_KEYS = 3;

const SEARCH_PARAM = 'q';
const SORT_PARAM = 'sort';
/** Screen-only: never sent to the API. */
const HIDDEN_COLUMNS_PARAM = 'hide';

/** `lastName` for eq, `lastName[contains]` for the others: the API's query key. */
export function filterKey({ field, operator }: Pick<ViewFilter, 'field' | 'operator'>): string {
  return operator === 'eq' ? field : `${field}[${operator}]`;
}

const keyShapes = new WeakMap<FieldSpecs, Record<string, ZodType>>();

/** The contract's schema of each query key of these fields: what the server will accept. */
function keySchemas(fields: FieldSpecs): Record<string, ZodType> {
  let shape = keyShapes.get(fields);
  if (shape === undefined) {
    shape = listQuerySchema(fields).shape as Record<string, ZodType>;
    keyShapes.set(fields, shape);
  }
  return shape;
}

/** Why the server would refuse this filter, or null when it would take it. */
export function filterError(fields: FieldSpecs, filter: ViewFilter): string | null {
  const schema = fields[filter.field] ? keySchemas(fields)[filterKey(filter)] : undefined;
  if (schema === undefined) return `Cannot filter ${filter.field} with "${filter.operator}"`;
  if (filter.value.trim() === '') return 'Enter a value';
  const parsed = schema.safeParse(filter.value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter a valid value');
}

function parseFilterKey(key: string): Pick<ViewFilter, 'field' | 'operator'> | null {
  const match = /^(\w+)(?:\[(\w+)\])?$/.exec(key);
  if (!match) return null;
  const operator = (match[2] ?? 'eq') as FilterOperator;
  return filterOperators.includes(operator) ? { field: match[1]!, operator } : null;
}

export function sortToParam(sort: SortKey[]): string {
  return sort.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(',');
}

function parseSort(value: string, fields: FieldSpecs): SortKey[] | null {
  const keys = value.split(',').map((part) => ({ field: part.replace(/^[-+]/, ''), direction: part.startsWith('-') ? ('desc' as const) : ('asc' as const) }));
  const valid =
    keys.length <= MAX_SORT_KEYS && keys.every((key) => fields[key.field]?.sortable === true) && new Set(keys.map((key) => key.field)).size === keys.length;
  return valid ? keys : null;
}

/**
 * The view in `params`. What the server would refuse (an unknown field, a bad value) is left out
 * and named in `invalid`, so the list still loads and the page can say what it ignored.
 */
export function readListView(params: URLSearchParams, fields: FieldSpecs): { view: ListView; invalid: string[] } {
  const invalid: string[] = [];
  const view: ListView = { q: params.get(SEARCH_PARAM)?.trim() ?? '', sort: [], filters: [], hiddenColumns: null };
  for (const [key, value] of params) {
    if (key === SEARCH_PARAM) continue;
    if (key === HIDDEN_COLUMNS_PARAM) {
      view.hiddenColumns = value.split(',').filter((column) => column !== '');
    } else if (key === SORT_PARAM) {
      const sort = value === '' ? [] : parseSort(value, fields);
      if (sort === null) invalid.push(key);
      else view.sort = sort;
    } else {
      const parsed = parseFilterKey(key);
      const filter = parsed && { ...parsed, value };
      // A key twice is a list the API refuses: the first one counts.
      const repeated = view.filters.some((existing) => filterKey(existing) === key);
      if (filter === null || repeated || filterError(fields, filter) !== null) invalid.push(key);
      else view.filters.push(filter);
    }
  }
  return { view, invalid };
}

/** The address's search params for `view`: only what differs from an empty view. */
export function writeListView(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q.trim() !== '') params.set(SEARCH_PARAM, view.q.trim());
  for (const filter of view.filters) params.append(filterKey(filter), filter.value);
  if (view.sort.length > 0) params.set(SORT_PARAM, sortToParam(view.sort));
  if (view.hiddenColumns !== null) params.set(HIDDEN_COLUMNS_PARAM, view.hiddenColumns.join(','));
  return params;
}

/**
 * What the API is asked: search, filters (in a stable order, so equal views share a cache entry)
 * and sort. Without a sort the server uses the kind's default.
 */
export function apiQueryOf(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q.trim() !== '') params.set(SEARCH_PARAM, view.q.trim());
  const filters = [...view.filters].sort((a, b) => filterKey(a).localeCompare(filterKey(b)));
  for (const filter of filters) params.append(filterKey(filter), filter.value);
  if (view.sort.length > 0) params.set(SORT_PARAM, sortToParam(view.sort));
  return params;
}
