import { roles, type Role } from '@spanner/contracts';

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

/** The roles someone may hand out (to members, invitations, API keys): only an owner makes owners. */
export function assignableRoles(role: Role | null | undefined): Role[] {
  return role === 'owner' ? [...roles] : roles.filter((candidate) => candidate !== 'owner');
}
