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

async function createCompany(payload: object, token = owner.accessToken): Promise<{ id: string; domain: string | null }> {
  const response = await call('POST', '/api/v1/companies', payload, token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const duplicateDomain = { path: 'body.domain', message: 'is already used by another company' };

describe('company domains', () => {
  it('keeps a domain to one live company, answering 409 on the domain field', async () => {
    await createCompany({ name: 'Initech', domain: 'initech.example' });
    const clash = await call('POST', '/api/v1/companies', { name: 'Initech again', domain: 'initech.example' });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().errors).toEqual([duplicateDomain]);
  });

  it('refuses a patch or a bulk update onto a domain in use, changing nothing', async () => {
    await createCompany({ name: 'Hooli', domain: 'hooli.example' });
    const other = await createCompany({ name: 'Pied Piper', domain: 'piedpiper.example' });
    const patched = await call('PATCH', `/api/v1/companies/${other.id}`, { domain: 'hooli.example' });
    expect([patched.statusCode, patched.json().errors]).toEqual([409, [duplicateDomain]]);
    const bulk = await call('POST', '/api/v1/companies/bulk', { action: 'update', ids: [other.id], fields: { domain: 'hooli.example' } });
    expect([bulk.statusCode, bulk.json().errors]).toEqual([409, [duplicateDomain]]);
    expect((await call('GET', `/api/v1/companies/${other.id}`)).json().domain).toBe('piedpiper.example');
  });

  it('frees the domain of a company in the trash, and refuses its restore while another has it', async () => {
    const first = await createCompany({ name: 'Vandelay', domain: 'vandelay.example' });
    expect((await call('DELETE', `/api/v1/companies/${first.id}`)).statusCode).toBe(204);
    await createCompany({ name: 'Vandelay Industries', domain: 'vandelay.example' });
    const restore = await call('POST', `/api/v1/companies/${first.id}/restore`);
    expect([restore.statusCode, restore.json().errors]).toEqual([409, [duplicateDomain]]);
  });

  it('lets two organizations use the same domain, and companies without a domain be many', async () => {
    const stranger = await signUp(t.app, { organizationName: 'Same domain elsewhere' });
    await createCompany({ name: 'Globex', domain: 'globex.example' });
    await createCompany({ name: 'Globex (theirs)', domain: 'globex.example' }, stranger.accessToken);
    await createCompany({ name: 'No domain one' });
    await createCompany({ name: 'No domain two' });
  });
});
