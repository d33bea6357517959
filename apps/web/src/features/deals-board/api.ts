import { pipelineSummarySchema, type Deal, type PipelineSummary } from '@spanner/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { recordQueryKeys, StaleVersionError, useRecordList, useUpdateRecord } from '../../lib/record-api';
import { dealKind } from '../../lib/record-kinds';
import { stageDealsQuery, summaryAfterMove, withDealOnTop, withDealReplaced, withoutDeal, type DealPages } from './board-state';

export { usePipelines } from '../../lib/pipeline-queries';

const dealKeys = recordQueryKeys(dealKind.collection);
export const pipelineSummaryKey = (pipelineId: string) => ['pipelines', pipelineId, 'summary'] as const;
const stageListKey = (stageId: string) => dealKeys.list(stageDealsQuery(stageId).toString());

/** Per stage of the pipeline: how many live deals and their amounts per currency. */
export function usePipelineSummary(pipelineId: string | undefined) {
  return useQuery({
    queryKey: pipelineSummaryKey(pipelineId ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/v1/pipelines/${pipelineId}/summary`, pipelineSummarySchema, { signal }),
    enabled: pipelineId !== undefined,
  });
}

/** A column's cards, 50 at a time. */
export const useStageDeals = (stageId: string) => useRecordList(dealKind, stageDealsQuery(stageId));

/** A deal changed by someone else meanwhile, and not to the stage this move wanted: nothing is overwritten. */
export class MovedElsewhereError extends Error {
  override readonly name = 'MovedElsewhereError';
  constructor(readonly current: Deal) {
    super(`${current.name} was changed by someone else meanwhile; the board now shows where it is.`);
  }
}

interface Move {
  deal: Deal;
  toStageId: string;
}

interface Snapshot {
  from: DealPages | undefined;
  to: DealPages | undefined;
  summary: PipelineSummary | undefined;
}

/**
 * Moves a deal to another stage at once: the card changes column and both columns' counts and
 * totals follow; the PATCH carries the deal's version (If-Match). A refusal puts everything back.
 */
export function useMoveDeal(pipelineId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateRecord(dealKind);

  return useMutation<Deal, Error, Move, Snapshot>({
    mutationFn: async ({ deal, toStageId }) => {
      try {
        return await update.mutateAsync({ id: deal.id, version: deal.version, patch: { stageId: toStageId } });
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        const current = error.current as Deal;
        // Someone moved it there too: the board is right as it is.
        if (current.stageId === toStageId) return current;
        throw new MovedElsewhereError(current);
      }
    },
    onMutate: async ({ deal, toStageId }) => {
      const keys = { from: stageListKey(deal.stageId), to: stageListKey(toStageId), summary: pipelineSummaryKey(pipelineId) };
      // A refetch landing now would undo the move on screen.
      await Promise.all([queryClient.cancelQueries({ queryKey: dealKeys.lists() }), queryClient.cancelQueries({ queryKey: keys.summary })]);
      const snapshot: Snapshot = {
        from: queryClient.getQueryData<DealPages>(keys.from),
        to: queryClient.getQueryData<DealPages>(keys.to),
        summary: queryClient.getQueryData<PipelineSummary>(keys.summary),
      };
      queryClient.setQueryData<DealPages>(keys.from, (pages) => withoutDeal(pages, deal.id));
      queryClient.setQueryData<DealPages>(keys.to, (pages) => withDealOnTop(pages, { ...deal, stageId: toStageId }));
      queryClient.setQueryData<PipelineSummary>(keys.summary, (summary) => summaryAfterMove(summary, deal, deal.stageId, toStageId));
      return snapshot;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<DealPages>(stageListKey(saved.stageId), (pages) => withDealReplaced(pages, saved));
    },
    onError: (_error, { deal, toStageId }, snapshot) => {
      if (!snapshot) return;
      queryClient.setQueryData(stageListKey(deal.stageId), snapshot.from);
      queryClient.setQueryData(stageListKey(toStageId), snapshot.to);
      queryClient.setQueryData(pipelineSummaryKey(pipelineId), snapshot.summary);
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: pipelineSummaryKey(pipelineId) }), queryClient.invalidateQueries({ queryKey: dealKeys.lists() })]),
  });
}
