import { auditActions } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { FORM_ERROR } from '../../../lib/form-errors';
import { actionLabels, auditFiltersSchema, emptyFilterForm, filtersFromForm, type AuditFilterFormValues } from '../filters';

export interface ActorOption {
  id: string;
  label: string;
}

interface AuditFiltersFormProps {
  initialValues: AuditFilterFormValues;
  actors: ActorOption[];
  /** The valid filters, as query parameters. */
  onApply: (query: Record<string, string>) => void;
}

export function AuditFiltersForm({ initialValues, actors, onApply }: AuditFiltersFormProps) {
  const form = useForm<AuditFilterFormValues>({ defaultValues: initialValues });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    const query = filtersFromForm(values);
    const parsed = auditFiltersSchema.safeParse(query);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === 'string' && field in emptyFilterForm) form.setError(field as keyof AuditFilterFormValues, { type: 'schema', message: issue.message });
        else form.setError(FORM_ERROR, { type: 'schema', message: issue.message });
      }
      return;
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      form.setError('to', { type: 'range', message: 'Choose a time after the start' });
      return;
    }
    onApply(query);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Filter the audit log" className="flex flex-col gap-4 rounded-lg border border-border p-4">
      <FormAlert message={errors.root?.server?.message} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField label="Actor" error={errors.actorId?.message} {...form.register('actorId')}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" error={errors.action?.message} {...form.register('action')}>
          <option value="">Any action</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {actionLabels[action]}
            </option>
          ))}
        </SelectField>
        <TextField label="Table" placeholder="memberships" autoComplete="off" error={errors.tableName?.message} {...form.register('tableName')} />
        <TextField label="Row ID" autoComplete="off" spellCheck={false} error={errors.rowId?.message} {...form.register('rowId')} />
        <TextField label="From" type="datetime-local" error={errors.from?.message} {...form.register('from')} />
        <TextField label="To" type="datetime-local" error={errors.to?.message} {...form.register('to')} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            form.reset(emptyFilterForm);
            onApply({});
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}
