import { can, lifecycleStages, type Contact, type OrganizationMembership } from '@spanner/contracts';
import { UserPlus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { companyFilterPicker } from '../../../components/CompanyPicker';
import { BulkActionBar, BulkMenu } from '../../../components/record-list/BulkActionBar';
import { Maybe, RecordLink } from '../../../components/record-list/cells';
import { ownedRecordColumns, ownedRecordFilterChoices } from '../../../components/record-list/common-columns';
import { ListPageHeader } from '../../../components/record-list/ListPageHeader';
import { RecordListView } from '../../../components/record-list/RecordListView';
import { Badge } from '../../../components/ui/Badge';
import type { DataTableColumn } from '../../../components/ui/DataTable';
import { DropdownMenuItem } from '../../../components/ui/DropdownMenu';
import { contactKind } from '../../../lib/record-kinds';
import { contactName } from '../../../lib/record-refs';
import { enumLabel, useRecordLookups } from '../../../lib/record-lookups';
import { CreateContactDialog } from '../components/CreateContactDialog';

interface ContactsPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

export function ContactsPage({ organization, currentUserId }: ContactsPageProps) {
  const lookups = useRecordLookups(organization.id);
  const canWrite = can(organization.role, 'records.write');
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataTableColumn<Contact>[]>(
    () => [
      { id: 'lastName', header: 'Name', sortable: true, hideable: false, cell: (contact) => <RecordLink to={`/contacts/${contact.id}`}>{contactName(contact)}</RecordLink> },
      { id: 'firstName', header: 'First name', sortable: true, cell: (contact) => <Maybe>{contact.firstName}</Maybe> },
      { id: 'email', header: 'Email', sortable: true, cell: (contact) => <Maybe>{contact.email}</Maybe> },
      { id: 'jobTitle', header: 'Job title', sortable: true, cell: (contact) => <Maybe>{contact.jobTitle}</Maybe> },
      {
        id: 'lifecycleStage',
        header: 'Lifecycle stage',
        sortable: true,
        cell: (contact) => <Maybe>{contact.lifecycleStage && <Badge>{enumLabel(contact.lifecycleStage)}</Badge>}</Maybe>,
      },
      { id: 'source', header: 'Source', sortable: true, cell: (contact) => <Maybe>{contact.source && enumLabel(contact.source)}</Maybe> },
      ...ownedRecordColumns<Contact>(lookups),
    ],
    [lookups],
  );

  return (
    <div className="flex flex-col gap-6">
      <ListPageHeader
        title="Contacts"
        description={`The people ${organization.name} is in touch with.`}
        createLabel={canWrite ? 'New contact' : undefined}
        onCreate={() => setCreating(true)}
      />
      <RecordListView
        kind={contactKind}
        columns={columns}
        defaultHiddenColumns={['firstName', 'source', 'createdAt']}
        rowLabel={contactName}
        filterChoices={ownedRecordFilterChoices(lookups)}
        filterPickers={{ companyId: companyFilterPicker }}
        emptyState={{
          title: 'No contacts yet',
          description: 'Add the people you talk to: customers, leads, partners.',
          actionLabel: 'Add your first contact',
          actionIcon: <UserPlus />,
          onAction: canWrite ? () => setCreating(true) : undefined,
        }}
        bulkActions={
          canWrite
            ? (selected, clearSelection) => (
                <BulkActionBar kind={contactKind} selectedIds={selected.map((contact) => contact.id)} onClearSelection={clearSelection} tags={lookups.tags} members={lookups.members}>
                  {(run, disabled) => (
                    <BulkMenu label="Set lifecycle stage" disabled={disabled}>
                      {lifecycleStages.map((stage) => (
                        <DropdownMenuItem
                          key={stage}
                          onSelect={() =>
                            void run(
                              { action: 'update', ids: selected.map((contact) => contact.id), fields: { lifecycleStage: stage } },
                              `${selected.length} ${selected.length === 1 ? 'contact' : 'contacts'} set to ${enumLabel(stage)}.`,
                            )
                          }
                        >
                          {enumLabel(stage)}
                        </DropdownMenuItem>
                      ))}
                    </BulkMenu>
                  )}
                </BulkActionBar>
              )
            : undefined
        }
      />
      <CreateContactDialog open={creating} onOpenChange={setCreating} members={lookups.members} currentUserId={currentUserId} />
    </div>
  );
}
