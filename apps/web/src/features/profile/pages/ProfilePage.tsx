import { zodResolver } from '@hookform/resolvers/zod';
import { updateMeRequestSchema, type User } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { NewPasswordField } from '../../../components/NewPasswordField';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Card } from '../../../components/ui/Card';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { describeError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/form-errors';
import { useLogoutEverywhere, useUpdateMe } from '../api';

export function ProfilePage({ user }: { user: User }) {
  return (
    <div className="flex flex-col gap-6">
      <title>Profile · Spanner CRM</title>
      <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
      <NameForm user={user} />
      <PasswordForm />
      <SignOutEverywhere />
    </div>
  );
}

function NameForm({ user }: { user: User }) {
  const updateMe = useUpdateMe();
  const form = useForm({ resolver: zodResolver(updateMeRequestSchema), values: { name: user.name } });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    updateMe.mutate(values, {
      onSuccess: () => toast.success('Your name is saved.'),
      onError: (error) => showServerErrors(error, form.setError, ['name']),
    }),
  );

  return (
    <Card title="Your details">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 sm:max-w-md">
        <FormAlert message={errors.root?.server?.message} />
        <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
        <div className="flex flex-col gap-1.5">
          <p className="text-sm font-medium">Email</p>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {user.email}
            {user.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
          </p>
        </div>
        <Button type="submit" className="self-start" loading={updateMe.isPending} disabled={!isDirty}>
          Save name
        </Button>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const updateMe = useUpdateMe();
  const form = useForm({ resolver: zodResolver(updateMeRequestSchema), defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    updateMe.mutate(values, {
      onSuccess: () => {
        toast.success('Your password has changed.');
        form.reset();
      },
      onError: (error) => showServerErrors(error, form.setError, ['currentPassword', 'newPassword']),
    }),
  );

  return (
    <Card title="Password">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4 sm:max-w-md">
        <FormAlert message={errors.root?.server?.message} />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <NewPasswordField label="New password" error={errors.newPassword?.message} {...form.register('newPassword')} />
        <Button type="submit" className="self-start" loading={updateMe.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}

function SignOutEverywhere() {
  const logoutEverywhere = useLogoutEverywhere();
  return (
    <Card title="Sessions" description="Signed in on a device you no longer use? End every session, this one included.">
      <Button
        variant="secondary"
        loading={logoutEverywhere.isPending}
        onClick={() => logoutEverywhere.mutate(undefined, { onError: (error) => toast.error(describeError(error)) })}
      >
        Sign out everywhere
      </Button>
    </Card>
  );
}
