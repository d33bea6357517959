import type { RecordRef } from '@spanner/contracts';
import { NoteComposer } from './NoteComposer';
import { Timeline } from './Timeline';

interface RecordActivityProps {
  record: RecordRef;
  collection: string;
  noun: string;
  organizationId: string;
  /** Whether the user may add notes (and the record is not in the trash). */
  canWrite: boolean;
}

/** The wide column of a record page: a note composer above the record's timeline. */
export function RecordActivity({ record, collection, noun, organizationId, canWrite }: RecordActivityProps) {
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-4">
      <h2 id="activity-heading" className="text-base font-semibold">
        Activity
      </h2>
      {canWrite && <NoteComposer record={record} collection={collection} />}
      <Timeline collection={collection} id={record.id} noun={noun} organizationId={organizationId} />
    </section>
  );
}
