import { zodResolver } from '@hookform/resolvers/zod';
import { createDealRequestSchema, type Pipeline } from '@spanner/contracts';
import { Controller, useForm } from 'react-hook-form';
import { CompanyPicker } from '../../../components/CompanyPicker';
import { OwnerOptions } from '../../../components/record-list/common-columns';
import { CreateRecordDialog, type CreateRecordDialogProps } from '../../../components/record-list/CreateRecordDialog';
import { useCreatedToast } from '../../../components/record-list/created-toast';
import { DialogFormActions } from '../../../components/ui/Dialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { FormField, SelectField, TextField } from '../../../components/ui/FormField';
import { showServerErrors } from '../../../lib/form-errors';
import { blankAsNull, blankAsUndefined, numberOrNull } from '../../../lib/form-values';
import { useCreateDeal } from '../api';
import { StageOptions } from './StageOptions';

interface CreateDealDialogProps extends CreateRecordDialogProps {
  pipelines: Pipeline[];
}

export function CreateDealDialog({ members, currentUserId, pipelines, ...dialog }: CreateDealDialogProps) {
  return (
    <CreateRecordDialog {...dialog} title="New deal" description="Name it; it starts in the first stage unless you choose another.">
      {(onDone) => <CreateDealForm members={members} currentUserId={currentUserId} pipelines={pipelines} onDone={onDone} />}
    </CreateRecordDialog>
  );
}

function CreateDealForm({ members, pipelines, currentUserId, onDone }: Omit<CreateDealDialogProps, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const create = useCreateDeal();
  const createdToast = useCreatedToast();
  const form = useForm({
    resolver: zodResolver(createDealRequestSchema),
    defaultValues: { name: '', amount: null, currency: '', stageId: pipelines[0]?.stages[0]?.id, expectedCloseDate: null, companyId: null, ownerId: currentUserId },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    // The stage names its pipeline.
    const pipelineId = pipelines.find((pipeline) => pipeline.stages.some((stage) => stage.id === values.stageId))?.id;
    create.mutate(
      { ...values, pipelineId },
      {
        onSuccess: (deal) => {
          createdToast(`Deal ${deal.name} is created.`, `/deals/${deal.id}`);
          onDone();
        },
        onError: (error) =>
          showServerErrors(error, form.setError, ['name', 'amount', 'currency', 'stageId', 'expectedCloseDate', 'companyId', 'ownerId']),
      },
    );
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Amount" type="number" min={0} step="0.01" inputMode="decimal" error={errors.amount?.message} {...form.register('amount', numberOrNull)} />
        <TextField
          label="Currency"
          description="Three letters; blank means USD."
          placeholder="USD"
          autoComplete="off"
          maxLength={3}
          spellCheck={false}
          error={errors.currency?.message}
          {...form.register('currency', blankAsUndefined)}
        />
        <SelectField label="Stage" error={errors.stageId?.message} {...form.register('stageId')}>
          <StageOptions pipelines={pipelines} />
        </SelectField>
        <TextField label="Expected close" type="date" error={errors.expectedCloseDate?.message} {...form.register('expectedCloseDate', blankAsNull)} />
        <FormField label="Company" error={errors.companyId?.message}>
          {(control) => (
            <Controller
              control={form.control}
              name="companyId"
              render={({ field }) => (
                <CompanyPicker
                  id={control.id}
                  aria-describedby={control['aria-describedby']}
                  aria-invalid={control['aria-invalid']}
                  value={field.value ?? ''}
                  onChange={(id) => field.onChange(id === '' ? null : id)}
                />
              )}
            />
          )}
        </FormField>
        <SelectField label="Owner" error={errors.ownerId?.message} {...form.register('ownerId', blankAsNull)}>
          <OwnerOptions members={members} />
        </SelectField>
      </div>
      <DialogFormActions submitLabel="Create deal" pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
