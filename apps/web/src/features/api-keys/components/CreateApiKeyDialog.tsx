import { zodResolver } from '@hookform/resolvers/zod';
import { createApiKeyRequestSchema, type CreatedApiKey, type Role } from '@spanner/contracts';
import { Copy } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { RoleOptions } from '../../../components/RoleOptions';
import { Button } from '../../../components/ui/Button';
import { Dialog, DialogActions, DialogFormActions } from '../../../components/ui/Dialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { showServerErrors } from '../../../lib/form-errors';
import { useCreateApiKey } from '../api';

const lifetimes = { never: 'Never', '30': 'In 30 days', '90': 'In 90 days', '365': 'In a year' } as const;
type Lifetime = keyof typeof lifetimes;
const DAY_MS = 24 * 3600 * 1000;

// The server's rules for name and role; the expiry is picked from a list, so it is always valid.
const createApiKeyFormSchema = createApiKeyRequestSchema.pick({ name: true, role: true }).extend({
  lifetime: z.enum(Object.keys(lifetimes) as [Lifetime, ...Lifetime[]]),
});

function expiresAt(lifetime: Lifetime): string | null {
  return lifetime === 'never' ? null : new Date(Date.now() + Number(lifetime) * DAY_MS).toISOString();
}

interface CreateApiKeyDialogProps {
  organizationId: string;
  /** The creator's role: no key gets more than it. */
  role: Role;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Creates a key, then shows its secret this once, with a way to copy it. */
export function CreateApiKeyDialog({ organizationId, role, open, onOpenChange }: CreateApiKeyDialogProps) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  // Closing forgets the secret: nothing keeps it once the dialog is gone.
  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) setCreated(null);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={created ? 'Copy your new API key' : 'Create API key'}
      description={
        created
          ? 'This is the only time the secret is shown. Store it somewhere safe now.'
          : "Integrations use the key to call the API in this organization, with the key's role."
      }
    >
      {created ? (
        <SecretView apiKey={created} onDone={() => close(false)} />
      ) : (
        <CreateApiKeyForm organizationId={organizationId} role={role} onCreated={setCreated} onCancel={() => close(false)} />
      )}
    </Dialog>
  );
}

interface CreateApiKeyFormProps {
  organizationId: string;
  role: Role;
  onCreated: (apiKey: CreatedApiKey) => void;
  onCancel: () => void;
}

function CreateApiKeyForm({ organizationId, role, onCreated, onCancel }: CreateApiKeyFormProps) {
  const create = useCreateApiKey(organizationId);
  const form = useForm({
    resolver: zodResolver(createApiKeyFormSchema),
    defaultValues: { name: '', role: 'member' as Role, lifetime: 'never' as Lifetime },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ name, role: keyRole, lifetime }) =>
    create.mutate(
      { name, role: keyRole, expiresAt: expiresAt(lifetime) },
      {
        onSuccess: (apiKey) => {
          toast.success(`API key ${apiKey.name} is created.`);
          onCreated(apiKey);
        },
        onError: (error) => showServerErrors(error, form.setError, ['name', 'role']),
      },
    ),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Key name" description="Say what uses it, e.g. Zapier sync." autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
        <RoleOptions grantor={role} />
      </SelectField>
      <SelectField label="Expires" error={errors.lifetime?.message} {...form.register('lifetime')}>
        {Object.entries(lifetimes).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <DialogFormActions submitLabel="Create key" pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}

function SecretView({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const copy = () =>
    navigator.clipboard.writeText(apiKey.secret).then(
      () => toast.success('The secret is copied.'),
      () => toast.error('Could not copy. Select the secret and copy it yourself.'),
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-end gap-2">
        <TextField
          label={`Secret of ${apiKey.name}`}
          className="flex-1"
          readOnly
          value={apiKey.secret}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
          autoComplete="off"
        />
        <Button variant="secondary" icon={<Copy />} onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <DialogActions>
        <Button onClick={onDone}>Done</Button>
      </DialogActions>
    </div>
  );
}
