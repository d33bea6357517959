import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ZodType } from 'zod';
import { describeError } from '../../lib/api-client';
import { recordQueryKeys, StaleVersionError, useUpdateRecord } from '../../lib/record-api';
import type { RecordKind } from '../../lib/record-kinds';
import { useRefreshTimeline } from '../../lib/timeline-queries';
import { conflictingFields, editOf, rebased, type RecordEdit } from './record-edit';

/** Saved; left to the conflict dialog; or refused, with the server's reason (a field error). */
export type SaveResult = { status: 'saved' } | { status: 'conflict' } | { status: 'failed'; message: string };

/** A save the server refused as stale, where someone else changed the same fields: the user decides. */
export interface Conflict<Item> {
  edit: RecordEdit;
  /** The record as it is now on the server. */
  current: Item;
  /** The fields of the edit that they changed too. */
  fields: string[];
}

interface VersionedRecord {
  id: string;
  version: number;
}

/**
 * Saves edits of one record with If-Match, never overwriting someone else's change silently. On a
 * 412, fields nobody else touched go on top of the current version by themselves (their changes to
 * other fields stay); a field they changed too opens `conflict` for the user to resolve.
 */
export function useRecordSave<Item extends VersionedRecord, Update>(kind: RecordKind<Item, unknown, Update, unknown>, record: Item) {
  const update = useUpdateRecord(kind);
  const queryClient = useQueryClient();
  const refreshTimeline = useRefreshTimeline();
  const [conflict, setConflict] = useState<Conflict<Item> | null>(null);

  const send = async (edit: RecordEdit): Promise<SaveResult> => {
    if (Object.keys(edit.patch).length === 0) return { status: 'saved' };
    try {
      await update.mutateAsync({ id: record.id, version: edit.version, patch: edit.patch as Update });
      void refreshTimeline(kind.collection, record.id);
      return { status: 'saved' };
    } catch (error) {
      if (!(error instanceof StaleVersionError)) return { status: 'failed', message: describeError(error) };
      const current = error.current as Item;
      // The page shows the record as it is now, behind the dialog if there is one.
      queryClient.setQueryData(recordQueryKeys(kind.collection).detail(record.id), current);
      const fields = conflictingFields(edit, current as unknown as Record<string, unknown>);
      if (fields.length === 0) return send(rebased(edit, current));
      setConflict({ edit, current, fields });
      return { status: 'conflict' };
    }
  };

  const beginEdit = () => {
    const seen = record;
    return (patch: Partial<Update>) => send(editOf(seen, patch as Record<string, unknown>));
  };

  return {
    conflict,
    pending: update.isPending,
    /** Sets `patch` on the record as the page shows it now. */
    save: (patch: Partial<Update>) => send(editOf(record, patch as Record<string, unknown>)),
    /**
     * For a field edited over time (typing): the record is read when editing starts, so a change
     * that arrives meanwhile is a conflict to show, not something to overwrite.
     */
    beginEdit,
    /**
     * For InlineText: the typed text becomes the field's value (`toValue`), checked by the
     * contract's schema before it is sent, so a bad value is explained without a round trip.
     */
    editField: (field: Extract<keyof Update, string>, schema?: ZodType, toValue: (text: string) => unknown = (text) => text) => () => {
      const commit = beginEdit();
      return async (text: string): Promise<SaveResult> => {
        const value = toValue(text);
        const parsed = schema?.safeParse(value);
        if (parsed && !parsed.success) return { status: 'failed', message: parsed.error.issues[0]?.message ?? 'Check this value.' };
        return commit({ [field]: value } as Partial<Update>);
      };
    },
    /** Discards the user's edit: the page already shows theirs. */
    keepTheirs: () => {
      setConflict(null);
      toast.info(`Kept the other version of this ${kind.noun}.`);
    },
    /** Sends the user's fields again, on top of the current version. */
    applyMine: async () => {
      if (conflict === null) return;
      setConflict(null);
      const result = await send(editOf(conflict.current, conflict.edit.patch));
      if (result.status === 'saved') toast.success('Your changes are saved.');
      if (result.status === 'failed') toast.error(result.message);
    },
  };
}
