import type { CreatePipelineRequest, Pipeline, PipelineSummary, UpdatePipelineRequest } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { invalidFields } from '../records/records.service.js';
import {
  countAnyDealsInStages,
  countDealsInStages,
  deleteStages,
  findDefaultPipeline,
  findPipeline,
  findPipelines,
  findStage,
  findStages,
  insertPipeline,
  insertStages,
  makeDefault,
  summarizePipeline,
  updatePipeline,
  updateStage,
  type PipelineRow,
  type StageRow,
} from './pipelines.repo.js';

/** What a new organization starts with: a sales pipeline a small team can use as it is. */
export const DEFAULT_STAGES = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Needs analysis', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

function toPipeline(row: PipelineRow, stages: StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    stages: stages.map((stage) => ({ id: stage.id, name: stage.name, position: stage.position, probability: stage.probability, kind: stage.kind })),
  };
}

type StageInput = CreatePipelineRequest['stages'][number];

async function createPipeline(tx: TenantTransaction, orgId: string, name: string, stages: readonly StageInput[], isDefault: boolean): Promise<string> {
  const id = uuidv7();
  await insertPipeline(tx, { id, orgId, name, isDefault });
  await insertStages(
    tx,
    stages.map((stage, position) => ({ id: uuidv7(), orgId, pipelineId: id, name: stage.name, probability: stage.probability, kind: stage.kind ?? 'open', position })),
  );
  return id;
}

/** Gives a new organization its default pipeline, inside the transaction that creates it. */
export async function createDefaultPipeline(tx: TenantTransaction, orgId: string): Promise<void> {
  await createPipeline(tx, orgId, 'Sales', DEFAULT_STAGES, true);
}

/** The default pipeline and its ordered stages, if the organization has one. */
export async function findDefaultPipelineWithStages(tx: TenantTransaction): Promise<Pipeline | null> {
  const row = await findDefaultPipeline(tx);
  return row ? toPipeline(row, await findStages(tx, [row.id])) : null;
}

/** The stage, when it is one of a live pipeline of the organization. */
export async function findLiveStage(tx: TenantTransaction, stageId: string): Promise<StageRow | null> {
  const stage = await findStage(tx, stageId);
  return stage && (await findPipeline(tx, stage.pipelineId)) ? stage : null;
}

/** Where a deal goes when only its pipeline (or nothing) is named: that pipeline's (or the default one's) first stage. */
export async function requireFirstStage(tx: TenantTransaction, pipelineId: string | undefined, path: string): Promise<StageRow> {
  const pipeline = pipelineId ? await findPipeline(tx, pipelineId) : await findDefaultPipeline(tx);
  if (!pipeline) throw invalidFields([{ path, message: pipelineId ? 'is not a pipeline of this organization' : 'name a pipeline: the organization has no default one' }]);
  const [first] = await findStages(tx, [pipeline.id]);
  return first!;
}

