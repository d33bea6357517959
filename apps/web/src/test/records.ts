import type { Company, Contact, Deal, Pipeline, Tag } from '@spanner/contracts';
import { jsonResponse } from './render';

const at = '2025-03-01T10:00:00.000Z';
const meta = (id: string) => ({ id, version: 1, createdAt: at, updatedAt: at, deletedAt: null });

/** Ids the API would hand out (UUIDs, so filters on them pass the contract's checks). */
export const recordId = (n: number) => `01920000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export function company(n: number, fields: Partial<Company> = {}): Company {
  return {
    ...meta(recordId(n)),
    name: `Company ${n}`,
    domain: `company${n}.example`,
    industry: null,
    size: null,
    street: null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
    phone: null,
    website: null,
    ownerId: null,
    tagIds: [],
    ...fields,
  };
}

export function contact(n: number, fields: Partial<Contact> = {}): Contact {
  return {
    ...meta(recordId(1000 + n)),
    firstName: 'Person',
    lastName: `Number ${n}`,
    email: `person${n}@example.com`,
    otherEmails: [],
    phones: [],
    jobTitle: null,
    ownerId: null,
    lifecycleStage: null,
    source: null,
    tagIds: [],
    ...fields,
  };
}

export const pipeline: Pipeline = {
  ...meta(recordId(3000)),
  name: 'Sales',
  isDefault: true,
  stages: [
    { id: recordId(3001), name: 'Qualified', position: 0, probability: 20, kind: 'open' },
    { id: recordId(3002), name: 'Proposal', position: 1, probability: 60, kind: 'open' },
    { id: recordId(3003), name: 'Won', position: 2, probability: 100, kind: 'won' },
  ],
};

export function deal(n: number, fields: Partial<Deal> = {}): Deal {
  return {
    ...meta(recordId(2000 + n)),
    name: `Deal ${n}`,
    amount: 1000 * n,
    currency: 'EUR',
    pipelineId: pipeline.id,
    stageId: pipeline.stages[0]!.id,
    status: 'open',
    expectedCloseDate: null,
    closedAt: null,
    stageChangedAt: at,
    ownerId: null,
    companyId: null,
    tagIds: [],
    ...fields,
  };
}

export const vipTag: Tag = { ...meta(recordId(4001)), name: 'VIP', color: 'purple' };
export const churnTag: Tag = { ...meta(recordId(4002)), name: 'Churn risk', color: 'red' };

/** A list page as the API sends it. */
export function listPage<T>(data: T[], nextCursor: string | null = null): Response {
  return jsonResponse({ data, page: { nextCursor } });
}
