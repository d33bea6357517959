import type { Role } from '@spanner/contracts';
import type { TenantScope } from '../../infra/db/tenant.js';

/** A signed-in person, resolved from an access token on every request. */
export interface UserActor {
  kind: 'user';
  userId: string;
  /** The organization the request acts in; null for a user who belongs to none. */
  orgId: string | null;
  role: Role | null;
  /** The login session (refresh token family). */
  sessionId: string;
  requestId: string;
}

/** An integration calling with an API key: one organization, no person signed in. */
export interface ApiKeyActor {
  kind: 'apiKey';
  apiKeyId: string;
  userId: null;
  /** The person the key acts for: keys it creates are theirs too. */
  creatorId: string;
  orgId: string;
  /** The key's role, lowered to its creator's current role in the organization. */
  role: Role;
  requestId: string;
}

/** Who a request acts for. */
export type Actor = UserActor | ApiKeyActor;

/** The database scope of a request: its organization, and who the audit log names. */
export function tenantScopeOf(actor: Actor): TenantScope {
  return {
    orgId: actor.orgId,
    userId: actor.userId,
    apiKeyId: actor.kind === 'apiKey' ? actor.apiKeyId : null,
    requestId: actor.requestId,
  };
}
