import type { CreateDealRequest, Deal, DealContactLink, StageKind, UpdateDealRequest } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { violatedUniqueConstraint } from '../../infra/db/errors.js';
import { withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { requireCompany } from '../companies/companies.service.js';
import { requireContact } from '../contacts/contacts.service.js';
import { requireMember } from '../organizations/organizations.service.js';
import { findLiveStage, requireFirstStage } from '../pipelines/pipelines.service.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService, invalidFields } from '../records/records.service.js';
import { requireTags } from '../tags/tags.service.js';
import { dealList, dealQueries, dealTagColumn, deleteDealContact, findContactsOfDeal, insertDealContact, type DealContactRow } from './deals.repo.js';

const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);

export function toDeal(row: Row): Deal {
  return {
    name: row.name as string,
    amount: (row.amount as number | null) ?? null,
    currency: row.currency as string,
    pipelineId: row.pipelineId as string,
    stageId: row.stageId as string,
    status: row.status as StageKind,
    expectedCloseDate: (row.expectedCloseDate as string | null) ?? null,
    closedAt: iso(row.closedAt),
    stageChangedAt: iso(row.stageChangedAt)!,
    ownerId: (row.ownerId as string | null) ?? null,
    companyId: (row.companyId as string | null) ?? null,
    tagIds: row.tagIds as string[],
    ...recordMeta(row),
  };
}

const toLink = (row: DealContactRow): DealContactLink => ({ ...row, createdAt: row.createdAt.toISOString() });

/** The deal of the organization, live or in the trash. */
export function findDeal(tx: TenantTransaction, dealId: string): Promise<Row | null> {
  return dealQueries.find(tx, dealId);
}

/** The deal, when it is a live one of the organization. */
export function findLiveDeal(tx: TenantTransaction, dealId: string): Promise<Row | null> {
  return dealQueries.findLive(tx, dealId);
}

/**
 * The stage a deal goes to, and the pipeline that follows from it: a named stage; else the first
 * stage of a newly named pipeline; else, for a new deal, the default pipeline's first stage.
 */
async function placement(tx: TenantTransaction, input: { pipelineId?: string; stageId?: string }, current: Row | 'new' | 'many'): Promise<Record<string, unknown>> {
  if (input.stageId) {
    const stage = await findLiveStage(tx, input.stageId);
    if (!stage) throw invalidFields([{ path: 'body.stageId', message: 'is not a stage of this organization' }]);
    if (input.pipelineId && input.pipelineId !== stage.pipelineId) throw invalidFields([{ path: 'body.stageId', message: 'is not a stage of the pipeline you chose' }]);
    return { pipelineId: stage.pipelineId, stageId: stage.id };
  }
  if (input.pipelineId === undefined && current !== 'new') return {};
  if (typeof current === 'object' && input.pipelineId === current.pipelineId) return {};
  const first = await requireFirstStage(tx, input.pipelineId, 'body.pipelineId');
  return { pipelineId: first.pipelineId, stageId: first.id };
}

async function checkReferences(tx: TenantTransaction, input: UpdateDealRequest) {
  await requireMember(tx, input.ownerId, 'body.ownerId');
  await requireCompany(tx, input.companyId, 'body.companyId');
  if (input.tagIds) await requireTags(tx, input.tagIds, 'body.tagIds');
}

export function createDealsService(db: Database) {
  const records = createRecordService<Deal, CreateDealRequest, UpdateDealRequest>(db, {
    noun: 'deal',
    queries: dealQueries,
    list: dealList,
    toApi: toDeal,
    valuesToInsert: async (tx, actor, input) => {
      await checkReferences(tx, input);
      return {
        ...input,
        ...(await placement(tx, input, 'new')),
        id: uuidv7(),
        orgId: actor.orgId,
        currency: input.currency ?? 'USD',
        ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
      };
    },
    valuesToUpdate: async (tx, _actor, patch, current) => {
      await checkReferences(tx, patch);
      const { pipelineId: _pipeline, stageId: _stage, ...rest } = patch;
      return { ...rest, ...(await placement(tx, patch, current ?? 'many')) };
    },
    tags: { column: dealTagColumn, require: requireTags },
  });

  const inTenant = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);
  const dealNotFound = () => new HttpProblem({ status: 404, detail: 'No such deal.' });

  async function requireLiveDeal(tx: TenantTransaction, dealId: string) {
    if (!(await findLiveDeal(tx, dealId))) throw dealNotFound();
  }

  return {
    ...records,

    /** Moves deals to a stage (and its pipeline) in one transaction; the stage history records each move. */
    moveStage(actor: Actor, ids: string[], stageId: string) {
      return records.bulk(actor, { action: 'update', ids, fields: { stageId } });
    },

    async contactsOf(actor: Actor, dealId: string): Promise<DealContactLink[]> {
      return inTenant(actor, async (tx) => {
        if (!(await dealQueries.find(tx, dealId))) throw dealNotFound();
        return (await findContactsOfDeal(tx, dealId)).map(toLink);
      });
    },

    async linkContact(actor: Actor, dealId: string, input: { contactId: string; role?: string | null }): Promise<DealContactLink[]> {
      try {
        return await inTenant(actor, async (tx) => {
          await requireLiveDeal(tx, dealId);
          await requireContact(tx, input.contactId, 'body.contactId');
          await insertDealContact(tx, { id: uuidv7(), orgId: actor.orgId!, dealId, contactId: input.contactId, role: input.role ?? null });
          return (await findContactsOfDeal(tx, dealId)).map(toLink);
        });
      } catch (error) {
        if (violatedUniqueConstraint(error) === 'deal_contacts_pair_key') {
          throw new HttpProblem({ status: 409, detail: 'This contact is already on the deal.', errors: [{ path: 'body.contactId', message: 'is already linked' }] });
        }
        throw error;
      }
    },

    async unlinkContact(actor: Actor, dealId: string, contactId: string): Promise<void> {
      const removed = await inTenant(actor, (tx) => deleteDealContact(tx, dealId, contactId));
      if (!removed) throw new HttpProblem({ status: 404, detail: 'This contact is not on the deal.' });
    },
  };
}

export type DealsService = ReturnType<typeof createDealsService>;
