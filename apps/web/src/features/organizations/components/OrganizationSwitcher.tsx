import { Building2, ChevronsUpDown, Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../../components/ui/Badge';
import { buttonVariants } from '../../../components/ui/button-variants';
import { Dialog } from '../../../components/ui/Dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../../components/ui/DropdownMenu';
import { describeError } from '../../../lib/api-client';
import { useMe } from '../../../lib/current-user';
import { roleLabels } from '../../../lib/roles';
import { useSwitchOrganization } from '../api';
import { CreateOrganizationForm } from './CreateOrganizationForm';

/** The header's organization menu: which one the user works in, their role there, and the others. */
export function OrganizationSwitcher() {
  const me = useMe();
  const switchOrganization = useSwitchOrganization();
  const [creating, setCreating] = useState(false);
  if (!me.data) return null;
  const { organization: active, organizations } = me.data;

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className={buttonVariants({ variant: 'secondary', size: 'sm', className: 'max-w-64' })} disabled={switchOrganization.isPending}>
          <Building2 aria-hidden="true" className="size-4 shrink-0" />
          <span className="sr-only">Organization: </span>
          <span className="truncate">{active?.name ?? 'No organization'}</span>
          {active && <Badge>{roleLabels[active.role]}</Badge>}
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Your organizations</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={active?.id ?? ''}
            onValueChange={(organizationId) =>
              switchOrganization.mutate(organizationId, {
                onSuccess: (session) => toast.success(`You are working in ${session.organization?.name ?? 'another organization'} now.`),
                onError: (error) => toast.error(describeError(error)),
              })
            }
          >
            {organizations.map((organization) => (
              <DropdownMenuRadioItem key={organization.id} value={organization.id} className="justify-between">
                <span className="truncate">{organization.name}</span>
                <Badge>{roleLabels[organization.role]}</Badge>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden="true" className="size-4" />
            New organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={creating} onOpenChange={setCreating} title="New organization" description="You will be its owner, and work in it once it is created.">
        <CreateOrganizationForm onCreated={() => setCreating(false)} />
      </Dialog>
    </>
  );
}
