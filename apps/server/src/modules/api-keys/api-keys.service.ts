import { roles, type ApiKey, type CreateApiKeyRequest, type CreatedApiKey, type Role } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { enterSecretLookup, enterTenant, withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor, type ApiKeyActor } from '../auth/actor.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { findApiKeys, findKeyByHash, insertApiKey, reassignApiKey, revokeApiKey, touchApiKey, type ApiKeyRow } from './api-keys.repo.js';

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'spk_';
const PREFIX_SHOWN = API_KEY_PREFIX.length + 8;

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Roles rank owner > admin > member > viewer; nobody hands out more than they have. */
function outranks(role: Role, other: Role): boolean {
  return roles.indexOf(role) < roles.indexOf(other);
}

/** What a key may do now: its role, never more than its creator's; nothing once they left. */
function effectiveRoleOf(keyRole: Role, creatorRole: Role | null): Role | null {
  if (!creatorRole) return null;
  return outranks(keyRole, creatorRole) ? creatorRole : keyRole;
}

function toApiKey({ creatorRole, ...row }: ApiKeyRow): ApiKey {
  return {
    ...row,
    effectiveRole: effectiveRoleOf(row.role, creatorRole),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A presented key: the actor it acts as, or why it may not act although it exists. */
export type KeyAuthentication = { apiKeyId: string; actor: ApiKeyActor } | { apiKeyId: string; actor: null; refusal: string };

const noSuchKey = () => new HttpProblem({ status: 404, detail: 'No such API key.' });

export function createApiKeysService(db: Database) {
  const inScope = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);

  return {
    async list(actor: Actor): Promise<ApiKey[]> {
      return (await inScope(actor, (tx) => findApiKeys(tx))).map(toApiKey);
    },

    async create(actor: Actor, input: CreateApiKeyRequest): Promise<CreatedApiKey> {
      if (outranks(input.role, actor.role!)) {
        throw new HttpProblem({
          status: 403,
          detail: `Your role (${actor.role}) cannot create a key with the ${input.role} role.`,
        });
      }
      const secret = `${API_KEY_PREFIX}${newSecret()}`;
      const id = uuidv7();
      const row = await inScope(actor, async (tx) => {
        await insertApiKey(tx, {
          id,
          orgId: actor.orgId!,
          name: input.name,
          role: input.role,
          prefix: secret.slice(0, PREFIX_SHOWN),
          keyHash: hashSecret(secret),
          // A key made by a key belongs to the person behind it: every key leads back to a person.
          createdBy: actor.kind === 'apiKey' ? actor.creatorId : actor.userId,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        });
        const [created] = await findApiKeys(tx, id);
        return created!;
      });
      return { ...toApiKey(row), secret };
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      if (!(await inScope(actor, (tx) => revokeApiKey(tx, id)))) throw noSuchKey();
    },

    /** The caller (the person behind a calling key) takes the key over; only a key whose role is no higher than theirs. */
    async reassignToSelf(actor: Actor, id: string): Promise<ApiKey> {
      const newCreator = actor.kind === 'apiKey' ? actor.creatorId : actor.userId;
      const row = await inScope(actor, async (tx) => {
        const [key] = await findApiKeys(tx, id);
        if (!key) throw noSuchKey();
        if (outranks(key.role, actor.role!)) {
          throw new HttpProblem({ status: 403, detail: `Your role (${actor.role}) cannot take over a key with the ${key.role} role; revoke it instead.` });
        }
        if (!(await reassignApiKey(tx, id, newCreator))) throw noSuchKey();
        const [reassigned] = await findApiKeys(tx, id);
        return reassigned!;
      });
      return toApiKey(row);
    },

    /**
     * The key with this secret and what it may do, in one transaction: null when it is unknown,
     * revoked or expired; a refusal when its creator is no longer a member.
     */
    async authenticate(secret: string, requestId: string): Promise<KeyAuthentication | null> {
      const keyHash = hashSecret(secret);
      return db.transaction(async (tx) => {
        await enterSecretLookup(tx, keyHash);
        const key = await findKeyByHash(tx, keyHash);
        if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
        const role = effectiveRoleOf(key.role, key.creatorRole);
        if (!key.createdBy || !role) {
          return { apiKeyId: key.id, actor: null, refusal: 'The person this API key acts for is no longer a member of the organization; an admin can take it over or revoke it.' };
        }
        const actor: ApiKeyActor = { kind: 'apiKey', apiKeyId: key.id, userId: null, creatorId: key.createdBy, orgId: key.orgId, role, requestId };
        if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
          await enterTenant(tx, tenantScopeOf(actor));
          await touchApiKey(tx, key.id);
        }
        return { apiKeyId: key.id, actor };
      });
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
