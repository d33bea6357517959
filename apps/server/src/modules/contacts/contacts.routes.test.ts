import { contactSchema, type Contact } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { bearer, memberOf, signUp, type SignedUp } from '../../../test/identity.js';

let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(owner.accessToken), ...headers }, ...(payload ? { payload } : {}) });

async function created<T>(url: string, payload: object): Promise<T> {
  const response = await call('POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as T;
}

const createContact = (payload: object) => created<Contact>('/api/v1/contacts', payload);
const names = (response: { json: () => { data: { firstName: string; lastName: string }[] } }) => response.json().data.map((contact) => `${contact.firstName} ${contact.lastName}`.trim());

describe('contacts', () => {
  it('creates a contact owned by its creator, and answers in the contract shape', async () => {
    const contact = contactSchema.strict().parse(await createContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ADA@example.com', phones: ['+44 20 7946 0000'] }));
    expect(contact).toMatchObject({ email: 'ada@example.com', ownerId: owner.user.id, version: 1, tagIds: [], otherEmails: [] });
  });

  it('asks for a first or a last name, and names the field', async () => {
    const response = await call('POST', '/api/v1/contacts', { email: 'nobody@example.com' });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.lastName' })]);
  });

  it('keeps the primary email unique among live contacts, so a deleted one frees it', async () => {
    const first = await createContact({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' });
    const clash = await call('POST', '/api/v1/contacts', { firstName: 'Other', email: 'grace@navy.example' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([{ path: 'body.email', message: 'is already used by another contact' }]);
    await call('DELETE', `/api/v1/contacts/${first.id}`);
    expect((await call('POST', '/api/v1/contacts', { firstName: 'Grace', lastName: 'Again', email: 'grace@navy.example' })).statusCode).toBe(201);
  });

  it('refuses an owner who is not a member, and a tag of no one', async () => {
    const stranger = await signUp(t.app, { organizationName: 'Elsewhere' });
    const response = await call('POST', '/api/v1/contacts', { lastName: 'Owned', ownerId: stranger.user.id, tagIds: ['0190a0c8-2b7a-7000-8000-000000000009'] });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.ownerId']);
    const tagged = await call('POST', '/api/v1/contacts', { lastName: 'Tagged', tagIds: ['0190a0c8-2b7a-7000-8000-000000000009'] });
    expect(tagged.json().errors).toEqual([{ path: 'body.tagIds.0', message: 'is not a tag of this organization' }]);
  });
});

describe('the contacts list', () => {
  let org: SignedUp;
  const list = (query: string) => t.app.inject({ url: `/api/v1/contacts?${query}`, headers: bearer(org.accessToken) });
  const post = async (payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer(org.accessToken), payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Contact;
  };

  beforeAll(async () => {
    org = await signUp(t.app, { organizationName: 'Lists' });
    await post({ firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.example', jobTitle: 'Cryptanalyst', lifecycleStage: 'customer', source: 'referral' });
    await post({ firstName: 'Barbara', lastName: 'Liskov', email: 'barbara@mit.example', jobTitle: 'Professor', lifecycleStage: 'lead' });
    await post({ firstName: 'Edsger', lastName: 'Dijkstra', jobTitle: 'Professor', lifecycleStage: 'lead', source: 'event' });
    await post({ firstName: 'Donald', lastName: 'Knuth', email: 'don@stanford.example', lifecycleStage: 'qualified' });
    await post({ firstName: 'Anna', lastName: 'Liskov', email: 'anna@example.com' });
  });

  it('sorts by last name by default, with ids breaking ties', async () => {
    expect(names(await list(''))).toEqual(['Edsger Dijkstra', 'Donald Knuth', 'Barbara Liskov', 'Anna Liskov', 'Alan Turing'].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)));
  });

  it('sorts by several fields in mixed directions', async () => {
    expect(names(await list('sort=-lastName,firstName'))).toEqual(['Alan Turing', 'Anna Liskov', 'Barbara Liskov', 'Donald Knuth', 'Edsger Dijkstra']);
  });

  it('filters text by equality, containment and emptiness', async () => {
    expect(names(await list('jobTitle=Professor&sort=firstName'))).toEqual(['Barbara Liskov', 'Edsger Dijkstra']);
    expect(names(await list('email[contains]=STANFORD'))).toEqual(['Donald Knuth']);
    expect(names(await list('email[empty]=true'))).toEqual(['Edsger Dijkstra']);
    expect(names(await list('jobTitle[ne]=Professor&sort=firstName'))).toEqual(['Alan Turing', 'Anna Liskov', 'Donald Knuth']);
  });

  it('filters enums with in and treats a percent sign in contains as text', async () => {
    expect(names(await list('lifecycleStage[in]=customer,qualified&sort=firstName'))).toEqual(['Alan Turing', 'Donald Knuth']);
    expect((await list('email[contains]=%25')).json().data).toEqual([]);
  });

  it('filters times with comparisons', async () => {
    const all = (await list('sort=createdAt')).json().data as Contact[];
    const third = all[2]!;
    // The exact rows, computed from the timestamps themselves: a swapped operator picks other rows.
    const ids = (contacts: Contact[]) => contacts.map((contact) => contact.id).sort();
    const where = (keep: (createdAt: string) => boolean) => ids(all.filter((contact) => keep(contact.createdAt)));
    const filtered = async (operator: string) => ids((await list(`createdAt[${operator}]=${encodeURIComponent(third.createdAt)}`)).json().data);
    expect(where((createdAt) => createdAt > third.createdAt)).not.toEqual(where((createdAt) => createdAt < third.createdAt));
    expect(await filtered('gt')).toEqual(where((createdAt) => createdAt > third.createdAt));
    expect(await filtered('gte')).toEqual(where((createdAt) => createdAt >= third.createdAt));
    expect(await filtered('lt')).toEqual(where((createdAt) => createdAt < third.createdAt));
    expect(await filtered('lte')).toEqual(where((createdAt) => createdAt <= third.createdAt));
  });

  it('finds by word prefixes across name, email and title with q', async () => {
    expect(names(await list('q=lis&sort=firstName'))).toEqual(['Anna Liskov', 'Barbara Liskov']);
    expect(names(await list('q=barb lis'))).toEqual(['Barbara Liskov']);
    expect(names(await list('q=crypt'))).toEqual(['Alan Turing']);
    expect(names(await list(`q=${encodeURIComponent("'):* | !")}`))).toEqual([]);
  });

  it('rejects bad values, unknown fields and operators the type does not have, naming each', async () => {
    const response = await list('lifecycleStage=boss&createdAt[contains]=x&nickname=al&limit=500');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((error: { path: string }) => error.path).sort()).toEqual(['query.createdAt[contains]', 'query.lifecycleStage', 'query.limit', 'query.nickname']);
  });

  it('keeps pages stable when rows are added before the cursor', async () => {
    const first = (await list('limit=2')).json();
    await post({ firstName: 'Aaron', lastName: 'Aaronson' });
    const second = (await list(`limit=2&cursor=${first.page.nextCursor}`)).json();
    const third = (await list(`limit=2&cursor=${second.page.nextCursor}`)).json();
    const seen = [...first.data, ...second.data, ...third.data].map((contact: Contact) => contact.lastName);
    expect(seen).toEqual(['Dijkstra', 'Knuth', 'Liskov', 'Liskov', 'Turing']);
    expect(third.page.nextCursor).toBeNull();
  });

  it('refuses a cursor made for another sort', async () => {
    const first = (await list('limit=1')).json();
    const response = await list(`limit=1&sort=-createdAt&cursor=${first.page.nextCursor}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'query.cursor', message: 'is not a cursor of this list and sort' }]);
  });
});

describe('contacts and companies, many-to-many', () => {
  it('links a contact to two companies and reads the links from both sides, and filters contacts by company', async () => {
    const ada = await createContact({ firstName: 'Ada', lastName: 'Byron', email: 'ada.byron@example.com' });
    const acme = await created<{ id: string }>('/api/v1/companies', { name: 'Acme', domain: 'acme.example' });
    const globex = await created<{ id: string }>('/api/v1/companies', { name: 'Globex' });
    await created(`/api/v1/contacts/${ada.id}/companies`, { companyId: acme.id, role: 'Advisor' });
    const links = await created<{ data: { companyId: string; isPrimary: boolean; name: string }[] }>(`/api/v1/companies/${globex.id}/contacts`, { contactId: ada.id, isPrimary: true });
    expect(links.data).toEqual([expect.objectContaining({ contactId: ada.id, companyId: globex.id, name: 'Ada Byron', isPrimary: true })]);
    const ofAda = (await call('GET', `/api/v1/contacts/${ada.id}/companies`)).json().data;
    expect(ofAda.map((link: { name: string; isPrimary: boolean; role: string | null }) => [link.name, link.isPrimary, link.role])).toEqual([
      ['Globex', true, null],
      ['Acme', false, 'Advisor'],
    ]);
    expect((await call('GET', `/api/v1/contacts?companyId=${acme.id}`)).json().data.map((contact: Contact) => contact.id)).toEqual([ada.id]);
    expect((await call('POST', `/api/v1/contacts/${ada.id}/companies`, { companyId: acme.id })).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/companies/${acme.id}/contacts/${ada.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/contacts?companyId=${acme.id}`)).json().data).toEqual([]);
  });

  it('makes a new primary company replace the old one', async () => {
    const person = await createContact({ lastName: 'Primary' });
    const one = await created<{ id: string }>('/api/v1/companies', { name: 'One' });
    const two = await created<{ id: string }>('/api/v1/companies', { name: 'Two' });
    await created(`/api/v1/contacts/${person.id}/companies`, { companyId: one.id, isPrimary: true });
    const links = await created<{ data: { companyId: string; isPrimary: boolean }[] }>(`/api/v1/contacts/${person.id}/companies`, { companyId: two.id, isPrimary: true });
    expect(links.data.map((link) => [link.companyId, link.isPrimary])).toEqual([
      [two.id, true],
      [one.id, false],
    ]);
  });

  it('answers 404 for a link or unlink through a missing or trashed record in the path, and for a pair that is not linked', async () => {
    const person = await createContact({ lastName: 'Pathfinder' });
    const company = await created<{ id: string }>('/api/v1/companies', { name: 'Pathways' });
    const missing = '0190a0c8-2b7a-7000-8000-00000000dead';
    const answer = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
      const response = await call(method, url, payload);
      return [response.statusCode, response.json().detail];
    };
    expect(await answer('POST', `/api/v1/contacts/${missing}/companies`, { companyId: company.id })).toEqual([404, 'No such contact.']);
    expect(await answer('POST', `/api/v1/companies/${missing}/contacts`, { contactId: person.id })).toEqual([404, 'No such company.']);
    expect(await answer('GET', `/api/v1/contacts/${missing}/companies`)).toEqual([404, 'No such contact.']);
    expect(await answer('GET', `/api/v1/companies/${missing}/contacts`)).toEqual([404, 'No such company.']);
    expect(await answer('DELETE', `/api/v1/contacts/${person.id}/companies/${company.id}`)).toEqual([404, 'This contact and company are not linked.']);
    expect(await answer('DELETE', `/api/v1/companies/${company.id}/contacts/${person.id}`)).toEqual([404, 'This contact and company are not linked.']);
    expect(await answer('DELETE', `/api/v1/contacts/${missing}/companies/${company.id}`)).toEqual([404, 'This contact and company are not linked.']);

    const trashed = await createContact({ lastName: 'Binned' });
    await call('DELETE', `/api/v1/contacts/${trashed.id}`);
    expect(await answer('POST', `/api/v1/contacts/${trashed.id}/companies`, { companyId: company.id })).toEqual([404, 'No such contact.']);
    const linkToTrashed = await call('POST', `/api/v1/companies/${company.id}/contacts`, { contactId: trashed.id });
    expect([linkToTrashed.statusCode, linkToTrashed.json().errors]).toEqual([422, [{ path: 'body.contactId', message: 'is not a contact of this organization' }]]);
  });

  it('names a company of another organization as an invalid field, not a link', async () => {
    const person = await createContact({ lastName: 'Loyal' });
    const other = await signUp(t.app, { organizationName: 'Other Co' });
    const theirs = await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: bearer(other.accessToken), payload: { name: 'Theirs' } });
    const response = await call('POST', `/api/v1/contacts/${person.id}/companies`, { companyId: theirs.json().id });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.companyId', message: 'is not a company of this organization' }]);
  });
});

