import { zodResolver } from '@hookform/resolvers/zod';
import { renameOrganizationRequestSchema, type OrganizationMembership } from '@spanner/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { describeError } from '../../../lib/api-client';
import { useCan } from '../../../lib/current-user';
import { showServerErrors } from '../../../lib/form-errors';
import { roleLabels } from '../../../lib/roles';
import { useDeleteOrganization, useRenameOrganization } from '../api';

interface OrganizationSettingsPageProps {
  /** The active organization (the route shows this page only when there is one). */
  organization: OrganizationMembership;
}

export function OrganizationSettingsPage({ organization }: OrganizationSettingsPageProps) {
  const canRename = useCan('organization.rename');
  const canDelete = useCan('organization.delete');

  return (
    <div className="flex flex-col gap-6">
      <title>Organization · Spanner CRM</title>
      <h1 className="text-2xl font-semibold tracking-tight">Organization</h1>
      {canRename ? (
        <RenameOrganization organization={organization} />
      ) : (
        <Card title="Name">
          <p className="font-medium">{organization.name}</p>
          <p className="mt-1 text-sm text-muted-foreground">
            You are {roleLabels[organization.role].toLowerCase()} here; only an owner can rename the organization.
          </p>
        </Card>
      )}
      {canDelete && <DeleteOrganization organization={organization} />}
    </div>
  );
}

function RenameOrganization({ organization }: { organization: OrganizationMembership }) {
  const rename = useRenameOrganization(organization.id);
  const form = useForm({ resolver: zodResolver(renameOrganizationRequestSchema), values: { name: organization.name } });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(({ name }) =>
    rename.mutate(name, {
      onSuccess: (renamed) => toast.success(`The organization is now called ${renamed.name}.`),
      onError: (error) => showServerErrors(error, form.setError, ['name']),
    }),
  );

  return (
    <Card title="Name" description="How the organization appears to its members and in invitations.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 sm:max-w-md">
        <FormAlert message={errors.root?.server?.message} />
        <TextField label="Organization name" error={errors.name?.message} {...form.register('name')} />
        <Button type="submit" className="self-start" loading={rename.isPending} disabled={!isDirty}>
          Save name
        </Button>
      </form>
    </Card>
  );
}

function DeleteOrganization({ organization }: { organization: OrganizationMembership }) {
  const navigate = useNavigate();
  const remove = useDeleteOrganization(organization.id);
  const [open, setOpen] = useState(false);
  const [typedName, setTypedName] = useState('');

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) setTypedName('');
  };

  return (
    <Card title="Delete organization" tone="danger" description="Deletes the organization with all its records, members' access, invitations and API keys. This cannot be undone.">
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete organization
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={close}
        title={`Delete ${organization.name}?`}
        description="Everything in it is deleted for every member, at once. Type the organization's name to confirm."
        confirmLabel="Delete this organization"
        pending={remove.isPending}
        confirmDisabled={typedName !== organization.name}
        onConfirm={() =>
          // The promise, not onSuccess: the session moves to another organization first, and this page may be gone by then.
          remove.mutateAsync().then(
            () => {
              toast.success(`${organization.name} is deleted.`);
              void navigate('/', { replace: true });
            },
            (error: unknown) => toast.error(describeError(error)),
          )
        }
      >
        <TextField label="Organization name" autoComplete="off" value={typedName} onChange={(event) => setTypedName(event.target.value)} />
      </ConfirmDialog>
    </Card>
  );
}
