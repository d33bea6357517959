/** For `register(name, blankAsNull)`: an empty input or "None" option sends null (clears the field). */
export const blankAsNull = { setValueAs: (value: unknown) => (value === '' ? null : value) };

/** For a number input: empty is null, anything else a number (the schema says whether it fits). */
export const numberOrNull = { setValueAs: (value: unknown) => (value === '' || value === null ? null : Number(value)) };

/** For an optional field without a "none": empty leaves it out, and the server picks its default. */
export const blankAsUndefined = { setValueAs: (value: unknown) => (value === '' ? undefined : value) };
