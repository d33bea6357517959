import {
  companySchema,
  contactSchema,
  tagSchema,
  type Company,
  type Contact,
  type CreateCompanyRequest,
  type CreateContactRequest,
  type CreateTagRequest,
  type SessionResponse,
  type Tag,
} from '@spanner/contracts';
import { expect, type APIRequestContext } from '@playwright/test';

interface Parser<T> {
  parse(input: unknown): T;
}

/** Creates records through the API as the signed-up user (STYLE 9: setup skips the UI). */
export function recordsApi(request: APIRequestContext, session: SessionResponse) {
  const headers = { authorization: `Bearer ${session.accessToken}` };
  async function create<T>(collection: string, schema: Parser<T>, data: unknown): Promise<T> {
    const response = await request.post(`/api/v1/${collection}`, { headers, data });
    expect(response.status(), await response.text()).toBe(201);
    return schema.parse(await response.json());
  }
  return {
    createTag: (data: CreateTagRequest): Promise<Tag> => create('tags', tagSchema, data),
    createCompany: (data: CreateCompanyRequest): Promise<Company> => create('companies', companySchema, data),
    createContact: (data: CreateContactRequest): Promise<Contact> => create('contacts', contactSchema, data),
  };
}
