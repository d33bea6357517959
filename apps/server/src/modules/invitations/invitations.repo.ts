import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '@spanner/contracts';
import { invitations, users } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export async function insertInvitation(
  tx: TenantTransaction,
  invitation: { id: string; orgId: string; email: string; role: Role; tokenHash: string; invitedBy: string | null; expiresAt: Date },
): Promise<void> {
  await tx.insert(invitations).values(invitation);
}

/** Open invitations (pending or expired), newest first, or only `id`. */
export function findOpenInvitations(tx: TenantTransaction, id?: string): Promise<InvitationRow[]> {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedByName: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(open, id ? eq(invitations.id, id) : undefined))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** Revokes the open invitation of `id`, or of `email` when inviting that address again. */
export async function revokeOpenInvitation(tx: TenantTransaction, match: { id: string } | { email: string }): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()`, version: sql`${invitations.version} + 1`, updatedAt: sql`now()` })
    .where(and(open, 'id' in match ? eq(invitations.id, match.id) : sql`lower(${invitations.email}) = ${match.email.toLowerCase()}`))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export interface InvitationCredentials {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
}

/** The open, unexpired invitation with this token hash (visible through lookup_by_secret only). */
export async function findUsableInvitationByHash(tx: TenantTransaction, tokenHash: string): Promise<InvitationCredentials | null> {
  const [row] = await tx
    .select({ id: invitations.id, orgId: invitations.orgId, email: invitations.email, role: invitations.role, invitedBy: invitations.invitedBy, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), open, sql`${invitations.expiresAt} > now()`));
  return row ?? null;
}

export async function markAccepted(tx: TenantTransaction, id: string, userId: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId, version: sql`${invitations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(invitations.id, id), open))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** A profile the runtime role may see: the caller's own, or a member's of the active organization. */
export async function findUserProfile(tx: TenantTransaction, userId: string): Promise<{ email: string; name: string } | null> {
  const [row] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return row ?? null;
}
