import type { AuditEntry, OrganizationMembership } from '@spanner/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { FormAlert } from '../../../components/ui/FormAlert';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { describeError } from '../../../lib/api-client';
import { useAuditActors, useAuditLog, type AuditFilters } from '../api';
import { AuditFiltersForm, type ActorOption } from '../components/AuditFiltersForm';
import { AuditLogTable } from '../components/AuditLogTable';
import { auditFiltersSchema, formFromFilters } from '../filters';

/** Who changed what, newest first. The filters live in the address, so a filtered view can be shared. */
export function AuditLogPage({ organization }: { organization: OrganizationMembership }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsedFilters = auditFiltersSchema.safeParse(Object.fromEntries(searchParams));
  const filters: AuditFilters = parsedFilters.success ? parsedFilters.data : {};
  const log = useAuditLog(organization.id, filters);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.data) ?? [], [log.data]);
  const actors = useActorOptions(organization.id, entries, filters.actorId);
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="flex flex-col gap-6">
      <title>Audit log · Spanner CRM</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-muted-foreground">Every change in {organization.name}, by whom and when.</p>
      </div>
      {!parsedFilters.success && <FormAlert message="The filters in the address are not valid, so the whole log is shown." />}
      <AuditFiltersForm
        // A new form for new filters: the inputs follow the address (back button, an actor picked in the table).
        key={searchParams.toString()}
        initialValues={formFromFilters(filters)}
        actors={actors}
        onApply={(query) => setSearchParams(query)}
      />

      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : log.isError && entries.length === 0 ? (
        <ErrorState title="Could not load the audit log." detail={describeError(log.error)} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filtered ? 'No changes match these filters' : 'No changes recorded yet'}>
          {filtered ? 'Try fewer filters or a wider time range.' : 'Changes to members, invitations, API keys and records show here.'}
        </EmptyState>
      ) : (
        <>
          <AuditLogTable entries={entries} onFilterActor={(actorId) => setSearchParams({ ...filters, actorId })} />
          {log.isFetchNextPageError && (
            <ErrorState title="Could not load more entries." detail={describeError(log.error)} onRetry={() => void log.fetchNextPage()} />
          )}
          {log.hasNextPage && !log.isFetchNextPageError && (
            <Button variant="secondary" className="self-center" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Members by name, then anyone else seen in the log (API keys, former members), and always the actor
 * filtered on: the select must hold its value before the filtered page has loaded.
 */
function useActorOptions(organizationId: string, entries: AuditEntry[], selectedActorId: string | undefined): ActorOption[] {
  const members = useAuditActors(organizationId);
  return useMemo(() => {
    const options = new Map<string, string>();
    for (const member of members.data ?? []) options.set(member.userId, member.name);
    for (const { actor } of entries) {
      if (actor.id !== null && !options.has(actor.id)) options.set(actor.id, `${actor.name ?? 'Unknown'}${actor.type === 'apiKey' ? ' (API key)' : ''}`);
    }
    if (selectedActorId !== undefined && !options.has(selectedActorId)) options.set(selectedActorId, 'The selected actor');
    return [...options].map(([id, label]) => ({ id, label }));
  }, [members.data, entries, selectedActorId]);
}