export function createPipelinesService(db: Database) {
  const inTenant = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);
  const notFound = () => new HttpProblem({ status: 404, detail: 'No such pipeline.' });

  async function read(tx: TenantTransaction, id: string): Promise<Pipeline> {
    const row = await findPipeline(tx, id);
    if (!row) throw notFound();
    return toPipeline(row, await findStages(tx, [id]));
  }

  return {
    async list(actor: Actor): Promise<Pipeline[]> {
      return inTenant(actor, async (tx) => {
        const rows = await findPipelines(tx);
        const stages = await findStages(
          tx,
          rows.map((row) => row.id),
        );
        return rows.map((row) =>
          toPipeline(
            row,
            stages.filter((stage) => stage.pipelineId === row.id),
          ),
        );
      });
    },

    get: (actor: Actor, id: string) => inTenant(actor, (tx) => read(tx, id)),

    async create(actor: Actor, input: CreatePipelineRequest): Promise<Pipeline> {
      // A new pipeline has no stages yet: an id could only name a stage of another pipeline.
      const named = input.stages.flatMap((stage, index) => (stage.id ? [{ path: `body.stages.${index}.id`, message: 'is not a stage of this pipeline' }] : []));
      if (named.length > 0) throw invalidFields(named);
      return inTenant(actor, async (tx) => read(tx, await createPipeline(tx, actor.orgId!, input.name, input.stages, false)));
    },

    /**
     * Renames, reorders and edits stages; the stage list, when given, is the whole ordered list.
     * A stage left out is removed only when no deal uses it (409 otherwise: move them first).
     */
    async update(actor: Actor, id: string, input: UpdatePipelineRequest, expectedVersion: number | null): Promise<Pipeline> {
      return inTenant(actor, async (tx) => {
        const pipeline = await findPipeline(tx, id, { lock: true });
        if (!pipeline) throw notFound();
        if (expectedVersion !== null && pipeline.version !== expectedVersion) {
          throw new HttpProblem({ status: 412, detail: `The pipeline changed since you read it: it is at version ${pipeline.version}.`, extensions: { current: await read(tx, id) } });
        }
        if (input.stages) {
          const existing = await findStages(tx, [id]);
          const existingIds = new Set(existing.map((stage) => stage.id));
          const unknown = input.stages.flatMap((stage, index) => (stage.id && !existingIds.has(stage.id) ? [{ path: `body.stages.${index}.id`, message: 'is not a stage of this pipeline' }] : []));
          if (unknown.length > 0) throw invalidFields(unknown);
          const kept = new Set(input.stages.map((stage) => stage.id).filter(Boolean));
          const removed = existing.filter((stage) => !kept.has(stage.id)).map((stage) => stage.id);
          if ((await countAnyDealsInStages(tx, removed)) > 0) {
            throw new HttpProblem({ status: 409, detail: 'Deals are in a stage you removed: move them to another stage first (the trash counts too).' });
          }
          await deleteStages(tx, removed);
          for (const [position, stage] of input.stages.entries()) {
            if (stage.id) await updateStage(tx, stage.id, { name: stage.name, probability: stage.probability, kind: stage.kind ?? 'open', position });
          }
          await insertStages(
            tx,
            input.stages.flatMap((stage, position) =>
              stage.id ? [] : [{ id: uuidv7(), orgId: actor.orgId!, pipelineId: id, name: stage.name, probability: stage.probability, kind: stage.kind ?? 'open', position }],
            ),
          );
        }
        if (input.isDefault) await makeDefault(tx, id);
        // The pipeline's version counts stage edits too.
        await updatePipeline(tx, id, { name: input.name ?? pipeline.name });
        return read(tx, id);
      });
    },

    /** Moves a pipeline to the trash; the default one and one with live deals stay. */
    async remove(actor: Actor, id: string): Promise<void> {
      await inTenant(actor, async (tx) => {
        const pipeline = await findPipeline(tx, id, { lock: true });
        if (!pipeline) throw notFound();
        if (pipeline.isDefault) throw new HttpProblem({ status: 409, detail: 'This is the default pipeline: make another one the default first.' });
        const stages = await findStages(tx, [id]);
        const inUse = [...(await countDealsInStages(tx, stages.map((stage) => stage.id))).values()].reduce((sum, value) => sum + value, 0);
        if (inUse > 0) throw new HttpProblem({ status: 409, detail: `${inUse} live deals are in this pipeline: move or delete them first.` });
        await updatePipeline(tx, id, { deletedAt: new Date() });
      });
    },

    async summary(actor: Actor, id: string): Promise<PipelineSummary> {
      return inTenant(actor, async (tx) => {
        const pipeline = await read(tx, id);
        const rows = await summarizePipeline(tx, id);
        return {
          pipelineId: id,
          stages: pipeline.stages.map((stage) => {
            const own = rows.filter((row) => row.stageId === stage.id);
            return {
              stageId: stage.id,
              count: own.reduce((sum, row) => sum + row.count, 0),
              totals: own.map((row) => ({ currency: row.currency, amount: row.amount })).sort((a, b) => b.amount - a.amount),
            };
          }),
        };
      });
    },
  };
}

export type PipelinesService = ReturnType<typeof createPipelinesService>;
