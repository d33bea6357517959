import type { RecordRef } from '@spanner/contracts';
import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { localDay } from '../../lib/days';
import { useRecordLookups } from '../../lib/record-lookups';
import { useTasks } from '../../lib/task-queries';
import { TaskForm } from '../tasks/TaskForm';
import { TaskRow } from '../tasks/TaskRow';
import { Button } from '../ui/Button';
import { ErrorState, LoadingState } from '../ui/QueryState';
import { PanelSection } from './PanelSection';

interface TasksPanelProps {
  record: RecordRef;
  organizationId: string;
  currentUserId: string;
  canWrite: boolean;
}

/** The record's open tasks, soonest due first; tick one off, or add one. */
export function TasksPanel({ record, organizationId, currentUserId, canWrite }: TasksPanelProps) {
  const query = useMemo(() => new URLSearchParams({ recordId: record.id, status: 'open', sort: 'dueDate' }), [record.id]);
  const tasks = useTasks(query);
  const lookups = useRecordLookups(organizationId);
  const [adding, setAdding] = useState(false);
  const rows = tasks.data?.pages.flatMap((page) => page.data) ?? [];
  const today = localDay();

  return (
    <PanelSection
      title="Tasks"
      actions={
        canWrite &&
        !adding && (
          <Button variant="ghost" size="sm" icon={<Plus />} onClick={() => setAdding(true)}>
            Add task
          </Button>
        )
      }
    >
      {adding && (
        <TaskForm
          members={lookups.members}
          defaultAssigneeId={currentUserId}
          record={record}
          onCancel={() => setAdding(false)}
          onCreated={(task) => {
            setAdding(false);
            toast.success(`Task added: ${task.title}`);
          }}
        />
      )}
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError && rows.length === 0 ? (
        <ErrorState title="Could not load the tasks." detail={describeError(tasks.error)} onRetry={() => void tasks.refetch()} />
      ) : rows.length === 0 ? (
        !adding && (
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
            <p>No open tasks.</p>
            {canWrite && (
              <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
                Plan the next step
              </Button>
            )}
          </div>
        )
      ) : (
        <ul aria-label="Open tasks" className="divide-y divide-border">
          {rows.map((task) => (
            <TaskRow key={task.id} task={task} today={today} assigneeName={lookups.memberName(task.assigneeId)} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {tasks.hasNextPage && (
        <Button variant="secondary" size="sm" className="self-start" loading={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()}>
          More tasks
        </Button>
      )}
    </PanelSection>
  );
}
