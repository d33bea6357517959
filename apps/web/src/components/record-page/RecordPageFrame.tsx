import { ArchiveRestore, ChevronLeft, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { ApiError, describeError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { StaleVersionError, useDeleteRecord, useRecord, useRestoreRecord } from '../../lib/record-api';
import type { RecordKind } from '../../lib/record-kinds';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState, LoadingState } from '../ui/QueryState';
import { textLinkClasses } from '../ui/text-link';

interface RecordRouteProps<Item extends { id: string; version: number }> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  listPath: string;
  listLabel: string;
  children: (record: Item) => ReactNode;
}

/**
 * `/<kind>/:id`: loads the record, with loading, missing (404) and error states. Keyed by the id, so
 * going from one record to another starts afresh (no edit or dialog of the previous one lingers).
 */
export function RecordRoute<Item extends { id: string; version: number }>(props: RecordRouteProps<Item>) {
  const { id = '' } = useParams();
  return <RecordLoader key={id} id={id} {...props} />;
}

function RecordLoader<Item extends { id: string; version: number }>({ id, kind, listPath, listLabel, children }: RecordRouteProps<Item> & { id: string }) {
  const query = useRecord(kind, id);
  const { noun } = kind;
  if (query.isPending) return <LoadingState label={`Loading the ${noun}…`} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <section aria-labelledby="missing-record" className="flex max-w-md flex-col gap-3">
          <title>{`No such ${noun} · Spanner CRM`}</title>
          <h1 id="missing-record" className="text-2xl font-semibold tracking-tight">
            No such {noun}
          </h1>
          <p className="text-muted-foreground">It may have been deleted for good, or the link is wrong.</p>
          <Link to={listPath} className={textLinkClasses}>
            Back to {listLabel.toLowerCase()}
          </Link>
        </section>
      );
    }
    return <ErrorState title={`Could not load the ${noun}.`} detail={describeError(query.error)} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}

interface TrashableRecord {
  id: string;
  version: number;
  deletedAt: string | null;
}

interface RecordPageFrameProps<Item extends TrashableRecord> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  record: Item;
  title: string;
  /** Key facts under the name (domain, amount, stage…). */
  facts?: ReactNode;
  listPath: string;
  listLabel: string;
  canWrite: boolean;
  /** The narrow column: details, related records, tasks. */
  aside: ReactNode;
  /** The wide column: note composer and timeline. */
  children: ReactNode;
}

/**
 * The frame of a company, contact or deal page: the way back, the name and key facts, moving the
 * record to the trash (with an undo), and, while it is in the trash, a banner to restore it.
 */
export function RecordPageFrame<Item extends TrashableRecord>({ kind, record, title, facts, listPath, listLabel, canWrite, aside, children }: RecordPageFrameProps<Item>) {
  const navigate = useNavigate();
  const remove = useDeleteRecord(kind as unknown as RecordKind<{ id: string; version: number }, unknown, unknown, unknown>);
  const restore = useRestoreRecord(kind);
  const [confirming, setConfirming] = useState(false);
  const trashed = record.deletedAt !== null;

  // A promise rather than mutate's callbacks: the toast's Undo runs after this page has gone.
  const onRestore = () =>
    restore.mutateAsync(record.id).then(
      () => toast.success(`${title} is restored.`),
      (error: unknown) => toast.error(describeError(error)),
    );

  const onDelete = () =>
    remove.mutate(
      { id: record.id, version: record.version },
      {
        onSuccess: () => {
          setConfirming(false);
          toast.success(`${title} is in the trash.`, { action: { label: 'Undo', onClick: () => void onRestore() } });
          void navigate(listPath);
        },
        onError: (error) => {
          setConfirming(false);
          // Changed since it was read: the page now shows the new version; the user looks again before deleting.
          toast.error(error instanceof StaleVersionError ? `Someone changed this ${kind.noun} meanwhile. Look at the new version, then delete it again if you still want to.` : describeError(error));
        },
      },
    );

  return (
    <div className="flex flex-col gap-6">
      <title>{`${title} · Spanner CRM`}</title>
      {trashed && (
        <div role="region" aria-label="In the trash" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-warning/50 bg-warning/15 px-4 py-3">
          <p className="text-sm">
            This {kind.noun} is in the trash since {formatDateTime(record.deletedAt!)}. Restore it to change it again.
          </p>
          {canWrite && (
            <Button size="sm" variant="secondary" icon={<ArchiveRestore />} loading={restore.isPending} onClick={() => void onRestore()}>
              Restore
            </Button>
          )}
        </div>
      )}
      <div className="flex flex-col gap-2">
        <Link to={listPath} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring">
          <ChevronLeft aria-hidden="true" className="size-4" />
          {listLabel}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
            {facts !== undefined && <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">{facts}</div>}
          </div>
          {canWrite && !trashed && (
            <Button variant="secondary" icon={<Trash2 />} onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex min-w-0 flex-col gap-6">{aside}</div>
        <div className="flex min-w-0 flex-col gap-4">{children}</div>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${title}?`}
        description={`The ${kind.noun} goes to the trash, where it can be restored.`}
        confirmLabel="Move to trash"
        pending={remove.isPending}
        onConfirm={onDelete}
      />
    </div>
  );
}
