import type { Role } from './identity.js';

/**
 * What each role may do, as data: the server enforces it on every route and the web app reads it
 * to show only what the user can use. viewer reads; member also writes records; admin also manages
 * members, invitations, API keys and settings; owner also renames, transfers and deletes.
 */
export const permissions = {
  'organization.read': ['owner', 'admin', 'member', 'viewer'],
  'records.read': ['owner', 'admin', 'member', 'viewer'],
  'records.write': ['owner', 'admin', 'member'],
  'records.purge': ['owner', 'admin'],
  /** Notes are their author's words: others change or delete them only with this. */
  'notes.changeAny': ['owner', 'admin'],
  'members.read': ['owner', 'admin', 'member', 'viewer'],
  'members.manage': ['owner', 'admin'],
  'invitations.manage': ['owner', 'admin'],
  'apiKeys.manage': ['owner', 'admin'],
  'settings.manage': ['owner', 'admin'],
  'auditLog.read': ['owner', 'admin'],
  'organization.rename': ['owner'],
  'organization.transfer': ['owner'],
  'organization.delete': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && (permissions[permission] as readonly Role[]).includes(role);
}
