import { taskSchema, type Task } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = owner.accessToken) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function created<T>(url: string, payload: object, token = owner.accessToken): Promise<T> {
  const response = await call('POST', url, payload, token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as T;
}

const createTask = (payload: object) => created<Task>('/api/v1/tasks', payload);
const readTask = async (id: string) => taskSchema.parse((await call('GET', `/api/v1/tasks/${id}`)).json());
const pathsOf = (response: { json: () => { errors: { path: string }[] } }) => response.json().errors.map((error) => error.path);

describe('task completion', () => {
  it('records when a task is done, and forgets it when the task is reopened', async () => {
    const task = await createTask({ title: 'Call back' });
    expect(task).toMatchObject({ status: 'open', completedAt: null, assigneeId: owner.user.id });
    const done = (await call('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' })).json() as Task;
    expect(done.completedAt).not.toBeNull();
    expect((await call('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open' })).json()).toMatchObject({ status: 'open', completedAt: null });
  });

  it('keeps the completion time of a task that was already done when a bulk change marks many done', async () => {
    const earlier = await createTask({ title: 'Done last week', status: 'done' });
    const open = await createTask({ title: 'Still open' });
    const response = await call('POST', '/api/v1/tasks/bulk', { action: 'update', ids: [earlier.id, open.id], fields: { status: 'done' } });
    expect(response.statusCode, response.body).toBe(200);
    expect((await readTask(earlier.id)).completedAt).toBe(earlier.completedAt);
    expect(await readTask(open.id)).toMatchObject({ status: 'done', completedAt: expect.any(String) });
  });

  it('keeps the completion time when a done task is patched to done again', async () => {
    const task = await createTask({ title: 'Twice done', status: 'done' });
    await call('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done', priority: 'high' });
    expect(await readTask(task.id)).toMatchObject({ priority: 'high', completedAt: task.completedAt });
  });
});

describe('invalid tasks', () => {
  it('asks for a title, a real date, a known status and priority, naming each field', async () => {
    const response = await call('POST', '/api/v1/tasks', { title: '  ', dueDate: '31/12/2026', status: 'later', priority: 'whenever' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(pathsOf(response).sort()).toEqual(['body.dueDate', 'body.priority', 'body.status', 'body.title']);
  });

  it('refuses an assignee who is not a member of the organization', async () => {
    const stranger = await signUp(t.app, { organizationName: 'Elsewhere' });
    const response = await call('POST', '/api/v1/tasks', { title: 'Not theirs', assigneeId: stranger.user.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.assigneeId', message: 'is not a member of this organization' }]);
    const task = await createTask({ title: 'Reassigned' });
    const patched = await call('PATCH', `/api/v1/tasks/${task.id}`, { assigneeId: stranger.user.id });
    expect(pathsOf(patched)).toEqual(['body.assigneeId']);
  });

  it("refuses a record of another organization or in the trash, and one of the wrong type", async () => {
    const stranger = await signUp(t.app, { organizationName: 'Other records' });
    const theirs = await created<{ id: string }>('/api/v1/companies', { name: 'Theirs' }, stranger.accessToken);
    const trashed = await created<{ id: string }>('/api/v1/companies', { name: 'Trashed' });
    expect((await call('DELETE', `/api/v1/companies/${trashed.id}`)).statusCode).toBe(204);
    const ours = await created<{ id: string }>('/api/v1/companies', { name: 'Ours' });
    for (const record of [{ type: 'company', id: theirs.id }, { type: 'company', id: trashed.id }, { type: 'contact', id: ours.id }]) {
      const response = await call('POST', '/api/v1/tasks', { title: 'Follow up', record });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([{ path: 'body.record.id', message: `is not a ${record.type} of this organization` }]);
    }
    const unknownType = await call('POST', '/api/v1/tasks', { title: 'Follow up', record: { type: 'invoice', id: ours.id } });
    expect(pathsOf(unknownType)).toEqual(['body.record.type']);
  });

  it('refuses unknown fields', async () => {
    const response = await call('POST', '/api/v1/tasks', { title: 'Sneaky', completedAt: '2020-01-01T00:00:00Z' });
    expect(response.statusCode).toBe(422);
  });
});
