import type {
  LoginRequest,
  OrganizationMembership,
  ResetPasswordRequest,
  SessionResponse,
  SignupRequest,
  UpdateMeRequest,
  User,
} from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../infra/http/problem.js';
import type { ApiKeysService } from '../api-keys/api-keys.service.js';
import { isApiKey } from '../api-keys/api-keys.service.js';
import { joinByInvitation } from '../invitations/invitations.service.js';
import { passwordResetEmail, sendEmail, verificationEmail } from '../mail/mail.js';
import { createOwnedOrganization, findMemberRole, listOrganizationsOfUser } from '../organizations/organizations.service.js';
import type { Actor, UserActor } from './actor.js';
import {
  claimSession,
  findSession,
  findUserByEmail,
  findUserById,
  findUserToken,
  findUserWithPasswordByEmail,
  insertUserToken,
  markEmailVerified,
  spendUserTokens,
  insertSession,
  insertUser,
  isFamilyActive,
  revokeFamily,
  findPasswordHash,
  revokeOtherSessions,
  revokeUserSessions,
  setFamilyOrganization,
  updateUser,
  type UserRow,
  type UserTokenPurpose,
} from './auth.repo.js';
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import {
  accessTokenKey,
  knownDeviceKey,
  newOpaqueToken,
  parseOpaqueToken,
  secretMatches,
  signAccessToken,
  signKnownDevice,
  verifyAccessToken,
  verifyKnownDevice,
} from './tokens.js';

/** What a request presents: its Authorization header, where it comes from, and its id. */
export interface Credentials {
  authorization: string | undefined;
  ip: string;
  requestId: string;
}

export interface AuthenticateOptions {
  /** For user-level routes (profile, organization list, switch): a lost membership is not an error. */
  outsideOrganization?: boolean;
}

export interface ClientInfo {
  userAgent: string | undefined;
  ip: string;
  /** The known-device cookie, set by an earlier successful sign-in on this client. */
  knownDevice?: string | undefined;
}

/** What a sign-in hands out: the JSON body, the refresh token for its cookie, and on a login the known-device cookie. */
export interface IssuedSession {
  body: SessionResponse;
  refreshToken: string;
  knownDevice?: string;
}

/** A login session: the family of refresh tokens one sign-in starts. */
interface LoginSession {
  id: string;
  startedAt: Date;
}

const newLoginSession = (): LoginSession => ({ id: uuidv7(), startedAt: new Date() });

const UNIQUE_VIOLATION = '23505';

const invalidCredentials = () =>
  // Same answer for an unknown email and a wrong password: no account enumeration.
  new HttpProblem({ status: 401, detail: 'The email or password is incorrect.' });

const invalidRefresh = () => new HttpProblem({ status: 401, detail: 'The session has ended; sign in again.' });

const signInRequired = () => new HttpProblem({ status: 401, detail: 'Sign in to continue.' });

const unusableLink = (path: string) =>
  new HttpProblem({ status: 422, detail: 'The link is invalid, was already used or has expired.', errors: [{ path, message: 'This link is invalid or has expired; ask for a new one' }] });

/** How long emailed links work. */
const LINK_LIFETIME_MS: Record<UserTokenPurpose, number> = {
  'verify-email': 3 * 24 * 3600 * 1000,
  'reset-password': 3600 * 1000,
};

function rejectCommonPassword(password: string, path: string): void {
  if (isCommonPassword(password)) {
    throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path, message: 'This password is too common; choose another one' }] });
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, emailVerified: row.emailVerifiedAt !== null, createdAt: row.createdAt.toISOString() };
}

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; cause?: { code?: string } };
  return candidate.code === UNIQUE_VIOLATION || candidate.cause?.code === UNIQUE_VIOLATION;
}

