import { can, type Permission } from '@spanner/contracts';
import { cx } from 'class-variance-authority';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '../lib/current-user';

interface SettingsLink {
  to: string;
  label: string;
  /** Hidden from roles without it: the page would only say "not allowed". */
  permission?: Permission;
}

const links: SettingsLink[] = [
  { to: '/settings/profile', label: 'Profile' },
  { to: '/settings/organization', label: 'Organization', permission: 'organization.read' },
  { to: '/settings/members', label: 'Members', permission: 'members.read' },
  { to: '/settings/api-keys', label: 'API keys', permission: 'apiKeys.manage' },
  { to: '/settings/audit-log', label: 'Audit log', permission: 'auditLog.read' },
];

export function SettingsLayout() {
  const role = useMe().data?.organization?.role;
  const visible = links.filter((link) => link.permission === undefined || can(role, link.permission));

  return (
    <div className="flex flex-col gap-8 md:flex-row">
      <nav aria-label="Settings" className="md:w-48 md:shrink-0">
        <ul className="flex gap-1 overflow-x-auto md:flex-col">
          {visible.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                className={({ isActive }) =>
                  cx(
                    'block rounded-md px-3 py-2 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:outline-ring',
                    isActive ? 'bg-muted font-medium text-foreground' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                  )
                }
              >
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
