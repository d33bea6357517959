import { noteSchema, taskSchema } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  contactId = (await call('POST', '/api/v1/contacts', { firstName: 'Noted', lastName: 'Person' })).json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(owner.accessToken), ...(payload ? { payload } : {}) });

describe('notes', () => {
  it('renders Markdown to HTML with no script, event handler or javascript: link surviving', async () => {
    const body = [
      '**Bold** and [site](https://example.com)',
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[click](javascript:alert(3))',
      '![pixel](https://tracker.example/p.gif)',
    ].join('\n\n');
    const response = await call('POST', '/api/v1/notes', { body, record: { type: 'contact', id: contactId } });
    expect(response.statusCode, response.body).toBe(201);
    const note = noteSchema.parse(response.json());
    expect(note.body).toBe(body);
    expect(note.bodyHtml).toContain('<strong>Bold</strong>');
    expect(note.bodyHtml).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">site</a>');
    expect(note.bodyHtml).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
    expect(note.bodyHtml).toContain('&lt;script&gt;');
    expect(note.authorId).toBe(owner.user.id);
  });

  it('belongs to a live record of the organization, named in the error otherwise', async () => {
    const response = await call('POST', '/api/v1/notes', { body: 'Lost', record: { type: 'deal', id: contactId } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.record.id', message: 'is not a deal of this organization' }]);
  });

  it("lists a record's notes newest first", async () => {
    for (const body of ['first', 'second']) await call('POST', '/api/v1/notes', { body, record: { type: 'contact', id: contactId } });
    const bodies = (await call('GET', `/api/v1/notes?recordId=${contactId}&limit=2`)).json().data.map((note: { body: string }) => note.body);
    expect(bodies).toEqual(['second', 'first']);
  });
});

describe('who may change a note', () => {
  const as = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  async function noteBy(token: string, body = 'Met at the fair') {
    const response = await as(token, 'POST', '/api/v1/notes', { body, record: { type: 'contact', id: contactId } });
    expect(response.statusCode, response.body).toBe(201);
    return noteSchema.parse(response.json());
  }

  it('refuses other members with 403 when they edit, trash or restore a note, leaving it as its author wrote it', async () => {
    const author = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const colleague = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const note = await noteBy(author.token);

    const edit = await as(colleague.token, 'PATCH', `/api/v1/notes/${note.id}`, { body: 'They never met' });
    expect(edit.statusCode).toBe(403);
    expect(edit.headers['content-type']).toContain('application/problem+json');
    expect((await as(colleague.token, 'DELETE', `/api/v1/notes/${note.id}`)).statusCode).toBe(403);
    expect(noteSchema.parse((await as(author.token, 'GET', `/api/v1/notes/${note.id}`)).json())).toMatchObject({ body: 'Met at the fair', version: 1, deletedAt: null, updatedById: null });

    expect((await as(author.token, 'DELETE', `/api/v1/notes/${note.id}`)).statusCode).toBe(204);
    expect((await as(colleague.token, 'POST', `/api/v1/notes/${note.id}/restore`)).statusCode).toBe(403);
    expect((await as(author.token, 'POST', `/api/v1/notes/${note.id}/restore`)).statusCode).toBe(200);
  });

  it('lets the author, an admin and an owner edit, and records who edited last', async () => {
    const author = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    const admin = await memberOf(t.app, t.ctx, owner.organization!.id, 'admin');
    const note = await noteBy(author.token);

    const byAuthor = await as(author.token, 'PATCH', `/api/v1/notes/${note.id}`, { body: 'Met at the fair, twice' });
    expect(byAuthor.statusCode, byAuthor.body).toBe(200);
    expect(byAuthor.json()).toMatchObject({ authorId: author.user.id, updatedById: author.user.id });
    const byAdmin = await as(admin.token, 'PATCH', `/api/v1/notes/${note.id}`, { body: 'Met at the fair (moderated)' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ authorId: author.user.id, updatedById: admin.user.id });
    const byOwner = await call('PATCH', `/api/v1/notes/${note.id}`, { body: 'Met at the fair.' });
    expect(byOwner.json()).toMatchObject({ body: 'Met at the fair.', authorId: author.user.id, updatedById: owner.user.id });

    const timeline = await call('GET', `/api/v1/contacts/${contactId}/timeline`);
    const entry = timeline.json().data.find((item: { note: { id: string } | null }) => item.note?.id === note.id);
    expect(entry.note).toMatchObject({ authorId: author.user.id, updatedById: owner.user.id });

    expect((await call('DELETE', `/api/v1/notes/${note.id}`)).statusCode).toBe(204);
  });
});

describe('tasks', () => {
  it('is assigned to its creator unless told, and records when it was done', async () => {
    const created = await call('POST', '/api/v1/tasks', { title: 'Call back', dueDate: '2026-12-24', priority: 'high', record: { type: 'contact', id: contactId } });
    expect(created.statusCode, created.body).toBe(201);
    const task = taskSchema.strict().parse(created.json());
    expect(task).toMatchObject({ assigneeId: owner.user.id, status: 'open', completedAt: null, record: { type: 'contact', id: contactId } });
    const done = (await call('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' })).json();
    expect(done.completedAt).not.toBeNull();
    expect((await call('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open' })).json().completedAt).toBeNull();
  });

  it('lists my open tasks by due date, undated last', async () => {
    const other = await signUp(t.app, { organizationName: 'Tasks' });
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/tasks', headers: bearer(other.accessToken), payload });
    await post({ title: 'Later', dueDate: '2027-01-10' });
    await post({ title: 'Someday' });
    await post({ title: 'Soon', dueDate: '2026-12-02' });
    await post({ title: 'Done already', dueDate: '2026-12-01', status: 'done' });
    const list = await t.app.inject({ url: `/api/v1/tasks?assigneeId=${other.user.id}&status=open&sort=dueDate`, headers: bearer(other.accessToken) });
    expect(list.json().data.map((task: { title: string }) => task.title)).toEqual(['Soon', 'Later', 'Someday']);
    const overdue = await t.app.inject({ url: '/api/v1/tasks?dueDate[lt]=2026-12-05&status=open', headers: bearer(other.accessToken) });
    expect(overdue.json().data.map((task: { title: string }) => task.title)).toEqual(['Soon']);
  });

  it('completes many tasks in one bulk update', async () => {
    const ids = [];
    for (const title of ['One', 'Two']) ids.push((await call('POST', '/api/v1/tasks', { title })).json().id);
    expect((await call('POST', '/api/v1/tasks/bulk', { action: 'update', ids, fields: { status: 'done' } })).statusCode).toBe(200);
    for (const id of ids) expect((await call('GET', `/api/v1/tasks/${id}`)).json()).toMatchObject({ status: 'done', version: 2 });
  });
});
