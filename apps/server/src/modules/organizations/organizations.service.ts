import type { Member, OrganizationMembership, Role } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { enterTenant, withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor, type UserActor } from '../auth/actor.js';
import { createDefaultPipeline } from '../pipelines/pipelines.service.js';
import {
  deleteMembership,
  deleteOrganization,
  findMemberIds,
  findMembers,
  findMembershipsOfUser,
  findOrganization,
  findRole,
  insertMembership,
  insertOrganization,
  lockOwners,
  renameOrganization,
  updateRole,
} from './organizations.repo.js';

/**
 * Creates an organization owned by `userId` inside the caller's transaction. The transaction
 * switches to the runtime role for the rest of its life: create the organization last.
 */
export async function createOwnedOrganization(tx: TenantTransaction, userId: string, name: string): Promise<OrganizationMembership> {
  const id = uuidv7();
  await enterTenant(tx, { orgId: id, userId });
  await insertOrganization(tx, { id, name });
  await insertMembership(tx, { orgId: id, userId, role: 'owner' });
  await createDefaultPipeline(tx, id);
  return { id, name, role: 'owner' };
}

/** Everyone in the organization: who sample records can belong to. */
export async function listMemberIds(tx: TenantTransaction, orgId: string): Promise<string[]> {
  return (await findMembers(tx, orgId)).map((member) => member.userId);
}

/**
 * Checks that a record's owner or assignee is a member of the transaction's organization;
 * `null` (nobody) is always fine. The error names the field.
 */
export async function requireMember(tx: TenantTransaction, userId: string | null | undefined, path: string): Promise<void> {
  if (!userId) return;
  const found = await findMemberIds(tx, [userId]);
  if (!found.has(userId)) throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path, message: 'is not a member of this organization' }] });
}

/**
 * Puts a user into the transaction's organization with `role` (an accepted invitation); someone
 * already a member keeps the role they have.
 */
export async function joinOrganization(tx: TenantTransaction, orgId: string, userId: string, role: Role): Promise<OrganizationMembership> {
  const organization = await findOrganization(tx, orgId);
  if (!organization) throw new HttpProblem({ status: 404, detail: 'No such organization.' });
  const current = await findRole(tx, orgId, userId);
  if (!current) await insertMembership(tx, { orgId, userId, role });
  return { ...organization, role: current ?? role };
}

/** Whether someone with this email already belongs to the transaction's organization. */
export async function hasMemberWithEmail(tx: TenantTransaction, orgId: string, email: string): Promise<boolean> {
  return (await findMembers(tx, orgId, { email })).length > 0;
}

export function findOrganizationInScope(tx: TenantTransaction, orgId: string): Promise<{ id: string; name: string } | null> {
  return findOrganization(tx, orgId);
}

/** Every organization the user belongs to, seen through RLS in the user's own scope. */
export function listOrganizationsOfUser(db: Database, userId: string): Promise<OrganizationMembership[]> {
  return withTenant(db, { orgId: null, userId }, (tx) => findMembershipsOfUser(tx, userId));
}

/** The user's role in the organization now; null once they are no longer a member. */
export function findMemberRole(db: Database, orgId: string, userId: string): Promise<Role | null> {
  return withTenant(db, { orgId, userId }, (tx) => findRole(tx, orgId, userId));
}

/** Organization routes act on the active organization; any other id is as good as missing. */
function requireActive(actor: Actor, orgId: string): string {
  if (actor.orgId !== orgId) throw new HttpProblem({ status: 404, detail: 'No such organization.' });
  return orgId;
}

const lastOwner = () =>
  new HttpProblem({ status: 409, detail: 'An organization needs an owner: make someone else owner first.' });

async function removeMembership(tx: TenantTransaction, actor: Actor, orgId: string, userId: string): Promise<void> {
  const current = await findRole(tx, orgId, userId);
  if (!current) throw new HttpProblem({ status: 404, detail: 'No such member.' });
  if (current === 'owner' && actor.role !== 'owner') throw new HttpProblem({ status: 403, detail: 'Only an owner can remove an owner.' });
  const owners = await lockOwners(tx, orgId);
  if (current === 'owner' && owners.length === 1) throw lastOwner();
  await deleteMembership(tx, orgId, userId);
}

export function createOrganizationsService(db: Database) {
  const inScope = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);

  return {
    list: (actor: UserActor) => listOrganizationsOfUser(db, actor.userId),

    create: (actor: UserActor, name: string) => db.transaction((tx) => createOwnedOrganization(tx, actor.userId, name)),

    async get(actor: Actor, orgId: string): Promise<OrganizationMembership> {
      requireActive(actor, orgId);
      const organization = await inScope(actor, (tx) => findOrganization(tx, orgId));
      if (!organization) throw new HttpProblem({ status: 404, detail: 'No such organization.' });
      return { ...organization, role: actor.role! };
    },

    async rename(actor: Actor, orgId: string, name: string): Promise<OrganizationMembership> {
      requireActive(actor, orgId);
      await inScope(actor, (tx) => renameOrganization(tx, orgId, name));
      return { id: orgId, name, role: actor.role! };
    },

    async remove(actor: Actor, orgId: string): Promise<void> {
      requireActive(actor, orgId);
      await inScope(actor, (tx) => deleteOrganization(tx, orgId));
    },

    async members(actor: Actor, orgId: string): Promise<Member[]> {
      requireActive(actor, orgId);
      const rows = await inScope(actor, (tx) => findMembers(tx, orgId));
      return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
    },

    /** Admins manage members; only owners make or unmake owners; the last owner stays. */
    async changeRole(actor: Actor, orgId: string, userId: string, role: Role): Promise<Member> {
      requireActive(actor, orgId);
      return inScope(actor, async (tx) => {
        const current = await findRole(tx, orgId, userId);
        if (!current) throw new HttpProblem({ status: 404, detail: 'No such member.' });
        if ((current === 'owner' || role === 'owner') && actor.role !== 'owner') {
          throw new HttpProblem({ status: 403, detail: 'Only an owner can make or unmake owners.' });
        }
        const owners = await lockOwners(tx, orgId);
        if (current === 'owner' && role !== 'owner' && owners.length === 1) throw lastOwner();
        await updateRole(tx, orgId, userId, role);
        const [member] = await findMembers(tx, orgId, { userId });
        if (!member) throw new HttpProblem({ status: 404, detail: 'No such member.' });
        return { ...member, joinedAt: member.joinedAt.toISOString() };
      });
    },

    /** Removes a member (owners only by an owner); the last owner cannot go. */
    async removeMember(actor: Actor, orgId: string, userId: string): Promise<void> {
      requireActive(actor, orgId);
      await inScope(actor, (tx) => removeMembership(tx, actor, orgId, userId));
    },

    /** The signed-in user leaves the active organization; the last owner cannot. */
    async leave(actor: UserActor, orgId: string): Promise<void> {
      requireActive(actor, orgId);
      await inScope(actor, (tx) => removeMembership(tx, actor, orgId, actor.userId));
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
