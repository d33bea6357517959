import type { Role } from '@spanner/contracts';
import { assignableRoles, roleLabels } from '../lib/roles';

/** The `<option>`s of a role select: the roles someone with `grantor` may hand out. */
export function RoleOptions({ grantor }: { grantor: Role }) {
  return assignableRoles(grantor).map((role) => (
    <option key={role} value={role}>
      {roleLabels[role]}
    </option>
  ));
}
