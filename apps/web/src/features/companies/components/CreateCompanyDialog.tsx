import { zodResolver } from '@hookform/resolvers/zod';
import { companySizes, createCompanyRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { OwnerOptions } from '../../../components/record-list/common-columns';
import { CreateRecordDialog, type CreateRecordDialogProps } from '../../../components/record-list/CreateRecordDialog';
import { DialogFormActions } from '../../../components/ui/Dialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { SelectOptions } from '../../../components/ui/Select';
import { showServerErrors } from '../../../lib/form-errors';
import { blankAsNull } from '../../../lib/form-values';
import { useCreatedToast } from '../../../components/record-list/created-toast';
import { useCreateCompany } from '../api';

export function CreateCompanyDialog({ members, currentUserId, ...dialog }: CreateRecordDialogProps) {
  return (
    <CreateRecordDialog {...dialog} title="New company" description="Only the name is required; add the rest now or later.">
      {(onDone) => <CreateCompanyForm members={members} currentUserId={currentUserId} onDone={onDone} />}
    </CreateRecordDialog>
  );
}

function CreateCompanyForm({ members, currentUserId, onDone }: Omit<CreateRecordDialogProps, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const create = useCreateCompany();
  const createdToast = useCreatedToast();
  const form = useForm({
    resolver: zodResolver(createCompanyRequestSchema),
    defaultValues: { name: '', domain: '', industry: '', size: null, website: '', phone: '', ownerId: currentUserId },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (company) => {
        createdToast(`Company ${company.name} is created.`, `/companies/${company.id}`);
        onDone();
      },
      onError: (error) => showServerErrors(error, form.setError, ['name', 'domain', 'industry', 'size', 'website', 'phone', 'ownerId']),
    }),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Domain" placeholder="example.com" autoComplete="off" spellCheck={false} error={errors.domain?.message} {...form.register('domain')} />
        <TextField label="Website" type="url" placeholder="https://example.com" autoComplete="off" error={errors.website?.message} {...form.register('website')} />
        <TextField label="Industry" autoComplete="off" error={errors.industry?.message} {...form.register('industry')} />
        <SelectField label="Size" error={errors.size?.message} {...form.register('size', blankAsNull)}>
          <option value="">Unknown</option>
          <SelectOptions options={companySizes.map((size) => ({ value: size, label: `${size} people` }))} />
        </SelectField>
        <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
        <SelectField label="Owner" error={errors.ownerId?.message} {...form.register('ownerId', blankAsNull)}>
          <OwnerOptions members={members} />
        </SelectField>
      </div>
      <DialogFormActions submitLabel="Create company" pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
