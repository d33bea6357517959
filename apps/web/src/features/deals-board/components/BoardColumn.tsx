import type { PipelineStage } from '@spanner/contracts';
import { useDroppable } from '@dnd-kit/core';
import { cx } from 'class-variance-authority';
import { useId } from 'react';
import { Button } from '../../../components/ui/Button';
import { ErrorState } from '../../../components/ui/QueryState';
import { Spinner } from '../../../components/ui/Spinner';
import { describeError } from '../../../lib/api-client';
import { useStageDeals } from '../api';
import { DealCard } from './DealCard';

interface BoardColumnProps {
  stage: PipelineStage;
  count: number | null;
  /** The total in the main currency, and how many other currencies there are. */
  total: { main: string | null; others: number };
  memberName: (userId: string | null) => string | null;
  canMove: boolean;
}

/** One stage: its name, deal count and total, and its cards (a drop target for cards of other stages). */
export function BoardColumn({ stage, count, total, memberName, canMove }: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const deals = useStageDeals(stage.id);
  const rows = deals.data?.pages.flatMap((page) => page.data) ?? [];
  const headingId = useId();

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={cx('flex w-72 shrink-0 flex-col gap-2 rounded-lg border border-border bg-muted/40 p-2 transition-colors', isOver && 'border-ring bg-primary/5')}
    >
      <header className="flex flex-col gap-0.5 px-1 pt-1">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="truncate text-sm font-semibold">
            {stage.name}
          </h2>
          <span className="rounded-full bg-background px-2 text-xs font-medium tabular-nums" aria-label={`${count ?? 0} deals`}>
            {count ?? '…'}
          </span>
        </div>
        <p className="text-xs text-muted-foreground tabular-nums" aria-label={`Total in ${stage.name}`}>
          {total.main ?? '—'}
          {total.others > 0 && ` + ${total.others} other ${total.others === 1 ? 'currency' : 'currencies'}`}
        </p>
      </header>
      {deals.isPending ? (
        <p role="status" className="flex items-center gap-2 px-1 py-3 text-sm text-muted-foreground">
          <Spinner />
          Loading deals…
        </p>
      ) : deals.isError && rows.length === 0 ? (
        <ErrorState title="Could not load the deals." detail={describeError(deals.error)} onRetry={() => void deals.refetch()} />
      ) : rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-3 py-6 text-center text-xs text-muted-foreground">No deals in {stage.name}</p>
      ) : (
        <ul aria-label={`Deals in ${stage.name}`} className="flex flex-col gap-2">
          {rows.map((deal) => (
            <DealCard key={deal.id} deal={deal} ownerName={memberName(deal.ownerId)} canMove={canMove} />
          ))}
        </ul>
      )}
      {deals.hasNextPage && (
        <Button variant="ghost" size="sm" loading={deals.isFetchingNextPage} onClick={() => void deals.fetchNextPage()}>
          More deals
        </Button>
      )}
    </section>
  );
}
