import { zodResolver } from '@hookform/resolvers/zod';
import { createInvitationRequestSchema, type Role } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { RoleOptions } from '../../../components/RoleOptions';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { showServerErrors } from '../../../lib/form-errors';
import { useInviteMember } from '../api';

interface InviteMemberFormProps {
  organizationId: string;
  /** The inviter's role: nobody invites above it. */
  role: Role;
}

export function InviteMemberForm({ organizationId, role }: InviteMemberFormProps) {
  const invite = useInviteMember(organizationId);
  const form = useForm({ resolver: zodResolver(createInvitationRequestSchema), defaultValues: { email: '', role: 'member' as Role } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    invite.mutate(values, {
      onSuccess: (invitation) => {
        toast.success(`Invitation sent to ${invitation.email}.`);
        form.reset();
      },
      onError: (error) => showServerErrors(error, form.setError, ['email', 'role']),
    }),
  );

  return (
    <Card title="Invite someone" description="They get an email with a link to join; it works once and expires after a while.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <TextField label="Email to invite" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
          <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
            <RoleOptions grantor={role} />
          </SelectField>
        </div>
        <Button type="submit" className="self-start" loading={invite.isPending}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}
