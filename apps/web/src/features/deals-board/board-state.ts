import type { Deal, PipelineSummary } from '@spanner/contracts';
import type { InfiniteData } from '@tanstack/react-query';

export type DealPages = InfiniteData<{ data: Deal[]; page: { nextCursor: string | null } }>;

/** The list a column shows: the stage's deals, most recently changed first (the board's own query). */
export const stageDealsQuery = (stageId: string) => new URLSearchParams({ stageId, sort: '-updatedAt' });

/** A column's pages without the deal. */
export function withoutDeal(pages: DealPages | undefined, dealId: string): DealPages | undefined {
  if (!pages) return pages;
  return { ...pages, pages: pages.pages.map((page) => ({ ...page, data: page.data.filter((deal) => deal.id !== dealId) })) };
}

/** A column's pages with the deal on top: just moved, it is the most recently changed. */
export function withDealOnTop(pages: DealPages | undefined, deal: Deal): DealPages | undefined {
  if (!pages) return pages;
  const [first, ...rest] = withoutDeal(pages, deal.id)!.pages;
  if (!first) return pages;
  return { ...pages, pages: [{ ...first, data: [deal, ...first.data] }, ...rest] };
}

/** A column's pages with the deal replaced by the server's answer (its new version). */
export function withDealReplaced(pages: DealPages | undefined, deal: Deal): DealPages | undefined {
  if (!pages) return pages;
  return { ...pages, pages: pages.pages.map((page) => ({ ...page, data: page.data.map((candidate) => (candidate.id === deal.id ? deal : candidate)) })) };
}

/** The summary as it will be once the deal has moved: one less (and its amount) on one side, one more on the other. */
export function summaryAfterMove(summary: PipelineSummary | undefined, deal: Pick<Deal, 'amount' | 'currency'>, fromStageId: string, toStageId: string): PipelineSummary | undefined {
  if (!summary) return summary;
  const amount = deal.amount ?? 0;
  const shift = (stage: PipelineSummary['stages'][number], sign: 1 | -1) => {
    const totals = stage.totals.some((total) => total.currency === deal.currency) ? stage.totals : [...stage.totals, { currency: deal.currency, amount: 0 }];
    return {
      ...stage,
      count: Math.max(0, stage.count + sign),
      totals: totals
        .map((total) => (total.currency === deal.currency ? { ...total, amount: Math.round((total.amount + sign * amount) * 100) / 100 } : total))
        // A currency whose last deal left the stage is gone from it (as the server would answer).
        .filter((total) => total.amount !== 0 || sign === 1),
    };
  };
  const stages = summary.stages.some((stage) => stage.stageId === toStageId) ? summary.stages : [...summary.stages, { stageId: toStageId, count: 0, totals: [] }];
  return {
    ...summary,
    stages: stages.map((stage) => (stage.stageId === fromStageId ? shift(stage, -1) : stage.stageId === toStageId ? shift(stage, 1) : stage)),
  };
}

/**
 * The board's main currency: the one most stages have deals in, then the largest amount. Columns and
 * the chart show amounts in it; other currencies are counted, not converted.
 */
export function mainCurrency(summary: PipelineSummary | undefined): string | null {
  const score = new Map<string, { stages: number; amount: number }>();
  for (const stage of summary?.stages ?? []) {
    for (const total of stage.totals) {
      const current = score.get(total.currency) ?? { stages: 0, amount: 0 };
      score.set(total.currency, { stages: current.stages + 1, amount: current.amount + total.amount });
    }
  }
  const ranked = [...score].sort(([, a], [, b]) => b.stages - a.stages || b.amount - a.amount);
  return ranked[0]?.[0] ?? null;
}
