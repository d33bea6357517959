import type { PipelineSummary } from '@spanner/contracts';

type MoneyTotal = PipelineSummary['stages'][number]['totals'][number];
import { formatMoney } from '../../lib/format';

/** A column's total: the amount in the board's main currency, and how many other currencies it has deals in. */
export function describeTotals(totals: readonly MoneyTotal[], currency: string | null): { main: string | null; others: number } {
  if (currency === null) return { main: null, others: 0 };
  const main = totals.find((total) => total.currency === currency);
  return { main: formatMoney(main?.amount ?? 0, currency), others: totals.filter((total) => total.currency !== currency).length };
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** "€12K": an axis label. */
export function formatCompactMoney(amount: number, currency: string): string {
  let format = compactFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' });
    } catch {
      format = new Intl.NumberFormat(undefined, { notation: 'compact' });
    }
    compactFormats.set(currency, format);
  }
  return format.format(amount);
}
