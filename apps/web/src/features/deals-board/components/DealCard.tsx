import type { Deal } from '@spanner/contracts';
import { useDraggable } from '@dnd-kit/core';
import { cx } from 'class-variance-authority';
import { GripVertical } from 'lucide-react';
import type { KeyboardEventHandler, PointerEventHandler, ReactNode } from 'react';
import { Link } from 'react-router';
import { CompanyName } from '../../../components/CompanyPicker';
import { formatDay, formatMoney } from '../../../lib/format';

interface DealCardProps {
  deal: Deal;
  ownerName: string | null;
  /** Whether the user may move deals. */
  canMove: boolean;
}

/**
 * A deal on the board. The whole card drags with a pointer; the grip is the keyboard's way to pick it
 * up (Space, arrows between columns, Space to drop, Escape to cancel).
 */
export function DealCard({ deal, ownerName, canMove }: DealCardProps) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: deal.id, data: { deal }, disabled: !canMove });
  return (
    <li
      ref={setNodeRef}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      aria-label={deal.name}
      className={cx('touch-none', isDragging && 'opacity-40')}
    >
      <DealCardBody deal={deal} ownerName={ownerName}>
        {canMove && (
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
            aria-label={`Move ${deal.name}`}
            className="-mr-1 shrink-0 cursor-grab rounded p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            <GripVertical aria-hidden="true" className="size-4" />
          </button>
        )}
      </DealCardBody>
    </li>
  );
}

/** What a card shows; also the copy that follows the pointer while dragging. */
export function DealCardBody({ deal, ownerName, children, lifted = false }: { deal: Deal; ownerName: string | null; children?: ReactNode; lifted?: boolean }) {
  return (
    <article className={cx('flex flex-col gap-1 rounded-md border border-border bg-background p-3 text-sm shadow-sm', lifted && 'rotate-1 shadow-lg ring-2 ring-ring')}>
      <div className="flex items-start justify-between gap-2">
        {/* Not a native drag of the link: a pointer drag moves the card. */}
        <Link to={`/deals/${deal.id}`} draggable={false} className="min-w-0 rounded-sm font-medium break-words hover:underline focus-visible:outline-2 focus-visible:outline-ring">
          {deal.name}
        </Link>
        {children}
      </div>
      {deal.companyId && (
        <span className="truncate text-muted-foreground">
          <CompanyName id={deal.companyId} />
        </span>
      )}
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
        <span className="font-medium text-foreground tabular-nums">{deal.amount !== null ? formatMoney(deal.amount, deal.currency) : 'No amount'}</span>
        {deal.expectedCloseDate && <span>Closes {formatDay(deal.expectedCloseDate)}</span>}
      </div>
      {ownerName && <span className="text-xs text-muted-foreground">{ownerName}</span>}
    </article>
  );
}
