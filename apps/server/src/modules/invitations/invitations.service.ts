import type { CreateInvitationRequest, Invitation, InvitationPreview, OrganizationMembership } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../../context.js';
import { enterSecretLookup, enterTenant, withTenant, type TenantScope, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor, type UserActor } from '../auth/actor.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { invitationEmail, sendEmail } from '../mail/mail.js';
import { findOrganizationInScope, hasMemberWithEmail, joinOrganization } from '../organizations/organizations.service.js';
import {
  findOpenInvitations,
  findUsableInvitationByHash,
  findUserProfile,
  insertInvitation,
  markAccepted,
  revokeOpenInvitation,
  type InvitationCredentials,
  type InvitationRow,
} from './invitations.repo.js';

const INVITATION_DAYS = 7;

const unusableLink = () => new HttpProblem({ status: 404, detail: 'This invitation link is invalid, was revoked or has expired.' });

function toInvitation(row: InvitationRow): Invitation {
  return {
    ...row,
    status: row.expiresAt.getTime() > Date.now() ? 'pending' : 'expired',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Finds the invitation of a presented link, then acts in its organization for the rest of `tx`. */
async function enterInvitation(tx: TenantTransaction, token: string, scope: Omit<TenantScope, 'orgId'>): Promise<InvitationCredentials | null> {
  const tokenHash = hashSecret(token);
  await enterSecretLookup(tx, tokenHash);
  const invitation = await findUsableInvitationByHash(tx, tokenHash);
  if (invitation) await enterTenant(tx, { ...scope, orgId: invitation.orgId });
  return invitation;
}

/**
 * Accepts an invitation inside the caller's transaction for a user whose email it was sent to
 * (sign-up through the link, or a signed-in user). Null when the link cannot be used.
 */
export async function joinByInvitation(
  tx: TenantTransaction,
  token: string,
  user: { id: string; email: string },
  requestId: string | null,
): Promise<OrganizationMembership | null> {
  const invitation = await enterInvitation(tx, token, { userId: user.id, requestId });
  if (!invitation) return null;
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new HttpProblem({ status: 403, detail: `This invitation was sent to ${invitation.email}; sign in with that address to accept it.` });
  }
  const membership = await joinOrganization(tx, invitation.orgId, user.id, invitation.role);
  await markAccepted(tx, invitation.id, user.id);
  return membership;
}

export function createInvitationsService(ctx: AppContext) {
  const { db } = ctx.db;
  const inScope = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);

  return {
    async list(actor: Actor): Promise<Invitation[]> {
      return (await inScope(actor, (tx) => findOpenInvitations(tx))).map(toInvitation);
    },

    /** Invites an address (again: the earlier link stops working) and emails the link. */
    async create(actor: Actor, input: CreateInvitationRequest): Promise<Invitation> {
      if (input.role === 'owner' && actor.role !== 'owner') throw new HttpProblem({ status: 403, detail: 'Only an owner can invite an owner.' });
      const token = newSecret();
      const id = uuidv7();
      const { invitation, organizationName, inviterName } = await inScope(actor, async (tx) => {
        const orgId = actor.orgId!;
        if (await hasMemberWithEmail(tx, orgId, input.email)) {
          throw new HttpProblem({ status: 409, detail: 'This person is already a member.', errors: [{ path: 'body.email', message: 'is already a member' }] });
        }
        // Each invitation mails a stranger: counted per person (behind a key, too) and per organization.
        await ctx.rateLimits.consume('invitation', { user: actor.kind === 'apiKey' ? actor.creatorId : actor.userId, organization: orgId });
        await revokeOpenInvitation(tx, { email: input.email });
        await insertInvitation(tx, {
          id,
          orgId,
          email: input.email,
          role: input.role,
          tokenHash: hashSecret(token),
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
        });
        const [row] = await findOpenInvitations(tx, id);
        return {
          invitation: row!,
          organizationName: (await findOrganizationInScope(tx, orgId))?.name ?? 'Spanner CRM',
          inviterName: actor.userId ? ((await findUserProfile(tx, actor.userId))?.name ?? null) : null,
        };
      });
      const link = `${ctx.config.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
      await sendEmail(ctx.queue, { to: input.email, ...invitationEmail({ organizationName, inviterName, role: input.role, link }) });
      return toInvitation(invitation);
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      if (!(await inScope(actor, (tx) => revokeOpenInvitation(tx, { id })))) throw new HttpProblem({ status: 404, detail: 'No such invitation.' });
    },

    /** What the link offers, for the page it opens; `hasAccount` is filled in by the caller. */
    async preview(token: string): Promise<Omit<InvitationPreview, 'hasAccount'>> {
      const preview = await db.transaction(async (tx) => {
        const invitation = await enterInvitation(tx, token, {});
        if (!invitation) return null;
        const organization = await findOrganizationInScope(tx, invitation.orgId);
        const inviter = invitation.invitedBy ? await findUserProfile(tx, invitation.invitedBy) : null;
        return {
          organizationName: organization?.name ?? '',
          email: invitation.email,
          role: invitation.role,
          invitedByName: inviter?.name ?? null,
          expiresAt: invitation.expiresAt.toISOString(),
        };
      });
      if (!preview) throw unusableLink();
      return preview;
    },

    /** A signed-in user accepts; answers the organization they now belong to. */
    async accept(actor: UserActor, token: string): Promise<OrganizationMembership> {
      const membership = await db.transaction(async (tx) => {
        await enterTenant(tx, { orgId: null, userId: actor.userId, requestId: actor.requestId });
        const profile = await findUserProfile(tx, actor.userId);
        return profile ? joinByInvitation(tx, token, { id: actor.userId, email: profile.email }, actor.requestId) : null;
      });
      if (!membership) throw unusableLink();
      return membership;
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
