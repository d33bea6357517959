import type { LoginRequest, OrganizationMembership, SessionResponse, SignupRequest, UpdateMeRequest, User } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { createOwnedOrganization, findMemberRole, listOrganizationsOfUser } from '../organizations/organizations.service.js';
import type { Actor } from './actor.js';
import {
  claimSession,
  findSession,
  findUserById,
  findUserWithPasswordByEmail,
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
} from './auth.repo.js';
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { accessTokenKey, newRefreshToken, parseRefreshToken, secretMatches, signAccessToken, verifyAccessToken } from './tokens.js';

export interface AuthenticateOptions {
  /** For user-level routes (profile, organization list, switch): a lost membership is not an error. */
  outsideOrganization?: boolean;
}

export interface ClientInfo {
  userAgent: string | undefined;
  ip: string;
}

/** What a sign-in hands out: the JSON body, and the refresh token for the cookie. */
export interface IssuedSession {
  body: SessionResponse;
  refreshToken: string;
}

const UNIQUE_VIOLATION = '23505';

const invalidCredentials = () =>
  // Same answer for an unknown email and a wrong password: no account enumeration.
  new HttpProblem({ status: 401, detail: 'The email or password is incorrect.' });

const invalidRefresh = () => new HttpProblem({ status: 401, detail: 'The session has ended; sign in again.' });

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

export function createAuthService(ctx: AppContext) {
  const { db } = ctx.db;
  const key = accessTokenKey(ctx.config.secretKey!);
  const refreshLifetimeMs = ctx.config.refreshTokenDays * 24 * 3600 * 1000;

  async function issue(
    user: UserRow,
    organization: OrganizationMembership | null,
    familyId: string,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    const rowId = uuidv7();
    const refresh = newRefreshToken(rowId);
    await insertSession(db, {
      id: rowId,
      familyId,
      userId: user.id,
      organizationId: organization?.id ?? null,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + refreshLifetimeMs),
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip,
    });
    const accessToken = await signAccessToken(key, { userId: user.id, orgId: organization?.id ?? null, sessionId: familyId }, ctx.config.accessTokenMinutes);
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

  async function me(actor: Actor) {
    const user = await findUserById(db, actor.userId);
    if (!user) throw new HttpProblem({ status: 401, detail: 'Sign in to continue.' });
    const organizations = await listOrganizationsOfUser(db, actor.userId);
    return {
      user: toUser(user),
      organization: organizations.find((organization) => organization.id === actor.orgId) ?? null,
      organizations,
    };
  }

  return {
    async signup(input: SignupRequest, client: ClientInfo): Promise<IssuedSession> {
      rejectCommonPassword(input.password, 'body.password');
      const passwordHash = await hashPassword(input.password);
      const familyId = uuidv7();
      let created: { user: UserRow; organization: OrganizationMembership };
      try {
        // User, organization and membership together or not at all.
        created = await db.transaction(async (tx) => {
          const user = await insertUser(tx, { id: uuidv7(), email: input.email, name: input.name, passwordHash });
          const organization = await createOwnedOrganization(tx, user.id, input.organizationName);
          return { user, organization };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new HttpProblem({ status: 409, detail: 'An account with this email already exists.', errors: [{ path: 'body.email', message: 'is already registered' }] });
      }
      return issue(created.user, created.organization, familyId, client);
    },

    async login(input: LoginRequest, client: ClientInfo): Promise<IssuedSession> {
      const user = await findUserWithPasswordByEmail(db, input.email);
      const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !valid) throw invalidCredentials();
      return issue(user, await pickOrganization(user.id, null), uuidv7(), client);
    },

    /** Rotates: the presented token is spent and a new one issued; a spent token revokes its family. */
    async refresh(token: string | undefined, client: ClientInfo): Promise<IssuedSession> {
      const parsed = parseRefreshToken(token);
      const session = parsed ? await findSession(db, parsed.rowId) : null;
      if (!parsed || !session || !secretMatches(parsed.secret, session.tokenHash)) throw invalidRefresh();
      if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
      if (session.usedAt || !(await claimSession(db, session.id))) {
        await revokeFamily(db, session.familyId);
        ctx.log.warn({ userId: session.userId, familyId: session.familyId }, 'refresh token reused: session family revoked');
        throw invalidRefresh();
      }
      const user = await findUserById(db, session.userId);
      if (!user) throw invalidRefresh();
      return issue(user, await pickOrganization(user.id, session.organizationId), session.familyId, client);
    },

    /** Ends the login session the refresh token belongs to; an unknown token changes nothing. */
    async logout(token: string | undefined): Promise<void> {
      const parsed = parseRefreshToken(token);
      const session = parsed ? await findSession(db, parsed.rowId) : null;
      if (parsed && session && secretMatches(parsed.secret, session.tokenHash)) await revokeFamily(db, session.familyId);
    },

    async logoutEverywhere(actor: Actor): Promise<void> {
      await revokeUserSessions(db, actor.userId);
    },

    /**
     * Who is calling: a valid access token of a live session, and — checked on every request, so
     * a removed member or a lowered role takes effect at once — the current role in its organization.
     */
    async authenticate(authorization: string | undefined, options: AuthenticateOptions = {}): Promise<Actor> {
      const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
      const claims = token ? await verifyAccessToken(key, token) : null;
      if (!claims || !(await isFamilyActive(db, claims.sessionId))) {
        throw new HttpProblem({ status: 401, detail: 'Sign in to continue.' });
      }
      const role = claims.orgId ? await findMemberRole(db, claims.orgId, claims.userId) : null;
      if (claims.orgId && !role) {
        // Never an organization scope without a membership: user-level routes act outside any.
        if (!options.outsideOrganization) throw new HttpProblem({ status: 403, detail: 'You are no longer a member of this organization.' });
        return { kind: 'user', userId: claims.userId, orgId: null, role: null, sessionId: claims.sessionId };
      }
      return { kind: 'user', userId: claims.userId, orgId: claims.orgId, role, sessionId: claims.sessionId };
    },

    /** A new access token for another organization of the user; the refresh token follows it. */
    async switchOrganization(actor: Actor, organizationId: string): Promise<SessionResponse> {
      const organization = (await listOrganizationsOfUser(db, actor.userId)).find((candidate) => candidate.id === organizationId);
      const user = await findUserById(db, actor.userId);
      if (!organization || !user) throw new HttpProblem({ status: 404, detail: 'No such organization.' });
      await setFamilyOrganization(db, actor.sessionId, organizationId);
      const accessToken = await signAccessToken(key, { userId: user.id, orgId: organizationId, sessionId: actor.sessionId }, ctx.config.accessTokenMinutes);
      return { accessToken, expiresIn: ctx.config.accessTokenMinutes * 60, user: toUser(user), organization };
    },

    /** Name and password; a new password needs the current one and ends the user's other sessions. */
    async updateMe(actor: Actor, input: UpdateMeRequest) {
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
