import { ChevronDown, LogOut, Settings, UserRound } from 'lucide-react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { buttonVariants } from '../../../components/ui/button-variants';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../../components/ui/DropdownMenu';
import { describeError } from '../../../lib/api-client';
import { useMe } from '../../../lib/current-user';
import { useLogout } from '../api';

/** The signed-in user's menu in the header: their settings and signing out. */
export function UserMenu() {
  const me = useMe();
  const logout = useLogout();
  const user = me.data?.user;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className={buttonVariants({ variant: 'ghost', size: 'sm', className: 'max-w-48' })}>
        <UserRound aria-hidden="true" className="size-4 shrink-0" />
        <span className="sr-only">Account: </span>
        <span className="truncate">{user?.name ?? 'Account'}</span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {user && <DropdownMenuLabel>{user.email}</DropdownMenuLabel>}
        <DropdownMenuItem asChild>
          <Link to="/settings/profile">
            <Settings aria-hidden="true" className="size-4" />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={logout.isPending}
          onSelect={() => logout.mutate(undefined, { onError: (error) => toast.error(describeError(error)) })}
        >
          <LogOut aria-hidden="true" className="size-4" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
