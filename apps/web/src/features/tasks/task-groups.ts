import type { Task } from '@spanner/contracts';

export const taskGroupNames = ['overdue', 'today', 'upcoming', 'noDate'] as const;
export type TaskGroupName = (typeof taskGroupNames)[number];

export const taskGroupLabels: Record<TaskGroupName, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
  noDate: 'No date',
};

/**
 * Open tasks by when they are due, relative to `today` (`YYYY-MM-DD` in the reader's time zone):
 * each group soonest first, the order the API sorted them in kept for equal dates.
 */
export function groupTasks(tasks: readonly Task[], today: string): Record<TaskGroupName, Task[]> {
  const groups: Record<TaskGroupName, Task[]> = { overdue: [], today: [], upcoming: [], noDate: [] };
  for (const task of tasks) {
    const due = task.dueDate;
    const group: TaskGroupName = due === null ? 'noDate' : due < today ? 'overdue' : due === today ? 'today' : 'upcoming';
    groups[group].push(task);
  }
  for (const name of ['overdue', 'upcoming'] as const) groups[name].sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  return groups;
}