export function createAuthService(ctx: AppContext, apiKeys: ApiKeysService) {
  const { db } = ctx.db;
  const key = accessTokenKey(ctx.config.secretKey!);
  const deviceKey = knownDeviceKey(ctx.config.secretKey!);
  const refreshLifetimeMs = ctx.config.refreshTokenDays * 24 * 3600 * 1000;
  const sessionMaxLifetimeMs = ctx.config.refreshSessionMaxDays * 24 * 3600 * 1000;

  async function issue(
    user: UserRow,
    organization: OrganizationMembership | null,
    family: LoginSession,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    const rowId = uuidv7();
    const refresh = newOpaqueToken(rowId);
    await insertSession(db, {
      id: rowId,
      familyId: family.id,
      familyStartedAt: family.startedAt,
      userId: user.id,
      organizationId: organization?.id ?? null,
      tokenHash: refresh.hash,
      // Sliding, but never past the absolute end of the login session.
      expiresAt: new Date(Math.min(Date.now() + refreshLifetimeMs, family.startedAt.getTime() + sessionMaxLifetimeMs)),
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip,
    });
    const accessToken = await signAccessToken(key, { userId: user.id, orgId: organization?.id ?? null, sessionId: family.id }, ctx.config.accessTokenMinutes);
    return {
      refreshToken: refresh.token,
      body: { accessToken, expiresIn: ctx.config.accessTokenMinutes * 60, user: toUser(user), organization },
    };
  }

  /** The organization to act in: the preferred one while still a member, else the oldest membership. */
  async function pickOrganization(userId: string, preferred: string | null): Promise<OrganizationMembership | null> {
    const organizations = await listOrganizationsOfUser(db, userId);
    return organizations.find((organization) => organization.id === preferred) ?? organizations[0] ?? null;
  }

  /** Emails a one-time link (verification, reset) to the user. */
  async function sendLink(user: UserRow, purpose: UserTokenPurpose): Promise<void> {
    const id = uuidv7();
    const token = newOpaqueToken(id);
    await insertUserToken(db, { id, userId: user.id, purpose, tokenHash: token.hash, expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]) });
    const link = `${ctx.config.publicUrl}/${purpose}?token=${encodeURIComponent(token.token)}`;
    const content = purpose === 'verify-email' ? verificationEmail({ name: user.name, link }) : passwordResetEmail({ name: user.name, link });
    await sendEmail(ctx.queue, { to: user.email, ...content });
  }

  /** The open one-time link of `purpose` this token names, or a 422 on `path`. */
  async function requireLink(token: string, purpose: UserTokenPurpose, path: string) {
    const parsed = parseOpaqueToken(token);
    const row = parsed ? await findUserToken(db, parsed.rowId) : null;
    const usable = parsed && row && row.purpose === purpose && !row.usedAt && row.expiresAt.getTime() > Date.now() && secretMatches(parsed.secret, row.tokenHash);
    if (!usable) throw unusableLink(path);
    return {
      userId: row.userId,
      /** Spends it with every other open link of its kind; a concurrent use of the same link loses. */
      spend: async () => {
        if (!(await spendUserTokens(db, row.id, row.userId, purpose))) throw unusableLink(path);
      },
    };
  }

  async function authenticateUser(token: string, requestId: string, options: AuthenticateOptions): Promise<UserActor> {
    const claims = await verifyAccessToken(key, token);
    if (!claims || !(await isFamilyActive(db, claims.sessionId))) throw signInRequired();
    const role = claims.orgId ? await findMemberRole(db, claims.orgId, claims.userId) : null;
    const actor: UserActor = { kind: 'user', userId: claims.userId, orgId: claims.orgId, role, sessionId: claims.sessionId, requestId };
    if (claims.orgId && !role) {
      // Never an organization scope without a membership: user-level routes act outside any.
      if (!options.outsideOrganization) throw new HttpProblem({ status: 403, detail: 'You are no longer a member of this organization.' });
      return { ...actor, orgId: null };
    }
    return actor;
  }

  async function me(actor: UserActor) {
    const user = await findUserById(db, actor.userId);
    if (!user) throw signInRequired();
    const organizations = await listOrganizationsOfUser(db, actor.userId);
    return {
      user: toUser(user),
      organization: organizations.find((organization) => organization.id === actor.orgId) ?? null,
      organizations,
    };
  }

  return {
    /**
     * A new account with its own organization, or — through an invitation link sent to the same
     * address, which also proves the email — a new member of the inviting organization.
     */
    async signup(input: SignupRequest, client: ClientInfo, requestId: string): Promise<IssuedSession> {
      await ctx.rateLimits.consume('signup', { ip: client.ip, account: input.email });
      rejectCommonPassword(input.password, 'body.password');
      const passwordHash = await hashPassword(input.password);
      let created: { user: UserRow; organization: OrganizationMembership };
      try {
        // User, organization (or invitation) and membership together or not at all.
        created = await db.transaction(async (tx) => {
          const invited = input.invitationToken !== undefined;
          const user = await insertUser(tx, { id: uuidv7(), email: input.email, name: input.name, passwordHash, emailVerified: invited });
          const organization = invited
            ? await joinByInvitation(tx, input.invitationToken!, user, requestId)
            : await createOwnedOrganization(tx, user.id, input.organizationName!);
          if (!organization) throw unusableLink('body.invitationToken');
          return { user, organization };
        });
      } catch (error) {
        if (error instanceof HttpProblem && error.problem.status === 403) {
          throw new HttpProblem({ status: 422, detail: error.problem.detail, errors: [{ path: 'body.email', message: 'is not the address this invitation was sent to' }] });
        }
        if (!isUniqueViolation(error)) throw error;
        throw new HttpProblem({ status: 409, detail: 'An account with this email already exists.', errors: [{ path: 'body.email', message: 'is already registered' }] });
      }
      if (!created.user.emailVerifiedAt) await sendLink(created.user, 'verify-email');
      return issue(created.user, created.organization, newLoginSession(), client);
    },

    /**
     * For `spanner seed --demo`: a verified account with `password` owning a new organization.
     * An existing account with that email gets the new password and loses its sessions.
     */
    async provisionAccount(input: { email: string; name: string; password: string; organizationName: string }): Promise<{ userId: string; organization: OrganizationMembership }> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const existing = await findUserByEmail(tx, input.email);
        const userId = existing?.id ?? (await insertUser(tx, { id: uuidv7(), email: input.email, name: input.name, passwordHash, emailVerified: true })).id;
        if (existing) {
          await updateUser(tx, existing.id, { passwordHash });
          await markEmailVerified(tx, existing.id);
          await revokeUserSessions(tx, existing.id);
        }
        return { userId, organization: await createOwnedOrganization(tx, userId, input.organizationName) };
      });
    },

    /**
     * Failures count per IP and per account on this client; on a client that never signed in to
     * the account, also per account. A success gives its attempt back.
     */
    async login(input: LoginRequest, client: ClientInfo): Promise<IssuedSession> {
      const deviceId = verifyKnownDevice(deviceKey, client.knownDevice, input.email);
      const attempt = {
        ip: client.ip,
        accountOnClient: `${input.email} ${deviceId ? `device:${deviceId}` : `ip:${client.ip}`}`,
        ...(deviceId ? {} : { account: input.email }),
      };
      await ctx.rateLimits.consume('login', attempt);
      const user = await findUserWithPasswordByEmail(db, input.email);
      const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !valid) throw invalidCredentials();
      await ctx.rateLimits.refund('login', attempt);
      const issued = await issue(user, await pickOrganization(user.id, null), newLoginSession(), client);
      return { ...issued, knownDevice: deviceId ? client.knownDevice! : signKnownDevice(deviceKey, input.email) };
    },

    /** Rotates: the presented token is spent and a new one issued; a spent token revokes its family. */
    async refresh(token: string | undefined, client: ClientInfo): Promise<IssuedSession> {
      const parsed = parseOpaqueToken(token);
      const session = parsed ? await findSession(db, parsed.rowId) : null;
      if (!parsed || !session || !secretMatches(parsed.secret, session.tokenHash)) throw invalidRefresh();
      const sessionEnded = session.familyStartedAt.getTime() + sessionMaxLifetimeMs <= Date.now();
      if (session.revokedAt || session.expiresAt.getTime() <= Date.now() || sessionEnded) throw invalidRefresh();
      if (session.usedAt || !(await claimSession(db, session.id))) {
        await revokeFamily(db, session.familyId);
        ctx.log.warn({ userId: session.userId, familyId: session.familyId }, 'refresh token reused: session family revoked');
        throw invalidRefresh();
      }
      const user = await findUserById(db, session.userId);
      if (!user) throw invalidRefresh();
      return issue(user, await pickOrganization(user.id, session.organizationId), { id: session.familyId, startedAt: session.familyStartedAt }, client);
    },

    /** Ends the login session the refresh token belongs to; an unknown token changes nothing. */
    async logout(token: string | undefined): Promise<void> {
      const parsed = parseOpaqueToken(token);
      const session = parsed ? await findSession(db, parsed.rowId) : null;
      if (parsed && session && secretMatches(parsed.secret, session.tokenHash)) await revokeFamily(db, session.familyId);
    },

    async logoutEverywhere(actor: UserActor): Promise<void> {
      await revokeUserSessions(db, actor.userId);
    },

    /**
     * Who is calling: a person with a valid access token of a live session, or an API key. Checked
     * on every request, so a removed member or a lowered role takes effect at once.
     */
    async authenticate(credentials: Credentials, options: AuthenticateOptions = {}): Promise<Actor> {
      const token = credentials.authorization?.startsWith('Bearer ') ? credentials.authorization.slice(7).trim() : undefined;
      if (!token) throw signInRequired();
      if (!isApiKey(token)) return authenticateUser(token, credentials.requestId, options);
      const presented = await apiKeys.authenticate(token, credentials.requestId);
      // Counted per IP whether or not the key exists, so guessing keys is limited too.
      await ctx.rateLimits.consume('apiKey', { ip: credentials.ip, ...(presented ? { account: presented.apiKeyId } : {}) });
      if (!presented) throw new HttpProblem({ status: 401, detail: 'The API key is invalid, revoked or expired.' });
      if (!presented.actor) throw new HttpProblem({ status: 403, detail: presented.refusal });
      return presented.actor;
    },

    /** Whether an account uses this email (an invitation's page offers sign-in or sign-up). */
    async hasAccount(email: string): Promise<boolean> {
      return (await findUserByEmail(db, email)) !== null;
    },

    /** Always the same answer, whether or not the address has an account: no enumeration. */
    async forgotPassword(email: string, client: ClientInfo): Promise<void> {
      await ctx.rateLimits.consume('forgotPassword', { ip: client.ip, account: email });
      const user = await findUserByEmail(db, email);
      if (user) await sendLink(user, 'reset-password');
    },

    /** A new password from an emailed link; every session ends and the email counts as proven. */
    async resetPassword(input: ResetPasswordRequest): Promise<void> {
      const link = await requireLink(input.token, 'reset-password', 'body.token');
      rejectCommonPassword(input.password, 'body.password');
      const passwordHash = await hashPassword(input.password);
      await link.spend();
      await updateUser(db, link.userId, { passwordHash });
      await markEmailVerified(db, link.userId);
      await revokeUserSessions(db, link.userId);
    },

    async verifyEmail(token: string): Promise<void> {
      const link = await requireLink(token, 'verify-email', 'body.token');
      await link.spend();
      await markEmailVerified(db, link.userId);
    },

    async resendVerification(actor: UserActor): Promise<void> {
      const user = await findUserById(db, actor.userId);
      if (!user || user.emailVerifiedAt) return;
      await ctx.rateLimits.consume('verificationMail', { user: user.id });
      await sendLink(user, 'verify-email');
    },

    /** A new access token for another organization of the user; the refresh token follows it. */
    async switchOrganization(actor: UserActor, organizationId: string): Promise<SessionResponse> {
      const organization = (await listOrganizationsOfUser(db, actor.userId)).find((candidate) => candidate.id === organizationId);
      const user = await findUserById(db, actor.userId);
      if (!organization || !user) throw new HttpProblem({ status: 404, detail: 'No such organization.' });
      await setFamilyOrganization(db, actor.sessionId, organizationId);
      const accessToken = await signAccessToken(key, { userId: user.id, orgId: organizationId, sessionId: actor.sessionId }, ctx.config.accessTokenMinutes);
      return { accessToken, expiresIn: ctx.config.accessTokenMinutes * 60, user: toUser(user), organization };
    },

    /** Name and password; a new password needs the current one and ends the user's other sessions. */
    async updateMe(actor: UserActor, input: UpdateMeRequest) {
      let passwordHash: string | undefined;
      if (input.newPassword !== undefined) {
        const stored = await findPasswordHash(db, actor.userId);
        if (!stored || !(await verifyPassword(stored, input.currentPassword ?? ''))) {
          throw new HttpProblem({ status: 422, detail: 'The request has invalid fields.', errors: [{ path: 'body.currentPassword', message: 'is not your current password' }] });
        }
        rejectCommonPassword(input.newPassword, 'body.newPassword');
        passwordHash = await hashPassword(input.newPassword);
      }
      await updateUser(db, actor.userId, { ...(input.name !== undefined ? { name: input.name } : {}), ...(passwordHash ? { passwordHash } : {}) });
      if (passwordHash) await revokeOtherSessions(db, actor.userId, actor.sessionId);
      return me(actor);
    },

    me,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
