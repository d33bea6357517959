import type { PipelineSummary } from '@spanner/contracts';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/format';
import { mainCurrency, summaryAfterMove } from './board-state';
import { describeTotals } from './money';

const summary: PipelineSummary = {
  pipelineId: 'p',
  stages: [
    { stageId: 'a', count: 2, totals: [{ currency: 'EUR', amount: 3000 }] },
    { stageId: 'b', count: 2, totals: [{ currency: 'EUR', amount: 500 }, { currency: 'USD', amount: 700 }] },
    { stageId: 'c', count: 0, totals: [] },
  ],
};

describe('board summary', () => {
  it('moves a deal’s count and amount from one stage to another', () => {
    const after = summaryAfterMove(summary, { amount: 1000, currency: 'EUR' }, 'a', 'c')!;
    expect(after.stages).toEqual([
      { stageId: 'a', count: 1, totals: [{ currency: 'EUR', amount: 2000 }] },
      summary.stages[1],
      { stageId: 'c', count: 1, totals: [{ currency: 'EUR', amount: 1000 }] },
    ]);
  });

  it('drops a currency from a stage when its last deal leaves', () => {
    const after = summaryAfterMove(summary, { amount: 700, currency: 'USD' }, 'b', 'a')!;
    expect(after.stages[1]!.totals).toEqual([{ currency: 'EUR', amount: 500 }]);
    expect(after.stages[0]!.totals).toEqual([
      { currency: 'EUR', amount: 3000 },
      { currency: 'USD', amount: 700 },
    ]);
  });

  it('counts a deal without an amount, and adds nothing', () => {
    expect(summaryAfterMove(summary, { amount: null, currency: 'EUR' }, 'a', 'b')!.stages[1]).toEqual({ ...summary.stages[1], count: 3 });
  });

  it('picks the currency most stages use as the main one and counts the others', () => {
    expect(mainCurrency(summary)).toBe('EUR');
    expect(mainCurrency({ pipelineId: 'p', stages: [] })).toBeNull();
    expect(describeTotals(summary.stages[1]!.totals, 'EUR')).toEqual({ main: formatMoney(500, 'EUR'), others: 1 });
    expect(describeTotals([], 'EUR')).toEqual({ main: formatMoney(0, 'EUR'), others: 0 });
  });
});
