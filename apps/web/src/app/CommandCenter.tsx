import { can } from '@spanner/contracts';
import { CreateCompanyDialog } from '../features/companies/components/CreateCompanyDialog';
import { CreateContactDialog } from '../features/contacts/components/CreateContactDialog';
import { CreateDealDialog } from '../features/deals/components/CreateDealDialog';
import { CommandPalette } from '../features/search/components/CommandPalette';
import { closeCreateDialog, useRequestedCreateDialog, type CreatableKind } from '../lib/create-dialogs';
import { useMe } from '../lib/current-user';
import { usePipelines } from '../lib/pipeline-queries';
import { useRecordLookups } from '../lib/record-lookups';

/**
 * What works on every page once signed in: the Cmd/Ctrl+K palette, and the "New …" dialogs that it
 * (or any page, through openCreateDialog) opens over whatever page is showing.
 */
export function CommandCenter() {
  const me = useMe().data;
  const requested = useRequestedCreateDialog();
  const organization = me?.organization ?? null;
  const canCreate = organization !== null && can(organization.role, 'records.write');
  return (
    <>
      <CommandPalette canCreate={canCreate} />
      {canCreate && requested !== null && <CreateDialog kind={requested} organizationId={organization.id} currentUserId={me!.user.id} />}
    </>
  );
}

function CreateDialog({ kind, organizationId, currentUserId }: { kind: CreatableKind; organizationId: string; currentUserId: string }) {
  const { members } = useRecordLookups(organizationId);
  const pipelines = usePipelines().data ?? [];
  const dialog = { open: true, onOpenChange: (open: boolean) => !open && closeCreateDialog(), members, currentUserId };
  if (kind === 'company') return <CreateCompanyDialog {...dialog} />;
  if (kind === 'contact') return <CreateContactDialog {...dialog} />;
  return <CreateDealDialog {...dialog} pipelines={pipelines} />;
}
