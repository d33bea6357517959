import type { TimelineItem } from '@spanner/contracts';
import { CheckCircle2, Circle, FileText, History, MoveRight, Pencil } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { describeError } from '../../lib/api-client';
import { formatDateTime, formatDay } from '../../lib/format';
import { formatRelative } from '../../lib/relative-time';
import { useTimeline } from '../../lib/timeline-queries';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState, LoadingState } from '../ui/QueryState';
import { camelCase, fieldLabel, useFieldFormatter, type FieldFormatter } from './field-values';
import { proseClasses } from './prose';

interface TimelineProps {
  /** `companies`, `contacts` or `deals`. */
  collection: string;
  id: string;
  /** "company": how the entries name the record. */
  noun: string;
  organizationId: string;
}

/**
 * Columns the history does not show: bookkeeping, the search index, and what a deal's stage moves
 * already tell (its stage and the status that follows it).
 */
const hiddenColumns = new Set(['id', 'org_id', 'search', 'stage_changed_at', 'stage_id', 'status', 'closed_at', 'pipeline_id']);

/** The record's history, newest first: changes field by field, notes, tasks, stage moves. */
export function Timeline({ collection, id, noun, organizationId }: TimelineProps) {
  const timeline = useTimeline(collection, id);
  const format = useFieldFormatter(organizationId);
  const items = (timeline.data?.pages.flatMap((page) => page.data) ?? []).filter((item) => item.type !== 'change' || visibleChanges(item).length > 0 || item.change?.action !== 'update');
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = timeline;

  // Scrolling to the end loads the next page (where the browser can tell; the button always can).
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || isFetchingNextPage || isFetchNextPageError || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  if (timeline.isPending) return <LoadingState label="Loading the timeline…" />;
  if (timeline.isError && items.length === 0) return <ErrorState title="Could not load the timeline." detail={describeError(timeline.error)} onRetry={() => void timeline.refetch()} />;
  if (items.length === 0) return <EmptyState title="Nothing has happened yet">Notes, tasks and changes to this {noun} will show here.</EmptyState>;

  return (
    <div className="flex flex-col gap-3">
      <ol aria-label="Timeline" className="flex flex-col">
        {items.map((item) => (
          <TimelineEntry key={item.id} item={item} noun={noun} format={format} />
        ))}
      </ol>
      <div ref={sentinel} />
      {isFetchNextPageError && <ErrorState title="Could not load older entries." detail={describeError(timeline.error)} onRetry={() => void fetchNextPage()} />}
      {hasNextPage && !isFetchNextPageError && (
        <Button variant="secondary" size="sm" className="self-center" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Load older entries
        </Button>
      )}
    </div>
  );
}

function visibleChanges(item: TimelineItem): [string, { old: unknown; new: unknown }][] {
  return Object.entries(item.change?.changes ?? {}).filter(([column]) => !hiddenColumns.has(column));
}

function actorName(actor: TimelineItem['actor']): string {
  if (actor === null || actor.type === 'system') return 'Spanner';
  if (actor.type === 'apiKey') return `API key ${actor.name ?? ''}`.trim();
  return actor.name ?? 'A former member';
}

function TimelineEntry({ item, noun, format }: { item: TimelineItem; noun: string; format: FieldFormatter }) {
  const actor = <span className="font-medium">{actorName(item.actor)}</span>;
  let icon: ReactNode = <Pencil />;
  let summary: ReactNode;
  let body: ReactNode = null;

  if (item.type === 'note' && item.note) {
    icon = <FileText />;
    const editor = item.note.updatedById;
    // A note carries its author's name: say so when someone else's words may be in it since.
    summary = (
      <>
        {actor} added a note
        {editor !== null && (
          <>
            {' '}
            · edited by <span className="font-medium">{format('updatedById', editor)}</span>
          </>
        )}
      </>
    );
    // Rendered and sanitized by the server: raw HTML escaped, only http(s) and mailto links.
    body = <div className={`${proseClasses} rounded-md border border-border p-3`} dangerouslySetInnerHTML={{ __html: item.note.bodyHtml }} />;
  } else if (item.type === 'task' && item.task) {
    const { task } = item;
    icon = task.status === 'done' ? <CheckCircle2 /> : <Circle />;
    summary = (
      <>
        {actor} added a task: <span className="font-medium">{task.title}</span>
        {task.dueDate && <> · due {formatDay(task.dueDate)}</>}
        {task.status === 'done' && <> · done</>}
      </>
    );
  } else if (item.type === 'stageMove' && item.stageMove) {
    const { fromStageId, toStageId } = item.stageMove;
    icon = <MoveRight />;
    summary =
      fromStageId === null ? (
        <>
          {actor} put the deal in <span className="font-medium">{format('stageId', toStageId)}</span>
        </>
      ) : (
        <>
          {actor} moved the deal from <span className="font-medium">{format('stageId', fromStageId)}</span> to{' '}
          <span className="font-medium">{format('stageId', toStageId)}</span>
        </>
      );
  } else if (item.change) {
    icon = <History />;
    const changes = visibleChanges(item);
    const trashed = item.change.changes.deleted_at;
    if (item.change.action === 'insert') summary = <>{actor} created this {noun}</>;
    else if (item.change.action === 'delete') summary = <>{actor} deleted this {noun} for good</>;
    else if (trashed && changes.length === 1) summary = trashed.new === null ? <>{actor} restored this {noun} from the trash</> : <>{actor} moved this {noun} to the trash</>;
    else {
      summary = <>{actor} changed {changes.length === 1 ? fieldLabel(camelCase(changes[0]![0])).toLowerCase() : `${changes.length} fields`}</>;
      body = (
        <ul className="flex flex-col gap-1 text-sm">
          {changes.map(([column, change]) => {
            const field = camelCase(column);
            return (
              <li key={column} className="flex flex-wrap items-baseline gap-x-1.5">
                <span className="text-muted-foreground">{fieldLabel(field)}:</span>{' '}
                <del className="text-muted-foreground decoration-muted-foreground/60">{format(field, change.old)}</del>{' '}
                <span aria-hidden="true">→</span>
                <span className="sr-only"> changed to </span>{' '}
                <ins className="no-underline">{format(field, change.new)}</ins>
              </li>
            );
          })}
        </ul>
      );
    }
  }

  return (
    <li className="relative flex gap-3 pb-5 last:pb-0">
      <span aria-hidden="true" className="absolute top-7 bottom-0 left-[0.9rem] w-px bg-border [li:last-child>&]:hidden" />
      <span aria-hidden="true" className="z-0 flex size-7 shrink-0 items-center justify-center rounded-full border border-border bg-background text-muted-foreground [&_svg]:size-3.5">
        {icon}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-2 pt-0.5">
        <p className="text-sm">
          {summary}{' '}
          <time dateTime={item.at} title={formatDateTime(item.at)} className="text-muted-foreground">
            · {formatRelative(item.at)}
          </time>
        </p>
        {body}
      </div>
    </li>
  );
}
