import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { deals, pipelines, pipelineStages } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;

export function findPipelines(tx: TenantTransaction): Promise<PipelineRow[]> {
  return tx
    .select()
    .from(pipelines)
    .where(isNull(pipelines.deletedAt))
    .orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.createdAt));
}

export async function findPipeline(tx: TenantTransaction, id: string, options: { lock?: boolean } = {}): Promise<PipelineRow | null> {
  const query = tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.id, id), isNull(pipelines.deletedAt)));
  const [row] = await (options.lock ? query.for('update') : query);
  return row ?? null;
}

export async function findDefaultPipeline(tx: TenantTransaction): Promise<PipelineRow | null> {
  const [row] = await tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.isDefault, true), isNull(pipelines.deletedAt)));
  return row ?? null;
}

export function findStages(tx: TenantTransaction, pipelineIds: string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(pipelineStages)
    .where(inArray(pipelineStages.pipelineId, pipelineIds))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position));
}

export async function findStage(tx: TenantTransaction, stageId: string): Promise<StageRow | null> {
  const [row] = await tx.select().from(pipelineStages).where(eq(pipelineStages.id, stageId));
  return row ?? null;
}

export async function insertPipeline(tx: TenantTransaction, pipeline: { id: string; orgId: string; name: string; isDefault: boolean }): Promise<void> {
  await tx.insert(pipelines).values(pipeline);
}

export async function updatePipeline(tx: TenantTransaction, id: string, values: Partial<Pick<PipelineRow, 'name' | 'isDefault' | 'deletedAt'>>): Promise<void> {
  await tx.update(pipelines).set(values).where(eq(pipelines.id, id));
}

/** Makes `id` the one default pipeline. */
export async function makeDefault(tx: TenantTransaction, id: string): Promise<void> {
  await tx.update(pipelines).set({ isDefault: false }).where(and(eq(pipelines.isDefault, true), sql`${pipelines.id} <> ${id}`));
  await tx.update(pipelines).set({ isDefault: true }).where(eq(pipelines.id, id));
}

export async function insertStages(tx: TenantTransaction, stages: (typeof pipelineStages.$inferInsert)[]): Promise<void> {
  if (stages.length > 0) await tx.insert(pipelineStages).values(stages);
}

export async function updateStage(tx: TenantTransaction, id: string, values: Pick<StageRow, 'name' | 'position' | 'probability' | 'kind'>): Promise<void> {
  await tx.update(pipelineStages).set(values).where(eq(pipelineStages.id, id));
}

export async function deleteStages(tx: TenantTransaction, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(pipelineStages).where(inArray(pipelineStages.id, ids));
}

/** Live deals per stage id, among `stageIds`. */
export async function countDealsInStages(tx: TenantTransaction, stageIds: string[]): Promise<Map<string, number>> {
  if (stageIds.length === 0) return new Map();
  const rows = await tx
    .select({ stageId: deals.stageId, count: count() })
    .from(deals)
    .where(and(inArray(deals.stageId, stageIds), isNull(deals.deletedAt)))
    .groupBy(deals.stageId);
  return new Map(rows.map((row) => [row.stageId, row.count]));
}

/** Deals still pointing at the stages (live or in the trash): a stage they use cannot go. */
export async function countAnyDealsInStages(tx: TenantTransaction, stageIds: string[]): Promise<number> {
  if (stageIds.length === 0) return 0;
  const [row] = await tx.select({ count: count() }).from(deals).where(inArray(deals.stageId, stageIds));
  return row?.count ?? 0;
}

export interface StageTotalRow {
  stageId: string;
  currency: string;
  count: number;
  amount: number;
}

/** Live deals of the pipeline per stage and currency: how many, and their total amount. */
export function summarizePipeline(tx: TenantTransaction, pipelineId: string): Promise<StageTotalRow[]> {
  return tx
    .select({ stageId: deals.stageId, currency: deals.currency, count: count(), amount: sql<number>`coalesce(sum(${deals.amount}), 0)::float8` })
    .from(deals)
    .where(and(eq(deals.pipelineId, pipelineId), isNull(deals.deletedAt)))
    .groupBy(deals.stageId, deals.currency);
}
