import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { can, type Deal, type OrganizationMembership, type Pipeline } from '@spanner/contracts';
import { HandCoins, List } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { buttonVariants } from '../../../components/ui/button-variants';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { Select, SelectOptions } from '../../../components/ui/Select';
import { describeError } from '../../../lib/api-client';
import { openCreateDialog } from '../../../lib/create-dialogs';
import { useRecordLookups } from '../../../lib/record-lookups';
import { MovedElsewhereError, useMoveDeal, usePipelines, usePipelineSummary } from '../api';
import { mainCurrency } from '../board-state';
import { BoardColumn } from '../components/BoardColumn';
import { DealCardBody } from '../components/DealCard';
import { StageChart } from '../components/StageChart';
import { columnCoordinates } from '../keyboard-columns';
import { describeTotals } from '../money';

interface DealsBoardPageProps {
  organization: OrganizationMembership;
}

/** `/deals/board?pipeline=<id>`: the deals of a pipeline as columns per stage. */
export function DealsBoardPage({ organization }: DealsBoardPageProps) {
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const pipeline = pipelines.data?.find((candidate) => candidate.id === params.get('pipeline')) ?? pipelines.data?.[0];

  return (
    <div className="flex flex-col gap-6">
      <title>Deals board · Spanner CRM</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Deals board</h1>
          <p className="mt-1 text-sm text-muted-foreground">Drag a deal to another stage to move it.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {pipelines.data && pipelines.data.length > 1 && (
            <div className="w-48">
              <Select
                aria-label="Pipeline"
                value={pipeline?.id ?? ''}
                onChange={(event) => setParams({ pipeline: event.target.value }, { replace: true })}
              >
                <SelectOptions options={pipelines.data.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
              </Select>
            </div>
          )}
          <Link to="/deals" className={buttonVariants({ variant: 'secondary' })}>
            <List aria-hidden="true" className="size-4" />
            List view
          </Link>
        </div>
      </div>
      {pipelines.isPending ? (
        <LoadingState label="Loading the pipelines…" />
      ) : pipelines.isError ? (
        <ErrorState title="Could not load the pipelines." detail={describeError(pipelines.error)} onRetry={() => void pipelines.refetch()} />
      ) : pipeline === undefined ? (
        <EmptyState title="No pipeline yet">An organization starts with one; ask an admin to set one up.</EmptyState>
      ) : (
        <Board key={pipeline.id} pipeline={pipeline} organization={organization} />
      )}
    </div>
  );
}

/** Over a column under the pointer; for the keyboard (no pointer), the column the card overlaps. */
const columnUnderCard: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

function Board({ pipeline, organization }: { pipeline: Pipeline; organization: OrganizationMembership }) {
  const summary = usePipelineSummary(pipeline.id);
  const move = useMoveDeal(pipeline.id);
  const lookups = useRecordLookups(organization.id);
  const canMove = can(organization.role, 'records.write');
  const currency = mainCurrency(summary.data);
  const [dragged, setDragged] = useState<Deal | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }));

  const stageName = useMemo(() => {
    const names = new Map(pipeline.stages.map((stage) => [stage.id, stage.name]));
    return (id: unknown) => names.get(String(id)) ?? 'a stage';
  }, [pipeline]);

  const dealOf = (data: { current?: Record<string, unknown> } | null | undefined) => data?.current?.deal as Deal | undefined;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${dealOf(active.data)?.name ?? 'the deal'} in ${stageName(dealOf(active.data)?.stageId)}. Use the left and right arrows to choose a stage.`,
    onDragOver: ({ active, over }) => (over ? `${dealOf(active.data)?.name ?? 'The deal'} is over ${stageName(over.id)}.` : `${dealOf(active.data)?.name ?? 'The deal'} is not over a stage.`),
    onDragEnd: ({ active, over }) => (over ? `${dealOf(active.data)?.name ?? 'The deal'} was dropped in ${stageName(over.id)}.` : `${dealOf(active.data)?.name ?? 'The deal'} was put back.`),
    onDragCancel: ({ active }) => `Moving ${dealOf(active.data)?.name ?? 'the deal'} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const deal = dealOf(active.data);
    if (!deal || !over || over.id === deal.stageId) return;
    const toStageId = String(over.id);
    move.mutate(
      { deal, toStageId },
      {
        onSuccess: () => toast.success(`${deal.name} moved to ${stageName(toStageId)}.`),
        onError: (error) => toast.error(error instanceof MovedElsewhereError ? error.message : `Could not move ${deal.name}: ${describeError(error)}`),
      },
    );
  };

  const counts = new Map((summary.data?.stages ?? []).map((stage) => [stage.stageId, stage]));
  const empty = summary.data !== undefined && summary.data.stages.every((stage) => stage.count === 0);

  return (
    <div className="flex flex-col gap-6">
      {summary.isError && <ErrorState title="Could not load the totals." detail={describeError(summary.error)} onRetry={() => void summary.refetch()} />}
      {empty && (
        <EmptyState title="No deals in this pipeline yet">
          <p>Add the first one; it starts in {pipeline.stages[0]?.name ?? 'the first stage'}.</p>
          {canMove && (
            <Button className="mt-3" icon={<HandCoins />} onClick={() => openCreateDialog('deal')}>
              Add a deal
            </Button>
          )}
        </EmptyState>
      )}
      {summary.data && currency && !empty && <StageChart pipeline={pipeline} summary={summary.data} currency={currency} />}
      <DndContext
        sensors={sensors}
        collisionDetection={columnUnderCard}
        accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a deal, press Space to pick it up, the left and right arrows to choose a stage, Space to drop it there, or Escape to cancel.' } }}
        onDragStart={({ active }) => setDragged(dealOf(active.data) ?? null)}
        onDragCancel={() => setDragged(null)}
        onDragEnd={onDragEnd}
      >
        <div role="group" aria-label={`${pipeline.name} stages`} className="-mx-4 flex gap-3 overflow-x-auto px-4 pb-4">
          {pipeline.stages.map((stage) => {
            const stageSummary = counts.get(stage.id);
            return (
              <BoardColumn
                key={stage.id}
                stage={stage}
                count={summary.data ? (stageSummary?.count ?? 0) : null}
                total={describeTotals(stageSummary?.totals ?? [], currency)}
                memberName={lookups.memberName}
                canMove={canMove}
              />
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>{dragged && <DealCardBody deal={dragged} ownerName={lookups.memberName(dragged.ownerId)} lifted />}</DragOverlay>
      </DndContext>
    </div>
  );
}
