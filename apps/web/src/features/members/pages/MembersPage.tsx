import { can, type OrganizationMembership } from '@spanner/contracts';
import { InvitationsList } from '../components/InvitationsList';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { LeaveOrganization } from '../components/LeaveOrganization';
import { MembersList } from '../components/MembersList';

interface MembersPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

export function MembersPage({ organization, currentUserId }: MembersPageProps) {
  const canInvite = can(organization.role, 'invitations.manage');
  return (
    <div className="flex flex-col gap-6">
      <title>Members · Spanner CRM</title>
      <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
      {canInvite && <InviteMemberForm organizationId={organization.id} role={organization.role} />}
      <MembersList organization={organization} currentUserId={currentUserId} />
      {canInvite && <InvitationsList organizationId={organization.id} />}
      <LeaveOrganization organization={organization} />
    </div>
  );
}
