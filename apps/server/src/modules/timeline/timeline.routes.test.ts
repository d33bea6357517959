import type { TimelineItem } from '@spanner/contracts';
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

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(owner.accessToken), ...(payload ? { payload } : {}) });

describe('the record timeline', () => {
  it("shows a deal's creation, edits, stage moves, notes and tasks, newest first, page by page", async () => {
    const deal = (await call('POST', '/api/v1/deals', { name: 'Timeline deal' })).json();
    const pipeline = (await call('GET', '/api/v1/pipelines')).json().data[0];
    await call('PATCH', `/api/v1/deals/${deal.id}`, { amount: 500, name: 'Timeline deal, renamed' });
    await call('POST', '/api/v1/notes', { body: 'Met the buyer', record: { type: 'deal', id: deal.id } });
    await call('PATCH', `/api/v1/deals/${deal.id}`, { stageId: pipeline.stages[2].id });
    await call('POST', '/api/v1/tasks', { title: 'Send contract', record: { type: 'deal', id: deal.id } });

    const items: TimelineItem[] = [];
    let cursor = '';
    do {
      const page = (await call('GET', `/api/v1/deals/${deal.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      items.push(...page.data);
      cursor = page.page.nextCursor ?? '';
    } while (cursor);

    expect(items.map((item) => item.type)).toEqual(['task', 'stageMove', 'change', 'note', 'change', 'stageMove', 'change']);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items[0]!.task).toMatchObject({ title: 'Send contract' });
    expect(items[1]!.stageMove).toEqual({ fromStageId: pipeline.stages[0].id, toStageId: pipeline.stages[2].id });
    expect(items[3]!.note).toMatchObject({ body: 'Met the buyer' });
    // The generated search vector follows the name; it is not a change of its own.
    expect(items[4]!.change).toEqual({ action: 'update', changes: { amount: { old: null, new: 500 }, name: { old: 'Timeline deal', new: 'Timeline deal, renamed' } } });
    expect(items.at(-1)!.change!.action).toBe('insert');
    expect(items[0]!.actor).toEqual({ type: 'user', id: owner.user.id, name: owner.user.name });
  });

  it('is a 404 for a record of another kind or organization', async () => {
    const contact = (await call('POST', '/api/v1/contacts', { lastName: 'Solo' })).json();
    expect((await call('GET', `/api/v1/companies/${contact.id}/timeline`)).statusCode).toBe(404);
    const other = await signUp(t.app, { organizationName: 'Peeking' });
    const peek = await t.app.inject({ url: `/api/v1/contacts/${contact.id}/timeline`, headers: bearer(other.accessToken) });
    expect(peek.statusCode).toBe(404);
  });
});
