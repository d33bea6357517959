import type { OrganizationMembership } from '@spanner/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { describeError } from '../../../lib/api-client';
import { useLeaveOrganization } from '../api';

export function LeaveOrganization({ organization }: { organization: OrganizationMembership }) {
  const navigate = useNavigate();
  const leave = useLeaveOrganization(organization.id);
  const [open, setOpen] = useState(false);

  return (
    <Card title="Leave organization" tone="danger" description="You lose access to its records. The last owner must make someone else owner first.">
      <Button variant="danger" onClick={() => setOpen(true)}>
        Leave organization
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Leave ${organization.name}?`}
        description="To come back, someone will have to invite you again."
        confirmLabel="Leave organization"
        pending={leave.isPending}
        onConfirm={() =>
          // The promise, not onSuccess: the session moves to another organization first, and this page may be gone by then.
          leave.mutateAsync().then(
            () => {
              toast.success(`You left ${organization.name}.`);
              void navigate('/', { replace: true });
            },
            (error: unknown) => {
              setOpen(false);
              toast.error(describeError(error));
            },
          )
        }
      />
    </Card>
  );
}
