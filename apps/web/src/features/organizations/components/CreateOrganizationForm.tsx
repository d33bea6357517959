import { zodResolver } from '@hookform/resolvers/zod';
import { createOrganizationRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { showServerErrors } from '../../../lib/form-errors';
import { useCreateOrganization } from '../api';

interface CreateOrganizationFormProps {
  /** After the new organization is the active one. */
  onCreated?: () => void;
}

/** Names a new organization owned by the user, then works in it. */
export function CreateOrganizationForm({ onCreated }: CreateOrganizationFormProps) {
  const create = useCreateOrganization();
  const form = useForm({ resolver: zodResolver(createOrganizationRequestSchema), defaultValues: { name: '' } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ name }) =>
    // The promise, not onSuccess: the new session may replace the page this form is on.
    create.mutateAsync(name).then(
      (session) => {
        toast.success(`Created ${session.organization?.name ?? name}; you are working in it now.`);
        onCreated?.();
      },
      (error: unknown) => showServerErrors(error, form.setError, ['name']),
    ),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Organization name" autoComplete="organization" error={errors.name?.message} {...form.register('name')} />
      <Button type="submit" className="self-start" loading={create.isPending}>
        Create organization
      </Button>
    </form>
  );
}
