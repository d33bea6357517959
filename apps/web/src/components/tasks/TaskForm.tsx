import { zodResolver } from '@hookform/resolvers/zod';
import { createTaskRequestSchema, taskPriorities, type Member, type RecordRef, type Task } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { showServerErrors } from '../../lib/form-errors';
import { blankAsNull } from '../../lib/form-values';
import { enumLabel } from '../../lib/record-lookups';
import { useCreateTask } from '../../lib/task-queries';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { SelectField, TextField } from '../ui/FormField';
import { SelectOptions } from '../ui/Select';

interface TaskFormProps {
  members: Member[];
  /** The new task's assignee unless the user picks another. */
  defaultAssigneeId: string;
  /** The record it belongs to, if any. */
  record?: RecordRef;
  onCreated: (task: Task) => void;
  onCancel?: () => void;
}

const priorityOptions = taskPriorities.map((priority) => ({ value: priority, label: enumLabel(priority) }));

/** Title, due date, assignee and priority of a new task. */
export function TaskForm({ members, defaultAssigneeId, record, onCreated, onCancel }: TaskFormProps) {
  const create = useCreateTask();
  const form = useForm({
    resolver: zodResolver(createTaskRequestSchema),
    defaultValues: { title: '', dueDate: null, assigneeId: defaultAssigneeId, priority: 'normal' as const },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(
      { ...values, ...(record ? { record } : {}) },
      {
        onSuccess: (task) => {
          form.reset();
          onCreated(task);
        },
        onError: (error) => showServerErrors(error, form.setError, ['title', 'dueDate', 'assigneeId', 'priority']),
      },
    ),
  );

  return (
    <form noValidate aria-label="New task" onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Task" autoComplete="off" placeholder="Call back about the proposal" error={errors.title?.message} {...form.register('title')} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Due date" type="date" error={errors.dueDate?.message} {...form.register('dueDate', blankAsNull)} />
        <SelectField label="Assignee" error={errors.assigneeId?.message} {...form.register('assigneeId', blankAsNull)}>
          <option value="">Nobody</option>
          <SelectOptions options={members.map((member) => ({ value: member.userId, label: member.name }))} />
        </SelectField>
        <SelectField label="Priority" error={errors.priority?.message} {...form.register('priority')}>
          <SelectOptions options={priorityOptions} />
        </SelectField>
      </div>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" loading={create.isPending}>
          Add task
        </Button>
      </div>
    </form>
  );
}
