import { can, type OrganizationMembership } from '@spanner/contracts';
import { cx } from 'class-variance-authority';
import { ArchiveRestore, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { DateTimeCell } from '../../../components/record-list/cells';
import { useInfiniteTable } from '../../../components/record-list/infinite-table';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { DataTable, type DataTableColumn } from '../../../components/ui/DataTable';
import { EmptyState } from '../../../components/ui/EmptyState';
import { textLinkClasses } from '../../../components/ui/text-link';
import { describeError } from '../../../lib/api-client';
import { useBulkRecords, usePurgeRecord, useRecordList, useRestoreRecord } from '../../../lib/record-api';
import { companyKind, contactKind, dealKind, noteKind, taskKind, type RecordKind } from '../../../lib/record-kinds';
import { contactName } from '../../../lib/record-refs';

interface TrashedRecord {
  id: string;
  version: number;
  deletedAt: string | null;
}

interface TrashSection<Item extends TrashedRecord> {
  kind: RecordKind<Item, unknown, unknown, unknown>;
  label: string;
  /** What the record is called in the list and in messages. */
  name: (item: Item) => string;
  /** Where the kind's list is (the empty trash points back to it). */
  listPath: string | null;
  /** Whether the kind has the bulk endpoint (notes do not). */
  bulk: boolean;
}

const section = <Item extends TrashedRecord>(config: TrashSection<Item>) => config as unknown as TrashSection<TrashedRecord>;

const sections = {
  companies: section({ kind: companyKind, label: 'Companies', name: (company) => company.name, listPath: '/companies', bulk: true }),
  contacts: section({ kind: contactKind, label: 'Contacts', name: contactName, listPath: '/contacts', bulk: true }),
  deals: section({ kind: dealKind, label: 'Deals', name: (deal) => deal.name, listPath: '/deals', bulk: true }),
  tasks: section({ kind: taskKind, label: 'Tasks', name: (task) => task.title, listPath: null, bulk: true }),
  notes: section({ kind: noteKind, label: 'Notes', name: (note) => (note.body.length > 80 ? `${note.body.slice(0, 80)}…` : note.body), listPath: null, bulk: false }),
};

type SectionName = keyof typeof sections;
const sectionNames = Object.keys(sections) as SectionName[];
const isSectionName = (value: string | null): value is SectionName => value !== null && value in sections;

/** Deleted records, newest first: restore them, or (admins and owners) delete them for good. */
export function TrashPage({ organization }: { organization: OrganizationMembership }) {
  const [params] = useSearchParams();
  const requested = params.get('kind');
  const current: SectionName = isSectionName(requested) ? requested : 'companies';

  return (
    <div className="flex flex-col gap-6">
      <title>Trash · Spanner CRM</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Trash</h1>
        <p className="mt-1 text-sm text-muted-foreground">Deleted records of {organization.name} wait here until someone restores them.</p>
      </div>
      <nav aria-label="Kinds of records">
        <ul className="flex flex-wrap gap-1 border-b border-border">
          {sectionNames.map((name) => (
            <li key={name}>
              <Link
                to={`?kind=${name}`}
                aria-current={name === current ? 'page' : undefined}
                className={cx(
                  '-mb-px block border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring',
                  name === current ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
                )}
              >
                {sections[name].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <TrashList key={current} section={sections[current]} canWrite={can(organization.role, 'records.write')} canPurge={can(organization.role, 'records.purge')} />
    </div>
  );
}

const trashQuery = new URLSearchParams({ deleted: 'only' });

function TrashList({ section: { kind, label, name, listPath, bulk }, canWrite, canPurge }: { section: TrashSection<TrashedRecord>; canWrite: boolean; canPurge: boolean }) {
  const table = useInfiniteTable(useRecordList(kind, trashQuery), `deleted ${kind.plural}`);
  const { rows } = table;
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [purging, setPurging] = useState<TrashedRecord | null>(null);
  const restore = useRestoreRecord(kind);
  const restoreMany = useBulkRecords(kind);
  const purge = usePurgeRecord(kind);

  const restoreOne = (item: TrashedRecord) =>
    restore.mutate(item.id, {
      onSuccess: () => toast.success(`${name(item)} is restored.`),
      onError: (error) => toast.error(describeError(error)),
    });
  const restoreSelected = () => {
    const ids = selectedIds.filter((id) => rows.some((row) => row.id === id));
    restoreMany.mutate(
      { action: 'restore', ids },
      {
        onSuccess: () => {
          toast.success(`${ids.length} ${ids.length === 1 ? kind.noun : kind.plural} restored.`);
          setSelectedIds([]);
        },
        onError: (error) => toast.error(describeError(error)),
      },
    );
  };

  const columns: DataTableColumn<TrashedRecord>[] = [
    { id: 'name', header: 'Name', hideable: false, cell: (item) => name(item) },
    { id: 'deletedAt', header: 'Deleted', hideable: false, cell: (item) => <DateTimeCell value={item.deletedAt} /> },
  ];
  if (canWrite) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      hideable: false,
      className: 'w-0 whitespace-nowrap',
      cell: (item) => (
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" icon={<ArchiveRestore />} aria-label={`Restore ${name(item)}`} disabled={restore.isPending} onClick={() => restoreOne(item)}>
            Restore
          </Button>
          {canPurge && (
            <Button variant="ghost" size="sm" icon={<Trash2 />} aria-label={`Delete ${name(item)} permanently`} onClick={() => setPurging(item)}>
              Delete permanently
            </Button>
          )}
        </div>
      ),
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {bulk && canWrite && selectedIds.length > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/40 bg-primary/5 px-3 py-2">
          <p className="mr-2 text-sm font-medium">{selectedIds.length} selected</p>
          <Button size="sm" icon={<ArchiveRestore />} loading={restoreMany.isPending} onClick={restoreSelected}>
            Restore selected
          </Button>
          <Button variant="ghost" size="sm" className="ml-auto" onClick={() => setSelectedIds([])}>
            Clear selection
          </Button>
        </div>
      )}
      <DataTable
        caption={`Deleted ${kind.plural}`}
        columns={columns}
        {...table}
        getRowId={(item) => item.id}
        selectedIds={bulk && canWrite ? selectedIds : undefined}
        onSelectedIdsChange={bulk && canWrite ? setSelectedIds : undefined}
        rowLabel={name}
        empty={
          <EmptyState title={`No deleted ${kind.plural}`}>
            <p>What you delete waits here, ready to restore.</p>
            {listPath && (
              <Link to={listPath} className={cx(textLinkClasses, 'mt-3 inline-block')}>
                Back to {label.toLowerCase()}
              </Link>
            )}
          </EmptyState>
        }
      />
      <ConfirmDialog
        open={purging !== null}
        onOpenChange={(open) => !open && setPurging(null)}
        title={`Delete this ${kind.noun} permanently?`}
        description={purging && `${name(purging)} will be gone for good: it cannot be restored, and its history goes with it.`}
        confirmLabel="Delete permanently"
        pending={purge.isPending}
        onConfirm={() =>
          purging &&
          purge.mutate(purging.id, {
            onSuccess: () => {
              toast.success(`${name(purging)} is deleted permanently.`);
              setPurging(null);
            },
            onError: (error) => toast.error(describeError(error)),
          })
        }
      />
    </div>
  );
}
