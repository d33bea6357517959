import { dealSchema, pipelineListSchema, type CreateDealRequest, type Deal, type Pipeline, type SessionResponse } from '@spanner/contracts';
import { expect, type APIRequestContext } from '@playwright/test';
import { recordsApi } from './records-api';

/** recordsApi, plus what the record pages and the board need set up: deals and the pipelines. */
export function recordPagesApi(request: APIRequestContext, session: SessionResponse) {
  const headers = { authorization: `Bearer ${session.accessToken}` };
  return {
    ...recordsApi(request, session),
    async createDeal(data: CreateDealRequest): Promise<Deal> {
      const response = await request.post('/api/v1/deals', { headers, data });
      expect(response.status(), await response.text()).toBe(201);
      return dealSchema.parse(await response.json());
    },
    /** The organization's default pipeline, with its stages in order. */
    async defaultPipeline(): Promise<Pipeline> {
      const response = await request.get('/api/v1/pipelines', { headers });
      expect(response.ok()).toBe(true);
      return pipelineListSchema.parse(await response.json()).data.find((pipeline) => pipeline.isDefault)!;
    },
  };
}
