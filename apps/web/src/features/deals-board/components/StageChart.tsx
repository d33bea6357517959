import type { Pipeline, PipelineSummary } from '@spanner/contracts';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../lib/format';
import { formatCompactMoney } from '../money';

interface StageChartProps {
  pipeline: Pipeline;
  summary: PipelineSummary;
  currency: string;
}

const axisTick = { fill: 'var(--muted-foreground)', fontSize: 12 };

/** Amount by stage in the main currency, a bar per stage; the colours follow the theme. */
export function StageChart({ pipeline, summary, currency }: StageChartProps) {
  const titleId = useId();
  const data = pipeline.stages.map((stage) => {
    const total = summary.stages.find((candidate) => candidate.stageId === stage.id)?.totals.find((candidate) => candidate.currency === currency);
    return { stage: stage.name, amount: total?.amount ?? 0 };
  });
  return (
    <figure aria-labelledby={titleId} className="flex flex-col gap-2 rounded-lg border border-border p-4">
      <figcaption id={titleId} className="text-sm font-semibold">
        Amount by stage ({currency})
      </figcaption>
      {/* The bars take the primary colour through currentColor (the theme's colours are CSS, not JS). */}
      <div className="text-primary">
        <BarChart responsive data={data} style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="stage" tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border)' }} interval={0} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} width={64} tickFormatter={(value: number) => formatCompactMoney(value, currency)} />
          <Tooltip
            cursor={{ fill: 'var(--muted)' }}
            formatter={(value) => [formatMoney(Number(value), currency), 'Amount']}
            contentStyle={{ background: 'var(--background)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--foreground)' }}
            labelStyle={{ color: 'var(--foreground)', fontWeight: 600 }}
            itemStyle={{ color: 'var(--foreground)' }}
          />
          <Bar dataKey="amount" name="Amount" fill="currentColor" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
