import { toast } from 'sonner';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { ActionsHeaderCell, Cell, HeaderCell, Table, TableBody, TableHead } from '../../../components/ui/Table';
import { describeError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { roleLabels } from '../../../lib/roles';
import { useInvitations, useRevokeInvitation } from '../api';

/** Invitations not yet accepted, with a way to take each back. */
export function InvitationsList({ organizationId }: { organizationId: string }) {
  const invitations = useInvitations(organizationId);
  const revoke = useRevokeInvitation(organizationId);

  return (
    <Card title="Pending invitations">
      {invitations.isPending ? (
        <LoadingState label="Loading invitations…" />
      ) : invitations.isError ? (
        <ErrorState title="Could not load the invitations." detail={describeError(invitations.error)} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <EmptyState title="No pending invitations">Invitations you send show here until they are accepted.</EmptyState>
      ) : (
        <Table caption="Pending invitations">
          <TableHead>
            <HeaderCell>Email</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell>Status</HeaderCell>
            <HeaderCell>Invited by</HeaderCell>
            <HeaderCell>Expires</HeaderCell>
            <ActionsHeaderCell />
          </TableHead>
          <TableBody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <Cell className="font-medium">{invitation.email}</Cell>
                <Cell>{roleLabels[invitation.role]}</Cell>
                <Cell>
                  <Badge tone={invitation.status === 'pending' ? 'primary' : 'warning'}>{invitation.status === 'pending' ? 'Pending' : 'Expired'}</Badge>
                </Cell>
                <Cell>{invitation.invitedByName ?? '—'}</Cell>
                <Cell className="whitespace-nowrap">{formatDate(invitation.expiresAt)}</Cell>
                <Cell className="text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Revoke invitation for ${invitation.email}`}
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() =>
                      revoke.mutate(invitation.id, {
                        onSuccess: () => toast.success(`The invitation for ${invitation.email} is revoked.`),
                        onError: (error) => toast.error(describeError(error)),
                      })
                    }
                  >
                    Revoke
                  </Button>
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
