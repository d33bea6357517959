import type { Task } from '@spanner/contracts';
import { cx } from 'class-variance-authority';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { formatDay } from '../../lib/format';
import { enumLabel } from '../../lib/record-lookups';
import { useSetTaskStatus } from '../../lib/task-queries';
import { RecordLinkByRef } from '../RecordName';
import { Badge } from '../ui/Badge';

interface TaskRowProps {
  task: Task;
  /** Today as `YYYY-MM-DD` in the reader's time zone: what is before it is overdue. */
  today: string;
  assigneeName: string | null;
  /** On a record's page the record goes without saying. */
  showRecord?: boolean;
  canWrite: boolean;
}

const priorityTones = { urgent: 'danger', high: 'warning' } as const;

/** A task with its checkbox (ticked at once, undone with a message if the server refuses), due date, priority and assignee. */
export function TaskRow({ task, today, assigneeName, showRecord = false, canWrite }: TaskRowProps) {
  const setStatus = useSetTaskStatus();
  const done = task.status === 'done';
  const overdue = !done && task.dueDate !== null && task.dueDate < today;

  return (
    <li className="flex items-start gap-3 py-2">
      <input
        type="checkbox"
        id={`task-${task.id}`}
        className="mt-0.5 size-4 shrink-0 accent-primary"
        checked={done}
        disabled={!canWrite}
        onChange={(event) =>
          setStatus.mutate(
            { task, status: event.target.checked ? 'done' : 'open' },
            {
              onSuccess: (saved) => toast.success(saved.status === 'done' ? `Done: ${saved.title}` : `Open again: ${saved.title}`),
              onError: (error) => toast.error(`Could not update "${task.title}": ${describeError(error)}`),
            },
          )
        }
      />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <label htmlFor={`task-${task.id}`} className={cx('text-sm break-words', done && 'text-muted-foreground line-through')}>
          {task.title}
        </label>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
          {task.dueDate && <span className={cx(overdue && 'font-medium text-danger-text')}>{overdue ? `Overdue · ${formatDay(task.dueDate)}` : `Due ${formatDay(task.dueDate)}`}</span>}
          {(task.priority === 'urgent' || task.priority === 'high') && <Badge tone={priorityTones[task.priority]}>{enumLabel(task.priority)}</Badge>}
          {assigneeName && <span>{assigneeName}</span>}
          {showRecord && task.record && <RecordLinkByRef record={task.record} />}
        </p>
      </div>
    </li>
  );
}