describe('bulk changes to contacts', () => {
  it('adds and removes tags on many contacts in one call, with a result per item', async () => {
    const tag = await created<{ id: string }>('/api/v1/tags', { name: 'Newsletter' });
    const people = [await createContact({ lastName: 'Bulk one' }), await createContact({ lastName: 'Bulk two' })];
    const ids = people.map((person) => person.id);
    const added = await call('POST', '/api/v1/contacts/bulk', { action: 'addTags', ids, tagIds: [tag.id] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().results).toEqual(ids.map((id) => ({ id, status: 'ok', version: 2 })));
    await call('POST', '/api/v1/contacts/bulk', { action: 'addTags', ids, tagIds: [tag.id] });
    expect((await call('GET', `/api/v1/contacts/${ids[0]}`)).json().tagIds).toEqual([tag.id]);
    expect((await call('GET', `/api/v1/contacts?tags=${tag.id}`)).json().data).toHaveLength(2);
    await call('POST', '/api/v1/contacts/bulk', { action: 'removeTags', ids: [ids[0]], tagIds: [tag.id] });
    expect((await call('GET', `/api/v1/contacts?tags=${tag.id}`)).json().data.map((contact: Contact) => contact.id)).toEqual([ids[1]]);
  });

  it('changes nothing when one item fails, and names the item', async () => {
    const people = [await createContact({ lastName: 'Atomic one' }), await createContact({ lastName: 'Atomic two' })];
    const foreign = '0190a0c8-2b7a-7000-8000-00000000ffff';
    const response = await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids: [people[0]!.id, foreign, people[1]!.id], fields: { jobTitle: 'Changed' } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.ids.1', message: 'is not a contact of this organization' }]);
    for (const person of people) expect((await call('GET', `/api/v1/contacts/${person.id}`)).json().jobTitle).toBeNull();
  });

  it('refuses a bulk update that would leave a contact without a first or a last name, naming the contact', async () => {
    const both = await createContact({ firstName: 'Both', lastName: 'Names' });
    const firstOnly = await createContact({ firstName: 'Cher' });
    const lastOnly = await createContact({ lastName: 'Madonna' });
    const ids = [both.id, firstOnly.id, lastOnly.id];
    const clearFirst = await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids, fields: { firstName: '' } });
    expect(clearFirst.statusCode).toBe(422);
    expect(clearFirst.json().errors).toEqual([{ path: 'body.ids.1', message: 'would have neither a first nor a last name' }]);
    const clearBoth = await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids, fields: { firstName: '', lastName: '' } });
    expect(clearBoth.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.ids.0', 'body.ids.1', 'body.ids.2']);
    for (const person of [both, firstOnly, lastOnly]) {
      expect((await call('GET', `/api/v1/contacts/${person.id}`)).json()).toMatchObject({ firstName: person.firstName, lastName: person.lastName });
    }
    const renamed = await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids: [both.id, lastOnly.id], fields: { firstName: '' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await call('GET', `/api/v1/contacts/${both.id}`)).json()).toMatchObject({ firstName: '', lastName: 'Names' });
  });

  it('rolls back a bulk update that breaks a unique email', async () => {
    const people = [await createContact({ lastName: 'Same one' }), await createContact({ lastName: 'Same two' })];
    const response = await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids: people.map((person) => person.id), fields: { email: 'same@example.com', jobTitle: 'Twin' } });
    expect(response.statusCode).toBe(409);
    for (const person of people) expect((await call('GET', `/api/v1/contacts/${person.id}`)).json()).toMatchObject({ email: null, jobTitle: null });
  });

  it('moves many to the trash and back', async () => {
    const people = [await createContact({ lastName: 'Trash one' }), await createContact({ lastName: 'Trash two' })];
    const ids = people.map((person) => person.id);
    expect((await call('POST', '/api/v1/contacts/bulk', { action: 'delete', ids })).statusCode).toBe(200);
    const trash = (await call('GET', '/api/v1/contacts?deleted=only&limit=200')).json().data.map((contact: Contact) => contact.id);
    expect(trash).toEqual(expect.arrayContaining(ids));
    expect((await call('POST', '/api/v1/contacts/bulk', { action: 'delete', ids })).statusCode).toBe(422);
    expect((await call('POST', '/api/v1/contacts/bulk', { action: 'restore', ids })).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/contacts/${ids[0]}`)).json().deletedAt).toBeNull();
  });

  it('refuses more than 1,000 ids and duplicate ids', async () => {
    const many = Array.from({ length: 1001 }, (_, index) => `0190a0c8-2b7a-7000-8000-${String(index).padStart(12, '0')}`);
    expect((await call('POST', '/api/v1/contacts/bulk', { action: 'delete', ids: many })).json().errors[0]).toMatchObject({ path: 'body.ids' });
    const twice = await call('POST', '/api/v1/contacts/bulk', { action: 'delete', ids: [many[0], many[0]] });
    expect(twice.statusCode).toBe(422);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await memberOf(t.app, t.ctx, owner.organization!.id, 'viewer');
    expect((await t.app.inject({ url: '/api/v1/contacts', headers: bearer(viewer.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer(viewer.token), payload: { lastName: 'No' } })).statusCode).toBe(403);
  });
});
