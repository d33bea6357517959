import type { OrganizationMembership, Role } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { enterTenant, withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { findMembershipsOfUser, findRole, insertMembership, insertOrganization } from './organizations.repo.js';

/**
 * Creates an organization owned by `userId` inside the caller's transaction. The transaction
 * switches to the runtime role for the rest of its life: create the organization last.
 */
export async function createOwnedOrganization(tx: TenantTransaction, userId: string, name: string): Promise<OrganizationMembership> {
  const id = uuidv7();
  await enterTenant(tx, { orgId: id, userId });
  await insertOrganization(tx, { id, name });
  await insertMembership(tx, { orgId: id, userId, role: 'owner' });
  return { id, name, role: 'owner' };
}

/** Every organization the user belongs to, seen through RLS in the user's own scope. */
export function listOrganizationsOfUser(db: Database, userId: string): Promise<OrganizationMembership[]> {
  return withTenant(db, { orgId: null, userId }, (tx) => findMembershipsOfUser(tx, userId));
}

/** The user's role in the organization now; null once they are no longer a member. */
export function findMemberRole(db: Database, orgId: string, userId: string): Promise<Role | null> {
  return withTenant(db, { orgId, userId }, (tx) => findRole(tx, orgId, userId));
}
