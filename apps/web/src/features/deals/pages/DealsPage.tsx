import { can, type Deal, type OrganizationMembership } from '@spanner/contracts';
import { HandCoins, KanbanSquare } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CompanyName, companyFilterPicker } from '../../../components/CompanyPicker';
import { BulkActionBar, BulkMenu } from '../../../components/record-list/BulkActionBar';
import { DayCell, Maybe, RecordLink } from '../../../components/record-list/cells';
import { ownedRecordColumns, ownedRecordFilterChoices } from '../../../components/record-list/common-columns';
import { ListPageHeader } from '../../../components/record-list/ListPageHeader';
import { recordFilterPicker } from '../../../components/record-list/record-filter-picker';
import { RecordListView } from '../../../components/record-list/RecordListView';
import { Badge } from '../../../components/ui/Badge';
import { buttonVariants } from '../../../components/ui/button-variants';
import type { DataTableColumn } from '../../../components/ui/DataTable';
import { DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from '../../../components/ui/DropdownMenu';
import { formatMoney } from '../../../lib/format';
import { contactKind, dealKind } from '../../../lib/record-kinds';
import { contactName } from '../../../lib/record-refs';
import { enumLabel, useRecordLookups } from '../../../lib/record-lookups';
import { usePipelines } from '../api';
import { CreateDealDialog } from '../components/CreateDealDialog';

interface DealsPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

const statusTones = { open: 'neutral', won: 'success', lost: 'danger' } as const;

/** Deals "with a contact" are found by searching the contact. */
const contactFilterPicker = recordFilterPicker(contactKind, { label: 'Contact', sort: 'lastName', optionLabel: contactName, optionDetail: (contact) => contact.email });

export function DealsPage({ organization, currentUserId }: DealsPageProps) {
  const lookups = useRecordLookups(organization.id);
  const pipelines = usePipelines().data;
  const canWrite = can(organization.role, 'records.write');
  const [creating, setCreating] = useState(false);

  const severalPipelines = (pipelines?.length ?? 0) > 1;
  /** "Negotiation", or "Renewals · Negotiation" when there are several pipelines. */
  const stageLabels = useMemo(() => {
    const labels = new Map<string, string>();
    for (const pipeline of pipelines ?? []) {
      for (const stage of pipeline.stages) labels.set(stage.id, severalPipelines ? `${pipeline.name} · ${stage.name}` : stage.name);
    }
    return labels;
  }, [pipelines, severalPipelines]);

  const columns = useMemo<DataTableColumn<Deal>[]>(
    () => [
      { id: 'name', header: 'Name', sortable: true, hideable: false, cell: (deal) => <RecordLink to={`/deals/${deal.id}`}>{deal.name}</RecordLink> },
      {
        id: 'amount',
        header: 'Amount',
        sortable: true,
        className: 'text-right tabular-nums',
        cell: (deal) => <Maybe>{deal.amount !== null && formatMoney(deal.amount, deal.currency)}</Maybe>,
      },
      { id: 'stageId', header: 'Stage', cell: (deal) => <Maybe>{stageLabels.get(deal.stageId)}</Maybe> },
      { id: 'status', header: 'Status', sortable: true, cell: (deal) => <Badge tone={statusTones[deal.status]}>{enumLabel(deal.status)}</Badge> },
      { id: 'expectedCloseDate', header: 'Expected close', sortable: true, cell: (deal) => <DayCell value={deal.expectedCloseDate} /> },
      { id: 'companyId', header: 'Company', cell: (deal) => <Maybe>{deal.companyId && <CompanyName id={deal.companyId} />}</Maybe> },
      ...ownedRecordColumns<Deal>(lookups),
    ],
    [lookups, stageLabels],
  );

  const filterChoices = {
    ...ownedRecordFilterChoices(lookups),
    pipelineId: (pipelines ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name })),
    stageId: [...stageLabels].map(([value, label]) => ({ value, label })),
  };

  return (
    <div className="flex flex-col gap-6">
      <ListPageHeader
        title="Deals"
        description={`What ${organization.name} is selling, stage by stage.`}
        createLabel={canWrite ? 'New deal' : undefined}
        onCreate={() => setCreating(true)}
        actions={
          <Link to="/deals/board" className={buttonVariants({ variant: 'secondary' })}>
            <KanbanSquare aria-hidden="true" className="size-4" />
            Board
          </Link>
        }
      />
      <RecordListView
        kind={dealKind}
        columns={columns}
        defaultHiddenColumns={['status', 'createdAt']}
        rowLabel={(deal) => deal.name}
        filterChoices={filterChoices}
        filterPickers={{ companyId: companyFilterPicker, contactId: contactFilterPicker }}
        emptyState={{
          title: 'No deals yet',
          description: 'Track what you are selling, from the first call to the signature.',
          actionLabel: 'Add your first deal',
          actionIcon: <HandCoins />,
          onAction: canWrite ? () => setCreating(true) : undefined,
        }}
        bulkActions={
          canWrite
            ? (selected, clearSelection) => (
                <BulkActionBar kind={dealKind} selectedIds={selected.map((deal) => deal.id)} onClearSelection={clearSelection} tags={lookups.tags} members={lookups.members}>
                  {(run, disabled) => (
                    <BulkMenu label="Move to stage" disabled={disabled}>
                      {(pipelines ?? []).map((pipeline, index) => (
                        <div key={pipeline.id} role="group" aria-label={pipeline.name}>
                          {severalPipelines && (
                            <>
                              {index > 0 && <DropdownMenuSeparator />}
                              <DropdownMenuLabel>{pipeline.name}</DropdownMenuLabel>
                            </>
                          )}
                          {pipeline.stages.map((stage) => (
                            <DropdownMenuItem
                              key={stage.id}
                              onSelect={() =>
                                void run(
                                  { action: 'moveStage', ids: selected.map((deal) => deal.id), stageId: stage.id },
                                  `${selected.length} ${selected.length === 1 ? 'deal' : 'deals'} moved to ${stage.name}.`,
                                )
                              }
                            >
                              {stage.name}
                            </DropdownMenuItem>
                          ))}
                        </div>
                      ))}
                    </BulkMenu>
                  )}
                </BulkActionBar>
              )
            : undefined
        }
      />
      <CreateDealDialog open={creating} onOpenChange={setCreating} members={lookups.members} pipelines={pipelines ?? []} currentUserId={currentUserId} />
    </div>
  );
}
