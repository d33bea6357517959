import type { CreateTaskRequest, Task } from '@spanner/contracts';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { recordQueryKeys, StaleVersionError, useCreateRecord, useRecordList, useUpdateRecord } from './record-api';
import { recordKindsByType } from './record-refs';
import { taskKind } from './record-kinds';
import { timelineQueryKey } from './timeline-queries';

export const taskQueryKeys = recordQueryKeys(taskKind.collection);

/** Tasks a page at a time: `?assigneeId=&status=open&sort=dueDate`, `?recordId=`… */
export const useTasks = (query: URLSearchParams, options?: { enabled?: boolean }) => useRecordList(taskKind, query, options);

/** Creates a task; the record it belongs to shows it in its timeline. */
export function useCreateTask() {
  const create = useCreateRecord(taskKind);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: CreateTaskRequest) => create.mutateAsync(task),
    onSuccess: (task) => {
      if (task.record) void queryClient.invalidateQueries({ queryKey: timelineQueryKey(recordKindsByType[task.record.type].collection, task.record.id) });
    },
  });
}

type TaskPages = InfiniteData<{ data: Task[]; page: { nextCursor: string | null } }>;

function withStatus(pages: TaskPages | undefined, id: string, status: Task['status']): TaskPages | undefined {
  if (!pages) return pages;
  const completedAt = status === 'done' ? new Date().toISOString() : null;
  return { ...pages, pages: pages.pages.map((page) => ({ ...page, data: page.data.map((task) => (task.id === id ? { ...task, status, completedAt } : task)) })) };
}

/**
 * Ticks a task done (or open again) at once, in every list that shows it; puts it back with an error
 * when the server refuses. Only the status is sent: when someone else changed the task meanwhile
 * (412), their change stays and the status is set on top of it, unless they already set it.
 */
export function useSetTaskStatus() {
  const queryClient = useQueryClient();
  const update = useUpdateRecord(taskKind);
  return useMutation({
    mutationFn: async ({ task, status }: { task: Task; status: Task['status'] }) => {
      try {
        return await update.mutateAsync({ id: task.id, version: task.version, patch: { status } });
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        const current = error.current as Task;
        if (current.status === status) return current;
        return update.mutateAsync({ id: task.id, version: current.version, patch: { status } });
      }
    },
    onMutate: async ({ task, status }) => {
      await queryClient.cancelQueries({ queryKey: taskQueryKeys.lists() });
      const previous = queryClient.getQueriesData<TaskPages>({ queryKey: taskQueryKeys.lists() });
      queryClient.setQueriesData<TaskPages>({ queryKey: taskQueryKeys.lists() }, (pages) => withStatus(pages, task.id, status));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: (_task, _error, { task }) => {
      void queryClient.invalidateQueries({ queryKey: taskQueryKeys.lists() });
      if (task.record) void queryClient.invalidateQueries({ queryKey: timelineQueryKey(recordKindsByType[task.record.type].collection, task.record.id) });
    },
  });
}
