import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '@spanner/contracts';
import { memberships, organizations, users } from '../../infra/db/schema/index.js';
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

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export async function findOrganization(tx: TenantTransaction, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function renameOrganization(tx: TenantTransaction, id: string, name: string): Promise<void> {
  await tx
    .update(organizations)
    .set({ name, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(organizations.id, id));
}

export async function deleteOrganization(tx: TenantTransaction, id: string): Promise<void> {
  await tx.delete(organizations).where(eq(organizations.id, id));
}

/** Members of an organization by name, or only the one with `userId` or `email`. */
export function findMembers(tx: TenantTransaction, orgId: string, only: { userId?: string; email?: string } = {}): Promise<MemberRow[]> {
  return tx
    .select({ userId: memberships.userId, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        only.userId ? eq(memberships.userId, only.userId) : undefined,
        only.email ? sql`lower(${users.email}) = ${only.email.toLowerCase()}` : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.email));
}

/** The organization's owners, locked until the transaction ends so two demotions cannot race. */
export async function lockOwners(tx: TenantTransaction, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
    .for('update');
  return rows.map((row) => row.userId);
}

export async function updateRole(tx: TenantTransaction, orgId: string, userId: string, role: Role): Promise<void> {
  await tx
    .update(memberships)
    .set({ role, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function deleteMembership(tx: TenantTransaction, orgId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/** The ids among `userIds` that are members of the transaction's organization. */
export async function findMemberIds(tx: TenantTransaction, userIds: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(sql`${memberships.orgId} = app_org_id()`, inArray(memberships.userId, userIds)));
  return new Set(rows.map((row) => row.userId));
}
