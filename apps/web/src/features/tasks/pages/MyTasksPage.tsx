import { can, type OrganizationMembership } from '@spanner/contracts';
import { ListChecks, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { TaskForm } from '../../../components/tasks/TaskForm';
import { TaskRow } from '../../../components/tasks/TaskRow';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { Select, SelectOptions } from '../../../components/ui/Select';
import { describeError } from '../../../lib/api-client';
import { localDay } from '../../../lib/days';
import { useRecordLookups } from '../../../lib/record-lookups';
import { useTasks } from '../../../lib/task-queries';
import { groupTasks, taskGroupLabels, taskGroupNames } from '../task-groups';

interface MyTasksPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

const ALL = 'all';

/** `/tasks`: the open tasks of the user (or, for admins, anyone's), by when they are due. */
export function MyTasksPage({ organization, currentUserId }: MyTasksPageProps) {
  const lookups = useRecordLookups(organization.id);
  const canWrite = can(organization.role, 'records.write');
  // Admins look after the team: they may see everyone's tasks, or one member's.
  const canSeeOthers = can(organization.role, 'members.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('assignee');
  const assignee = canSeeOthers && requested ? requested : currentUserId;
  const [creating, setCreating] = useState(false);

  const query = useMemo(() => {
    const search = new URLSearchParams({ status: 'open', sort: 'dueDate' });
    if (assignee !== ALL) search.set('assigneeId', assignee);
    return search;
  }, [assignee]);
  const tasks = useTasks(query);
  const rows = useMemo(() => tasks.data?.pages.flatMap((page) => page.data) ?? [], [tasks.data]);
  const today = localDay();
  const groups = useMemo(() => groupTasks(rows, today), [rows, today]);
  const mine = assignee === currentUserId;
  const title = mine ? 'My tasks' : 'Tasks';

  return (
    <div className="flex flex-col gap-6">
      <title>{`${title} · Spanner CRM`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 text-sm text-muted-foreground">Open tasks, the most pressing first.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canSeeOthers && (
            <div className="w-48">
              <Select aria-label="Whose tasks" value={assignee} onChange={(event) => setParams(event.target.value === currentUserId ? {} : { assignee: event.target.value }, { replace: true })}>
                <option value={currentUserId}>My tasks</option>
                <option value={ALL}>All members</option>
                <SelectOptions options={lookups.members.filter((member) => member.userId !== currentUserId).map((member) => ({ value: member.userId, label: member.name }))} />
              </Select>
            </div>
          )}
          {canWrite && (
            <Button icon={<Plus />} onClick={() => setCreating(true)}>
              New task
            </Button>
          )}
        </div>
      </div>
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError && rows.length === 0 ? (
        <ErrorState title="Could not load the tasks." detail={describeError(tasks.error)} onRetry={() => void tasks.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={mine ? 'Nothing on your list' : 'No open tasks'}>
          <p>Tasks you add here or on a company, contact or deal show up by their due date.</p>
          {canWrite && (
            <Button className="mt-3" icon={<ListChecks />} onClick={() => setCreating(true)}>
              Add a task
            </Button>
          )}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          {taskGroupNames.map((name) =>
            groups[name].length === 0 ? null : (
              <section key={name} aria-labelledby={`tasks-${name}`} className="flex flex-col gap-1">
                <h2 id={`tasks-${name}`} className={`text-sm font-semibold ${name === 'overdue' ? 'text-danger-text' : ''}`}>
                  {taskGroupLabels[name]} <span className="font-normal text-muted-foreground">({groups[name].length})</span>
                </h2>
                <ul aria-label={taskGroupLabels[name]} className="divide-y divide-border rounded-lg border border-border px-3">
                  {groups[name].map((task) => (
                    <TaskRow key={task.id} task={task} today={today} assigneeName={mine ? null : lookups.memberName(task.assigneeId)} showRecord canWrite={canWrite} />
                  ))}
                </ul>
              </section>
            ),
          )}
          {tasks.hasNextPage && (
            <Button variant="secondary" className="self-start" loading={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()}>
              More tasks
            </Button>
          )}
        </div>
      )}
      <Dialog open={creating} onOpenChange={setCreating} title="New task" description="What to do, by when, and who does it.">
        {creating && (
          <TaskForm
            members={lookups.members}
            defaultAssigneeId={assignee === ALL ? currentUserId : assignee}
            onCancel={() => setCreating(false)}
            onCreated={(task) => {
              setCreating(false);
              toast.success(`Task added: ${task.title}`);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
