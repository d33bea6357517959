import type { Task } from '@spanner/contracts';
import { describe, expect, it } from 'vitest';
import { groupTasks } from './task-groups';

const task = (title: string, dueDate: string | null): Task => ({
  id: title,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  title,
  description: null,
  status: 'open',
  priority: 'normal',
  dueDate,
  assigneeId: null,
  record: null,
  completedAt: null,
});

const titles = (tasks: Task[]) => tasks.map((item) => item.title);

describe('groupTasks', () => {
  it('puts open tasks under Overdue, Due today, Upcoming and No date by their due day', () => {
    const groups = groupTasks(
      [task('later', '2026-03-20'), task('yesterday', '2026-03-09'), task('whenever', null), task('today', '2026-03-10'), task('last year', '2025-03-10'), task('tomorrow', '2026-03-11')],
      '2026-03-10',
    );
    expect(titles(groups.overdue)).toEqual(['last year', 'yesterday']);
    expect(titles(groups.today)).toEqual(['today']);
    expect(titles(groups.upcoming)).toEqual(['tomorrow', 'later']);
    expect(titles(groups.noDate)).toEqual(['whenever']);
  });

  it('has empty groups when nothing is due', () => {
    expect(groupTasks([], '2026-03-10')).toEqual({ overdue: [], today: [], upcoming: [], noDate: [] });
  });
});
