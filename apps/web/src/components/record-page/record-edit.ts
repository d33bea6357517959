/**
 * An edit of a record as the user made it: the fields they set, what those fields were when they
 * started (`base`), and the version they saw. A 412 answers with the record as it is now; comparing
 * the three tells whose change is whose (a three-way merge).
 */
export interface RecordEdit {
  patch: Record<string, unknown>;
  base: Record<string, unknown>;
  version: number;
}

/** Blank, null and missing mean the same to the API (it stores '' as null); tags and emails are sets. */
function normalized(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return [...(value as unknown[])].map(String).sort();
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/** An edit of `fields` of `record`, as seen now: its base is their values, its version the record's. */
export function editOf(record: { version: number }, patch: Record<string, unknown>): RecordEdit {
  const values = record as unknown as Record<string, unknown>;
  return { patch, base: Object.fromEntries(Object.keys(patch).map((field) => [field, values[field]])), version: record.version };
}

/**
 * The fields of the edit that someone else changed too, to something else: saving would overwrite
 * their value. Fields they left alone, or set to the same value, are no conflict.
 */
export function conflictingFields(edit: RecordEdit, current: Record<string, unknown>): string[] {
  return Object.keys(edit.patch).filter((field) => !sameValue(current[field], edit.base[field]) && !sameValue(current[field], edit.patch[field]));
}

/** What is still to send on top of `current`: the fields where it differs from the edit. */
export function patchOnTop(edit: RecordEdit, current: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(edit.patch).filter(([field, value]) => !sameValue(current[field], value)));
}

/** Mine on top of theirs: the same fields, sent with the current version. */
export function rebased(edit: RecordEdit, current: { version: number }): RecordEdit {
  const patch = patchOnTop(edit, current as unknown as Record<string, unknown>);
  return editOf(current, patch);
}
