import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, describeError } from './api-client';

/** Where a form keeps an error that belongs to no single field. */
export const FORM_ERROR = 'root.server' as const;

/**
 * Puts the server's answer on the form: each field error ('body.email') next to its field, anything
 * else (a 401, a token that has expired, a network failure) in the form's own alert.
 */
export function showServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly FieldPath<T>[]): void {
  const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  let shown = 0;
  for (const { path, message } of fieldErrors) {
    const field = fields.find((name) => path === `body.${name}` || path === `query.${name}`);
    if (field === undefined) continue;
    setError(field, { type: 'server', message }, { shouldFocus: shown === 0 });
    shown += 1;
  }
  if (shown === 0) {
    const detail = fieldErrors.map((fieldError) => fieldError.message).join(' ');
    setError(FORM_ERROR, { type: 'server', message: detail || describeError(error) });
  }
}
