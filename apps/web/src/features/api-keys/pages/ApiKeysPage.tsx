import type { ApiKey, OrganizationMembership } from '@spanner/contracts';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { ActionsHeaderCell, Cell, HeaderCell, Table, TableBody, TableHead } from '../../../components/ui/Table';
import { describeError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { roleLabels } from '../../../lib/roles';
import { useApiKeys, useReassignApiKey, useRevokeApiKey } from '../api';
import { CreateApiKeyDialog } from '../components/CreateApiKeyDialog';

/** A key acts with less than its own role when its creator left or now has a lower role. */
const isAffected = (apiKey: ApiKey) => apiKey.effectiveRole !== apiKey.role;

function KeyStatus({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.effectiveRole === null) return <Badge tone="danger">Stopped: its creator left</Badge>;
  if (isAffected(apiKey)) return <Badge tone="warning">{`Acts as ${roleLabels[apiKey.effectiveRole]}: its creator's role`}</Badge>;
  return null;
}

export function ApiKeysPage({ organization }: { organization: OrganizationMembership }) {
  const apiKeys = useApiKeys(organization.id);
  const reassign = useReassignApiKey(organization.id);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const affected = apiKeys.data?.filter(isAffected) ?? [];

  const reassignToMe = (apiKey: ApiKey) =>
    reassign.mutate(apiKey.id, {
      onSuccess: () => toast.success(`${apiKey.name} now acts for you.`),
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <div className="flex flex-col gap-6">
      <title>API keys · Spanner CRM</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 text-sm text-muted-foreground">Keys let integrations use the API of {organization.name}.</p>
        </div>
        <Button icon={<KeyRound />} onClick={() => setCreating(true)}>
          Create API key
        </Button>
      </div>

      {affected.length > 0 && (
        <p role="status" className="rounded-md border border-warning/50 bg-warning/15 px-4 py-3 text-sm">
          Keys acting with less than their own role: {affected.length}. The person who created each left the organization or has a lower
          role now; reassign the key to yourself or revoke it.
        </p>
      )}

      {apiKeys.isPending ? (
        <LoadingState label="Loading API keys…" />
      ) : apiKeys.isError ? (
        <ErrorState title="Could not load the API keys." detail={describeError(apiKeys.error)} onRetry={() => void apiKeys.refetch()} />
      ) : apiKeys.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for each integration, so you can revoke it alone.</EmptyState>
      ) : (
        <Table caption="API keys">
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell>Key</HeaderCell>
            <HeaderCell>Created</HeaderCell>
            <HeaderCell>Expires</HeaderCell>
            <HeaderCell>Last used</HeaderCell>
            <ActionsHeaderCell />
          </TableHead>
          <TableBody>
            {apiKeys.data.map((apiKey) => (
              <tr key={apiKey.id}>
                <Cell className="font-medium">{apiKey.name}</Cell>
                <Cell>
                  {roleLabels[apiKey.role]}
                  <span className="block">
                    <KeyStatus apiKey={apiKey} />
                  </span>
                </Cell>
                <Cell className="font-mono text-xs">{`${apiKey.prefix}…`}</Cell>
                <Cell className="whitespace-nowrap">
                  {formatDate(apiKey.createdAt)}
                  {apiKey.createdByName !== null && <span className="block text-xs text-muted-foreground">by {apiKey.createdByName}</span>}
                </Cell>
                <Cell className="whitespace-nowrap">{apiKey.expiresAt === null ? 'Never' : formatDate(apiKey.expiresAt)}</Cell>
                <Cell className="whitespace-nowrap">{apiKey.lastUsedAt === null ? 'Never used' : formatDateTime(apiKey.lastUsedAt)}</Cell>
                <Cell className="text-right whitespace-nowrap">
                  {isAffected(apiKey) && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Reassign ${apiKey.name} to me`}
                      loading={reassign.isPending && reassign.variables === apiKey.id}
                      onClick={() => reassignToMe(apiKey)}
                    >
                      Reassign to me
                    </Button>
                  )}
                  <Button variant="ghost" size="sm" aria-label={`Revoke ${apiKey.name}`} onClick={() => setRevoking(apiKey)}>
                    Revoke
                  </Button>
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}

      <CreateApiKeyDialog organizationId={organization.id} role={organization.role} open={creating} onOpenChange={setCreating} />
      <RevokeApiKeyDialog organizationId={organization.id} apiKey={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}

function RevokeApiKeyDialog({ organizationId, apiKey, onClose }: { organizationId: string; apiKey: ApiKey | null; onClose: () => void }) {
  const revoke = useRevokeApiKey(organizationId);
  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Revoke ${apiKey?.name ?? 'API key'}?`}
      description="It stops working at once: whatever uses it gets 401 answers from then on."
      confirmLabel="Revoke key"
      pending={revoke.isPending}
      onConfirm={() => {
        if (apiKey === null) return;
        revoke.mutate(apiKey.id, {
          onSuccess: () => {
            toast.success(`${apiKey.name} is revoked.`);
            onClose();
          },
          onError: (error) => toast.error(describeError(error)),
        });
      }}
    />
  );
}
