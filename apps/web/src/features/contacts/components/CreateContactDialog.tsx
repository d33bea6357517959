import { zodResolver } from '@hookform/resolvers/zod';
import { contactSources, createContactRequestSchema, lifecycleStages } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { OwnerOptions } from '../../../components/record-list/common-columns';
import { CreateRecordDialog, type CreateRecordDialogProps } from '../../../components/record-list/CreateRecordDialog';
import { useCreatedToast } from '../../../components/record-list/created-toast';
import { DialogFormActions } from '../../../components/ui/Dialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { SelectOptions } from '../../../components/ui/Select';
import { showServerErrors } from '../../../lib/form-errors';
import { blankAsNull } from '../../../lib/form-values';
import { enumLabel } from '../../../lib/record-lookups';
import { useCreateContact } from '../api';

export function CreateContactDialog({ members, currentUserId, ...dialog }: CreateRecordDialogProps) {
  return (
    <CreateRecordDialog {...dialog} title="New contact" description="A first or a last name is enough; the email must be unique.">
      {(onDone) => <CreateContactForm members={members} currentUserId={currentUserId} onDone={onDone} />}
    </CreateRecordDialog>
  );
}

const enumOptions = (values: readonly string[]) => values.map((value) => ({ value, label: enumLabel(value) }));

function CreateContactForm({ members, currentUserId, onDone }: Omit<CreateRecordDialogProps, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const create = useCreateContact();
  const createdToast = useCreatedToast();
  const form = useForm({
    resolver: zodResolver(createContactRequestSchema),
    defaultValues: { firstName: '', lastName: '', email: '', jobTitle: '', lifecycleStage: null, source: null, ownerId: currentUserId },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (contact) => {
        createdToast(`Contact ${`${contact.firstName} ${contact.lastName}`.trim()} is created.`, `/contacts/${contact.id}`);
        onDone();
      },
      onError: (error) => showServerErrors(error, form.setError, ['firstName', 'lastName', 'email', 'jobTitle', 'lifecycleStage', 'source', 'ownerId']),
    }),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="First name" autoComplete="off" error={errors.firstName?.message} {...form.register('firstName')} />
        <TextField label="Last name" autoComplete="off" error={errors.lastName?.message} {...form.register('lastName')} />
        <TextField label="Email" type="email" autoComplete="off" spellCheck={false} className="sm:col-span-2" error={errors.email?.message} {...form.register('email')} />
        <TextField label="Job title" autoComplete="off" error={errors.jobTitle?.message} {...form.register('jobTitle')} />
        <SelectField label="Lifecycle stage" error={errors.lifecycleStage?.message} {...form.register('lifecycleStage', blankAsNull)}>
          <option value="">Not set</option>
          <SelectOptions options={enumOptions(lifecycleStages)} />
        </SelectField>
        <SelectField label="Source" error={errors.source?.message} {...form.register('source', blankAsNull)}>
          <option value="">Not set</option>
          <SelectOptions options={enumOptions(contactSources)} />
        </SelectField>
        <SelectField label="Owner" error={errors.ownerId?.message} {...form.register('ownerId', blankAsNull)}>
          <OwnerOptions members={members} />
        </SelectField>
      </div>
      <DialogFormActions submitLabel="Create contact" pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
