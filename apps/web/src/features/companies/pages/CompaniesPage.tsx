import { can, type Company, type OrganizationMembership } from '@spanner/contracts';
import { Building2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { BulkActionBar } from '../../../components/record-list/BulkActionBar';
import { Maybe, RecordLink } from '../../../components/record-list/cells';
import { ownedRecordColumns, ownedRecordFilterChoices } from '../../../components/record-list/common-columns';
import { ListPageHeader } from '../../../components/record-list/ListPageHeader';
import { RecordListView } from '../../../components/record-list/RecordListView';
import type { DataTableColumn } from '../../../components/ui/DataTable';
import { companyKind } from '../../../lib/record-kinds';
import { useRecordLookups } from '../../../lib/record-lookups';
import { CreateCompanyDialog } from '../components/CreateCompanyDialog';

interface CompaniesPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

export function CompaniesPage({ organization, currentUserId }: CompaniesPageProps) {
  const lookups = useRecordLookups(organization.id);
  const canWrite = can(organization.role, 'records.write');
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataTableColumn<Company>[]>(
    () => [
      { id: 'name', header: 'Name', sortable: true, hideable: false, cell: (company) => <RecordLink to={`/companies/${company.id}`}>{company.name}</RecordLink> },
      { id: 'domain', header: 'Domain', sortable: true, cell: (company) => <Maybe>{company.domain}</Maybe> },
      { id: 'industry', header: 'Industry', sortable: true, cell: (company) => <Maybe>{company.industry}</Maybe> },
      { id: 'size', header: 'Size', sortable: true, cell: (company) => <Maybe>{company.size}</Maybe> },
      { id: 'city', header: 'City', sortable: true, cell: (company) => <Maybe>{company.city}</Maybe> },
      { id: 'country', header: 'Country', sortable: true, cell: (company) => <Maybe>{company.country}</Maybe> },
      ...ownedRecordColumns<Company>(lookups),
    ],
    [lookups],
  );

  return (
    <div className="flex flex-col gap-6">
      <ListPageHeader
        title="Companies"
        description={`The organizations ${organization.name} works with.`}
        createLabel={canWrite ? 'New company' : undefined}
        onCreate={() => setCreating(true)}
      />
      <RecordListView
        kind={companyKind}
        columns={columns}
        defaultHiddenColumns={['city', 'country', 'createdAt']}
        rowLabel={(company) => company.name}
        filterChoices={ownedRecordFilterChoices(lookups)}
        emptyState={{
          title: 'No companies yet',
          description: 'Add the companies you sell to, partner with or deliver for.',
          actionLabel: 'Add your first company',
          actionIcon: <Building2 />,
          onAction: canWrite ? () => setCreating(true) : undefined,
        }}
        bulkActions={
          canWrite
            ? (selected, clearSelection) => (
                <BulkActionBar kind={companyKind} selectedIds={selected.map((company) => company.id)} onClearSelection={clearSelection} tags={lookups.tags} members={lookups.members} />
              )
            : undefined
        }
      />
      <CreateCompanyDialog open={creating} onOpenChange={setCreating} members={lookups.members} currentUserId={currentUserId} />
    </div>
  );
}
