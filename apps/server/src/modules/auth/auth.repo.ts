import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../infra/db/client.js';
import { sessions, userTokens, users } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';

/** Users and sessions are global tables: only this repo touches them, as the server role (migration 0012). */
type Executor = Database | TenantTransaction;

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerifiedAt: users.emailVerifiedAt,
  createdAt: users.createdAt,
};

export type UserRow = { id: string; email: string; name: string; emailVerifiedAt: Date | null; createdAt: Date };
export type SessionRow = typeof sessions.$inferSelect;

export async function insertUser(
  db: Executor,
  user: { id: string; email: string; name: string; passwordHash: string; emailVerified: boolean },
): Promise<UserRow> {
  const { emailVerified, ...values } = user;
  const [row] = await db
    .insert(users)
    .values({ ...values, emailVerifiedAt: emailVerified ? sql`now()` : null })
    .returning(userColumns);
  return row!;
}

export async function findUserWithPasswordByEmail(db: Executor, email: string): Promise<(UserRow & { passwordHash: string }) | null> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertSession(db: Executor, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** Marks a refresh token used, atomically: false when another request used it first. */
export async function claimSession(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ usedAt: sql`now()` })
    .where(and(eq(sessions.id, id), isNull(sessions.usedAt), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

export async function revokeFamily(db: Executor, familyId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Executor, userId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** A login session is alive while one of its tokens is unrevoked and unexpired. */
export async function isFamilyActive(db: Executor, familyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > now()`))
    .limit(1);
  return rows.length === 1;
}

export async function setFamilyOrganization(db: Executor, familyId: string, organizationId: string): Promise<void> {
  await db.update(sessions).set({ organizationId }).where(eq(sessions.familyId, familyId));
}

export async function updateUser(db: Executor, id: string, changes: { name?: string; passwordHash?: string }): Promise<void> {
  await db.update(users).set({ ...changes, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function findPasswordHash(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash ?? null;
}

/** Ends every login session of the user but one (after a password change, the others go). */
export async function revokeOtherSessions(db: Executor, userId: string, keepFamilyId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), ne(sessions.familyId, keepFamilyId), isNull(sessions.revokedAt)));
}

export type UserTokenPurpose = (typeof userTokens.$inferSelect)['purpose'];

export async function insertUserToken(
  db: Executor,
  token: { id: string; userId: string; purpose: UserTokenPurpose; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(userTokens).values(token);
}

export async function findUserToken(db: Executor, id: string): Promise<typeof userTokens.$inferSelect | null> {
  const [row] = await db.select().from(userTokens).where(eq(userTokens.id, id));
  return row ?? null;
}

/** Spends every open token of this purpose for the user at once; false when this one was already spent. */
export async function spendUserTokens(db: Executor, id: string, userId: string, purpose: UserTokenPurpose): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.some((row) => row.id === id);
}

export async function markEmailVerified(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}
