import type { SampleDataResult } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { withTenant } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { listMemberIds } from '../organizations/organizations.service.js';
import { findDefaultPipelineWithStages } from '../pipelines/pipelines.service.js';
import { findTagIdsByName, hasRecords, insertSampleSet, insertTags } from './sample-data.repo.js';
import { buildSampleSet, DEMO_SIZES, SAMPLE_TAGS, type SampleSizes } from './sample-set.js';

export function createSampleDataService(db: Database) {
  return {
    /**
     * Fills an empty organization with the sample set, in one transaction and as the actor (so
     * the audit log says who). An organization that already has records gets a 409: the sample
     * would mix with real data.
     */
    async load(actor: Actor, sizes: SampleSizes = DEMO_SIZES): Promise<SampleDataResult> {
      return withTenant(db, tenantScopeOf(actor), async (tx) => {
        if (await hasRecords(tx)) throw new HttpProblem({ status: 409, detail: 'The organization already has records; sample data only goes into an empty one.' });
        const pipeline = await findDefaultPipelineWithStages(tx);
        if (!pipeline) throw new HttpProblem({ status: 409, detail: 'The organization has no default pipeline for the sample deals.' });
        const existingTags = await findTagIdsByName(tx);
        const missing = SAMPLE_TAGS.filter((tag) => !existingTags.has(tag.name.toLowerCase())).map((tag) => ({ id: uuidv7(), orgId: actor.orgId!, ...tag }));
        await insertTags(tx, missing);
        const tagIds = [...SAMPLE_TAGS.map((tag) => existingTags.get(tag.name.toLowerCase())).filter((id): id is string => Boolean(id)), ...missing.map((tag) => tag.id)];
        const set = buildSampleSet(
          { orgId: actor.orgId!, memberIds: await listMemberIds(tx, actor.orgId!), tagIds, pipelineId: pipeline.id, stages: pipeline.stages, now: new Date() },
          sizes,
        );
        await insertSampleSet(tx, set);
        return { companies: set.companies.length, contacts: set.contacts.length, deals: set.deals.length, tasks: set.tasks.length, notes: set.notes.length };
      });
    },
  };
}

export type SampleDataService = ReturnType<typeof createSampleDataService>;
