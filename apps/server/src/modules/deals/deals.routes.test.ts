import { dealSchema, pipelineSchema, type Deal, type Pipeline } from '@spanner/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
let pipeline: Pipeline;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  pipeline = pipelineSchema.parse((await call('GET', '/api/v1/pipelines')).json().data[0]);
});
afterAll(() => t.close());

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = owner.accessToken) {
  return t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
}

async function createDeal(payload: object): Promise<Deal> {
  const response = await call('POST', '/api/v1/deals', payload);
  expect(response.statusCode, response.body).toBe(201);
  return dealSchema.strict().parse(response.json());
}

const stage = (name: string) => pipeline.stages.find((candidate) => candidate.name === name)!;

describe('pipelines', () => {
  it('gives every new organization a default sales pipeline with open, won and lost stages', () => {
    expect(pipeline).toMatchObject({ name: 'Sales', isDefault: true });
    expect(pipeline.stages.map((candidate) => [candidate.name, candidate.probability, candidate.kind])).toEqual([
      ['Qualification', 10, 'open'],
      ['Needs analysis', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('lets an admin add, rename and reorder stages, and refuses to drop a stage that has deals', async () => {
    const created = await call('POST', '/api/v1/pipelines', { name: 'Renewals', stages: [{ name: 'Due', probability: 50 }, { name: 'Renewed', probability: 100, kind: 'won' }] });
    expect(created.statusCode, created.body).toBe(201);
    const renewals = pipelineSchema.parse(created.json());
    const [due, renewed] = renewals.stages;
    await createDeal({ name: 'Renewal 2027', pipelineId: renewals.id });
    const reordered = await call('PATCH', `/api/v1/pipelines/${renewals.id}`, {
      stages: [{ id: renewed!.id, name: 'Renewed', probability: 100, kind: 'won' }, { id: due!.id, name: 'Due soon', probability: 40 }, { name: 'Churned', probability: 0, kind: 'lost' }],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().stages.map((candidate: { name: string }) => candidate.name)).toEqual(['Renewed', 'Due soon', 'Churned']);
    const dropped = await call('PATCH', `/api/v1/pipelines/${renewals.id}`, { stages: [{ id: renewed!.id, name: 'Renewed', probability: 100, kind: 'won' }] });
    expect(dropped.statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/pipelines/${renewals.id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/pipelines/${pipeline.id}`)).statusCode).toBe(409);
  });

  it('refuses stage ids in a new pipeline: they could only name stages of another pipeline', async () => {
    const response = await call('POST', '/api/v1/pipelines', { name: 'Copied', stages: [{ id: stage('Won').id, name: 'Won', probability: 100, kind: 'won' }] });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.stages.0.id', message: 'is not a stage of this pipeline' }]);
  });

  it('keeps pipeline changes to admins; members read them', async () => {
    const member = await memberOf(t.app, t.ctx, owner.organization!.id, 'member');
    expect((await call('GET', '/api/v1/pipelines', undefined, member.token)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/pipelines', { name: 'Mine', stages: [{ name: 'A', probability: 1 }] }, member.token)).statusCode).toBe(403);
  });
});

describe('deals', () => {
  it('starts a deal in the default pipeline\'s first stage, open, in USD unless told', async () => {
    const deal = await createDeal({ name: 'Acme — 50 seats', amount: 12000.5 });
    expect(deal).toMatchObject({ pipelineId: pipeline.id, stageId: stage('Qualification').id, status: 'open', currency: 'USD', amount: 12000.5, closedAt: null, ownerId: owner.user.id });
  });

  it('follows its stage: won sets the close time, reopening clears it, and every move is in the timeline history', async () => {
    const deal = await createDeal({ name: 'Globex renewal', currency: 'eur', amount: 900 });
    expect(deal.currency).toBe('EUR');
    const won = await call('PATCH', `/api/v1/deals/${deal.id}`, { stageId: stage('Won').id });
    expect(won.json()).toMatchObject({ status: 'won', version: 2 });
    expect(won.json().closedAt).not.toBeNull();
    const reopened = await call('PATCH', `/api/v1/deals/${deal.id}`, { stageId: stage('Proposal').id });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    const history = await asOwner<{ to_stage_id: string }>(t.ctx, sql`select to_stage_id from deal_stage_history where deal_id = ${deal.id} order by at, id`);
    expect(history.map((row) => row.to_stage_id)).toEqual([stage('Qualification').id, stage('Won').id, stage('Proposal').id]);
  });

  it('refuses a stage of another pipeline or organization, naming the field', async () => {
    const other = await signUp(t.app, { organizationName: 'Elsewhere deals' });
    const theirs = (await call('GET', '/api/v1/pipelines', undefined, other.accessToken)).json().data[0] as Pipeline;
    const response = await call('POST', '/api/v1/deals', { name: 'Sneaky', stageId: theirs.stages[0]!.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.stageId', message: 'is not a stage of this organization' }]);
  });

  it('moves many deals to a stage in one call, and the pipeline summary counts and totals them per currency', async () => {
    const fresh = await signUp(t.app, { organizationName: 'Board' });
    const [sales] = (await call('GET', '/api/v1/pipelines', undefined, fresh.accessToken)).json().data as Pipeline[];
    const post = async (payload: object) => (await call('POST', '/api/v1/deals', payload, fresh.accessToken)).json() as Deal;
    const deals = [await post({ name: 'One', amount: 100 }), await post({ name: 'Two', amount: 250 }), await post({ name: 'Three', amount: 40, currency: 'EUR' }), await post({ name: 'Four' })];
    const negotiation = sales!.stages[3]!;
    const moved = await call('POST', '/api/v1/deals/bulk', { action: 'moveStage', ids: deals.slice(0, 3).map((deal) => deal.id), stageId: negotiation.id }, fresh.accessToken);
    expect(moved.statusCode, moved.body).toBe(200);
    const summary = (await call('GET', `/api/v1/pipelines/${sales!.id}/summary`, undefined, fresh.accessToken)).json();
    const byStage = Object.fromEntries(summary.stages.map((entry: { stageId: string }) => [entry.stageId, entry]));
    expect(byStage[negotiation.id]).toEqual({ stageId: negotiation.id, count: 3, totals: [{ currency: 'USD', amount: 350 }, { currency: 'EUR', amount: 40 }] });
    expect(byStage[sales!.stages[0]!.id]).toEqual({ stageId: sales!.stages[0]!.id, count: 1, totals: [{ currency: 'USD', amount: 0 }] });
    await call('DELETE', `/api/v1/deals/${deals[0]!.id}`, undefined, fresh.accessToken);
    const after = (await call('GET', `/api/v1/pipelines/${sales!.id}/summary`, undefined, fresh.accessToken)).json();
    expect(after.stages.find((entry: { stageId: string }) => entry.stageId === negotiation.id).count).toBe(2);
  });

  it('sorts by amount with empty amounts last, paging through them by cursor', async () => {
    const fresh = await signUp(t.app, { organizationName: 'Amounts' });
    for (const [name, amount] of [['A', 300], ['B', null], ['C', 100], ['D', null], ['E', 200]] as const) {
      await call('POST', '/api/v1/deals', { name, amount }, fresh.accessToken);
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await call('GET', `/api/v1/deals?sort=amount&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, fresh.accessToken)).json();
      seen.push(...page.data.map((deal: Deal) => deal.name));
      cursor = page.page.nextCursor ?? '';
    } while (cursor);
    expect(seen.slice(0, 3)).toEqual(['C', 'E', 'A']);
    expect(seen.slice(3).sort()).toEqual(['B', 'D']);
    const descending: string[] = [];
    do {
      const page = (await call('GET', `/api/v1/deals?sort=-amount&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, fresh.accessToken)).json();
      descending.push(...page.data.map((deal: Deal) => deal.name));
      cursor = page.page.nextCursor ?? '';
    } while (cursor);
    expect(descending.slice(2)).toEqual(['A', 'E', 'C']);
    expect((await call('GET', '/api/v1/deals?amount[gte]=200&sort=amount', undefined, fresh.accessToken)).json().data.map((deal: Deal) => deal.name)).toEqual(['E', 'A']);
    expect((await call('GET', '/api/v1/deals?amount[empty]=true', undefined, fresh.accessToken)).json().data).toHaveLength(2);
  });

  it('links contacts to a deal and finds deals by contact', async () => {
    const deal = await createDeal({ name: 'With people' });
    const contact = (await call('POST', '/api/v1/contacts', { firstName: 'Joan', lastName: 'Clarke' })).json();
    const linked = await call('POST', `/api/v1/deals/${deal.id}/contacts`, { contactId: contact.id, role: 'Decision maker' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().data).toEqual([expect.objectContaining({ contactId: contact.id, name: 'Joan Clarke', role: 'Decision maker' })]);
    expect((await call('GET', `/api/v1/deals?contactId=${contact.id}`)).json().data.map((found: Deal) => found.id)).toEqual([deal.id]);
    expect((await call('POST', `/api/v1/deals/${deal.id}/contacts`, { contactId: contact.id })).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/deals/${deal.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/deals/${deal.id}/contacts`)).json().data).toEqual([]);
  });

  it('answers 404 for a missing or trashed deal in a link path and for a contact not on the deal, 422 for a contact of no one', async () => {
    const deal = await createDeal({ name: 'Lonely' });
    const contact = (await call('POST', '/api/v1/contacts', { lastName: 'Absent' })).json();
    const missing = '0190a0c8-2b7a-7000-8000-00000000dead';
    const answer = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
      const response = await call(method, url, payload);
      return [response.statusCode, response.json().detail];
    };
    expect(await answer('POST', `/api/v1/deals/${missing}/contacts`, { contactId: contact.id })).toEqual([404, 'No such deal.']);
    expect(await answer('GET', `/api/v1/deals/${missing}/contacts`)).toEqual([404, 'No such deal.']);
    expect(await answer('DELETE', `/api/v1/deals/${deal.id}/contacts/${contact.id}`)).toEqual([404, 'This contact is not on the deal.']);
    expect(await answer('DELETE', `/api/v1/deals/${missing}/contacts/${contact.id}`)).toEqual([404, 'This contact is not on the deal.']);
    const unknownContact = await call('POST', `/api/v1/deals/${deal.id}/contacts`, { contactId: missing });
    expect([unknownContact.statusCode, unknownContact.json().errors]).toEqual([422, [{ path: 'body.contactId', message: 'is not a contact of this organization' }]]);
    await call('DELETE', `/api/v1/deals/${deal.id}`);
    expect(await answer('POST', `/api/v1/deals/${deal.id}/contacts`, { contactId: contact.id })).toEqual([404, 'No such deal.']);
  });

  it('finds deals of a company and filters by expected close date', async () => {
    const company = (await call('POST', '/api/v1/companies', { name: 'Initech' })).json();
    const deal = await createDeal({ name: 'TPS reports', companyId: company.id, expectedCloseDate: '2027-03-31' });
    expect((await call('GET', `/api/v1/deals?companyId=${company.id}`)).json().data.map((found: Deal) => found.id)).toEqual([deal.id]);
    expect((await call('GET', `/api/v1/deals?expectedCloseDate[gt]=2027-03-01&companyId=${company.id}`)).json().data).toHaveLength(1);
    expect((await call('GET', `/api/v1/deals?expectedCloseDate[lt]=2027-03-01&companyId=${company.id}`)).json().data).toHaveLength(0);
  });
});
