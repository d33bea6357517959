import { roles, type ApiKey, type CreateApiKeyRequest, type CreatedApiKey, type Role } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { withSecretLookup, withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor, type ApiKeyActor } from '../auth/actor.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { findApiKeys, findKeyByHash, insertApiKey, revokeApiKey, touchApiKey, type ApiKeyRow } from './api-keys.repo.js';

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'spk_';
const PREFIX_SHOWN = API_KEY_PREFIX.length + 8;

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Roles rank owner > admin > member > viewer; nobody hands out more than they have. */
function outranks(role: Role, other: Role): boolean {
  return roles.indexOf(role) < roles.indexOf(other);
}

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
          createdBy: actor.userId,
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

    /** The actor for a presented key; null when it is unknown, revoked or expired. */
    async authenticate(secret: string, requestId: string): Promise<ApiKeyActor | null> {
      const keyHash = hashSecret(secret);
      const key = await withSecretLookup(db, keyHash, (tx) => findKeyByHash(tx, keyHash));
      if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
      const actor: ApiKeyActor = { kind: 'apiKey', apiKeyId: key.id, userId: null, orgId: key.orgId, role: key.role, requestId };
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
        await withTenant(db, tenantScopeOf(actor), (tx) => touchApiKey(tx, key.id));
      }
      return actor;
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
