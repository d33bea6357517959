import { can, type MeResponse, type OrganizationMembership, type Permission } from '@spanner/contracts';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../components/ui/QueryState';
import { CreateOrganizationForm } from '../features/organizations/components/CreateOrganizationForm';
import { describeError } from '../lib/api-client';
import { useMe } from '../lib/current-user';
import { roleLabels } from '../lib/roles';

interface AccountGateProps {
  children: (me: MeResponse) => ReactNode;
}

/** Shows its page once the signed-in user's profile has loaded, with loading and error states. */
export function AccountGate({ children }: AccountGateProps) {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Loading your account…" />;
  if (me.isError) return <ErrorState title="Could not load your account." detail={describeError(me.error)} onRetry={() => void me.refetch()} />;
  return children(me.data);
}

interface PermissionGateProps {
  permission: Permission;
  children: (organization: OrganizationMembership, me: MeResponse) => ReactNode;
}

/** A page about the active organization, for roles with `permission`; others learn why they cannot see it. */
export function PermissionGate({ permission, children }: PermissionGateProps) {
  return (
    <AccountGate>
      {(me) => {
        const { organization } = me;
        if (organization === null) return <NoOrganization />;
        if (!can(organization.role, permission)) return <NotAllowed organization={organization} />;
        return children(organization, me);
      }}
    </AccountGate>
  );
}

function NoOrganization() {
  return (
    <section aria-labelledby="no-organization-title" className="flex max-w-md flex-col gap-4">
      <title>No organization · Spanner CRM</title>
      <h1 id="no-organization-title" className="text-2xl font-semibold tracking-tight">
        You are not in an organization
      </h1>
      <p className="text-muted-foreground">Create one to get started, or open an invitation link someone sent you.</p>
      <CreateOrganizationForm />
    </section>
  );
}

function NotAllowed({ organization }: { organization: OrganizationMembership }) {
  return (
    <section aria-labelledby="not-allowed-title" className="max-w-md">
      <title>Not allowed · Spanner CRM</title>
      <h1 id="not-allowed-title" className="text-2xl font-semibold tracking-tight">
        You cannot open this page
      </h1>
      <p className="mt-3 text-muted-foreground">
        You are {roleLabels[organization.role].toLowerCase()} in {organization.name}. Ask an owner or an admin if you need access.
      </p>
    </section>
  );
}
