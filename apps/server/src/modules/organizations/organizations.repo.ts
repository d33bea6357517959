import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '@spanner/contracts';
import { memberships, organizations } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export interface MembershipRow {
  id: string;
  name: string;
  role: Role;
}

export async function insertOrganization(tx: TenantTransaction, organization: { id: string; name: string }): Promise<void> {
  await tx.insert(organizations).values(organization);
}

export async function insertMembership(tx: TenantTransaction, membership: { orgId: string; userId: string; role: Role }): Promise<void> {
  await tx.insert(memberships).values(membership);
}

/** The organizations a user belongs to, oldest membership first (the default one to act in). */
export function findMembershipsOfUser(tx: TenantTransaction, userId: string): Promise<MembershipRow[]> {
  return tx
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.id));
}

export async function findRole(tx: TenantTransaction, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}
