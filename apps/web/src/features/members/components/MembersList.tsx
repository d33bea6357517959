import { can, type Member, type OrganizationMembership, type Role } from '@spanner/contracts';
import { useState } from 'react';
import { toast } from 'sonner';
import { RoleOptions } from '../../../components/RoleOptions';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { Select } from '../../../components/ui/Select';
import { ActionsHeaderCell, Cell, HeaderCell, Table, TableBody, TableHead } from '../../../components/ui/Table';
import { describeError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { roleLabels } from '../../../lib/roles';
import { useChangeRole, useMembers, useRemoveMember } from '../api';

interface MembersListProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

/** Who is in the organization; admins and owners change roles and remove people here. */
export function MembersList({ organization, currentUserId }: MembersListProps) {
  const members = useMembers(organization.id);
  const changeRole = useChangeRole(organization.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = can(organization.role, 'members.manage');
  // Only an owner makes, unmakes or removes owners; your own role changes through another owner.
  const isManageable = (member: Member) => canManage && member.userId !== currentUserId && (organization.role === 'owner' || member.role !== 'owner');

  const onRoleChange = (member: Member, role: Role) =>
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: (changed) => toast.success(`${changed.name} is now ${roleLabels[changed.role].toLowerCase()}.`),
        onError: (error) => toast.error(describeError(error)),
      },
    );

  return (
    <Card title="Members">
      {members.isPending ? (
        <LoadingState label="Loading members…" />
      ) : members.isError ? (
        <ErrorState title="Could not load the members." detail={describeError(members.error)} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState title="No members yet" />
      ) : (
        <Table caption="Members">
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell>Email</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell>Joined</HeaderCell>
            {canManage && <ActionsHeaderCell />}
          </TableHead>
          <TableBody>
            {members.data.map((member) => (
              <tr key={member.userId}>
                <Cell className="font-medium">
                  <span className="flex items-center gap-2">
                    {member.name}
                    {member.userId === currentUserId && <Badge tone="primary">You</Badge>}
                  </span>
                </Cell>
                <Cell>{member.email}</Cell>
                <Cell>
                  {isManageable(member) ? (
                    <Select
                      aria-label={`Role of ${member.name}`}
                      className="w-32"
                      value={member.role}
                      disabled={changeRole.isPending && changeRole.variables.userId === member.userId}
                      onChange={(event) => onRoleChange(member, event.target.value as Role)}
                    >
                      <RoleOptions grantor={organization.role} />
                    </Select>
                  ) : (
                    roleLabels[member.role]
                  )}
                </Cell>
                <Cell className="whitespace-nowrap">{formatDate(member.joinedAt)}</Cell>
                {canManage && (
                  <Cell className="text-right">
                    {isManageable(member) && (
                      <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`} onClick={() => setRemoving(member)}>
                        Remove
                      </Button>
                    )}
                  </Cell>
                )}
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
      <RemoveMemberDialog organizationId={organization.id} member={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}

function RemoveMemberDialog({ organizationId, member, onClose }: { organizationId: string; member: Member | null; onClose: () => void }) {
  const remove = useRemoveMember(organizationId);
  return (
    <ConfirmDialog
      open={member !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Remove ${member?.name ?? 'member'}?`}
      description="They lose access to this organization at once. You can invite them again later."
      confirmLabel="Remove member"
      pending={remove.isPending}
      onConfirm={() => {
        if (member === null) return;
        remove.mutate(member.userId, {
          onSuccess: () => {
            toast.success(`${member.name} is removed from the organization.`);
            onClose();
          },
          onError: (error) => toast.error(describeError(error)),
        });
      }}
    />
  );
}
