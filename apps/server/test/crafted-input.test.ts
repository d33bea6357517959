import { PROBLEM_CONTENT_TYPE } from '@spanner/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { bearer, signUp, type SignedUp } from './identity.js';

// Crafted input the review sent (issue 8, item 7): each used to answer 500.
let t: TestApp;
let owner: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  for (const name of ['Acme', 'Globex', 'Initech']) await call('POST', '/api/v1/companies', { name });
});
afterAll(() => t.close());

function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: bearer(owner.accessToken), ...(payload ? { payload } : {}) });
}

function expectInvalid(response: Awaited<ReturnType<typeof call>>, path: string) {
  expect(response.statusCode, response.body).toBe(422);
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  expect(response.json().errors).toEqual([expect.objectContaining({ path })]);
}

const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('NUL characters, which PostgreSQL cannot store in text', () => {
  it('are refused in a JSON body string, naming the field', async () => {
    expectInvalid(await call('POST', '/api/v1/companies', { name: 'Acme\u0000 Ltd' }), 'body.name');
  });

  it('are refused deep in a body, in an array item', async () => {
    const contact = (await call('POST', '/api/v1/contacts', { firstName: 'Nested' })).json();
    expectInvalid(await call('POST', '/api/v1/contacts/bulk', { action: 'update', ids: [contact.id], fields: { phones: ['+1 555', '\u0000'] } }), 'body.fields.phones.1');
  });

  it('are refused in a field name', async () => {
    expectInvalid(await call('POST', '/api/v1/companies', { name: 'Keys', 'na\u0000me': 'x' }), 'body.na\u0000me');
  });

  it('are refused in a query parameter, a filter and a path parameter', async () => {
    expectInvalid(await call('GET', '/api/v1/companies?q=acme%00'), 'query.q');
    expectInvalid(await call('GET', '/api/v1/companies?name[contains]=%00'), 'query.name[contains]');
    expectInvalid(await call('GET', '/api/v1/companies/%00'), 'params.id');
  });

  it('are refused in the search endpoint', async () => {
    expectInvalid(await call('GET', '/api/v1/search?q=a%00b'), 'query.q');
  });
});

describe('tampered list cursors', () => {
  it('are refused naming query.cursor, whatever was changed', async () => {
    const first = (await call('GET', '/api/v1/companies?limit=1&sort=-updatedAt')).json();
    const real = JSON.parse(Buffer.from(first.page.nextCursor as string, 'base64url').toString()) as { s: string; v: unknown[] };
    const [updatedAt, id] = real.v;
    const forged = [
      'null',
      encodeCursor(null),
      encodeCursor([]),
      encodeCursor({ s: real.s, v: [updatedAt, 'not-a-uuid'] }),
      encodeCursor({ s: real.s, v: [updatedAt, 42] }),
      encodeCursor({ s: real.s, v: ['yesterday', id] }),
      encodeCursor({ s: real.s, v: ['+275760-09-13T00:00:00.000Z', id] }),
      encodeCursor({ s: real.s, v: [1e308, id] }),
      encodeCursor({ s: real.s, v: [updatedAt, `${id as string}\u0000`] }),
      encodeCursor({ s: real.s, v: [{ $gt: '' }, id] }),
    ];
    for (const cursor of forged) expectInvalid(await call('GET', `/api/v1/companies?limit=1&sort=-updatedAt&cursor=${cursor}`), 'query.cursor');
  });

  it('are refused when a text key holds a NUL character', async () => {
    const first = (await call('GET', '/api/v1/companies?limit=1&sort=name')).json();
    const real = JSON.parse(Buffer.from(first.page.nextCursor as string, 'base64url').toString()) as { s: string; v: unknown[] };
    expectInvalid(await call('GET', `/api/v1/companies?limit=1&sort=name&cursor=${encodeCursor({ s: real.s, v: ['Acme\u0000', real.v[1]] })}`), 'query.cursor');
  });

  it('still leave the cursors the server gave out working', async () => {
    const first = (await call('GET', '/api/v1/companies?limit=1&sort=name')).json();
    const second = await call('GET', `/api/v1/companies?limit=1&sort=name&cursor=${first.page.nextCursor}`);
    expect(second.statusCode).toBe(200);
    expect(second.json().data[0].name).not.toBe(first.data[0].name);
  });
});

describe('a bulk update', () => {
  it('with empty fields is refused naming body.fields, and changes nothing', async () => {
    const company = (await call('POST', '/api/v1/companies', { name: 'Untouched' })).json();
    expectInvalid(await call('POST', '/api/v1/companies/bulk', { action: 'update', ids: [company.id], fields: {} }), 'body.fields');
    expect((await call('GET', `/api/v1/companies/${company.id}`)).json().version).toBe(company.version);
  });
});

describe('a token shaped like ours whose row id is not a uuid', () => {
  const forged = `${'-'.repeat(36)}.${'a'.repeat(43)}`;

  it('is an invalid refresh cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { spanner_refresh: forged } });
    expect(response.statusCode, response.body).toBe(401);
  });

  it('is an invalid password reset or verification link', async () => {
    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/auth/reset-password', payload: { token: forged, password: 'a new long passphrase' } });
    expect(reset.statusCode, reset.body).toBeLessThan(500);
    expect(reset.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: forged } });
    expect(verify.statusCode, verify.body).toBeLessThan(500);
    expect(verify.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });
});

describe('a URL the router cannot decode', () => {
  it('is a 400 problem+json', async () => {
    const response = await call('GET', '/api/v1/companies/%');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });
});
