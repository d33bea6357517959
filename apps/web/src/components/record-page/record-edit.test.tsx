import { describe, expect, it } from 'vitest';
import { conflictingFields, editOf, patchOnTop, rebased, sameValue } from './record-edit';

const seen = { version: 3, jobTitle: 'Engineer', lastName: 'Hopper', tagIds: ['a', 'b'], email: null };

describe('record edits and 412s', () => {
  it('remembers what the edited fields were and the version seen', () => {
    expect(editOf(seen, { jobTitle: 'CTO' })).toEqual({ patch: { jobTitle: 'CTO' }, base: { jobTitle: 'Engineer' }, version: 3 });
  });

  it('finds a conflict only where they changed a field of mine to something else', () => {
    const edit = editOf(seen, { jobTitle: 'CTO', tagIds: ['a'] });
    expect(conflictingFields(edit, { ...seen, version: 4, lastName: 'Murray' })).toEqual([]);
    expect(conflictingFields(edit, { ...seen, version: 4, jobTitle: 'CEO' })).toEqual(['jobTitle']);
    // The same change on both sides is no conflict.
    expect(conflictingFields(edit, { ...seen, version: 4, jobTitle: 'CTO' })).toEqual([]);
    expect(conflictingFields(edit, { ...seen, version: 4, tagIds: ['b', 'a'] })).toEqual([]);
  });

  it('rebases mine on the current version, leaving out what is already so', () => {
    const edit = editOf(seen, { jobTitle: 'CTO', lastName: 'Murray' });
    const current = { ...seen, version: 7, lastName: 'Murray' };
    expect(patchOnTop(edit, current)).toEqual({ jobTitle: 'CTO' });
    expect(rebased(edit, current)).toEqual({ patch: { jobTitle: 'CTO' }, base: { jobTitle: 'Engineer' }, version: 7 });
  });

  it('treats blank, null and missing alike, and lists as sets', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(['x', 'y'], ['y', 'x'])).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
  });
});
