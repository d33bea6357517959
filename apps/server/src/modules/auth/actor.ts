import type { Role } from '@spanner/contracts';

/** Who a request acts for, resolved from its credentials on every request. */
export interface Actor {
  kind: 'user';
  userId: string;
  /** The organization the request acts in; null for a user who belongs to none. */
  orgId: string | null;
  role: Role | null;
  sessionId: string;
}
