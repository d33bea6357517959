import { auditLogQuerySchema } from '@spanner/contracts';
import { localInputValue } from '../../lib/format';
import type { AuditFilters } from './api';

/** The server's own rules for the filters (strict: an unknown filter is an error, not ignored). */
export const auditFiltersSchema = auditLogQuerySchema.omit({ limit: true, cursor: true });

export const actionLabels = { insert: 'Created', update: 'Changed', delete: 'Deleted' } as const;

/** The filter form's fields: what the inputs hold, `from`/`to` in the reader's local time. */
export interface AuditFilterFormValues {
  actorId: string;
  tableName: string;
  rowId: string;
  action: string;
  from: string;
  to: string;
}

export const emptyFilterForm: AuditFilterFormValues = { actorId: '', tableName: '', rowId: '', action: '', from: '', to: '' };

/** The form's inputs as a query: blanks left out, local times as ISO instants. */
export function filtersFromForm(values: AuditFilterFormValues): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '') continue;
    query[name] = name === 'from' || name === 'to' ? new Date(value).toISOString() : value;
  }
  return query;
}

/** The other way, to fill the form from the filters in the address. */
export function formFromFilters(filters: AuditFilters): AuditFilterFormValues {
  return {
    actorId: filters.actorId ?? '',
    tableName: filters.tableName ?? '',
    rowId: filters.rowId ?? '',
    action: filters.action ?? '',
    from: filters.from === undefined ? '' : localInputValue(filters.from),
    to: filters.to === undefined ? '' : localInputValue(filters.to),
  };
}
