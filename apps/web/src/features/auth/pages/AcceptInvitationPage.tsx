import { zodResolver } from '@hookform/resolvers/zod';
import { signupRequestSchema, type InvitationPreview } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { NewPasswordField } from '../../../components/NewPasswordField';
import { Button } from '../../../components/ui/Button';
import { buttonVariants } from '../../../components/ui/button-variants';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { ErrorState, LoadingState } from '../../../components/ui/QueryState';
import { ApiError, describeError } from '../../../lib/api-client';
import { useSessionState } from '../../../lib/auth-session';
import { formatDate } from '../../../lib/format';
import { showServerErrors } from '../../../lib/form-errors';
import { roleLabels } from '../../../lib/roles';
import { useAcceptInvitation, useInvitationPreview, useLogout, useSignup } from '../api';
import { AuthCard } from '../components/AuthCard';

/**
 * Opened from the emailed link (`?token=`). Shows what the invitation offers, then the one way in
 * that fits: accept (signed in as the invitee), sign up through the link, or sign in first.
 */
export function AcceptInvitationPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useInvitationPreview(token);

  if (token === '') {
    return (
      <AuthCard title="Join an organization">
        <InvalidInvitation message="This link is incomplete. Open the whole link from the email." />
      </AuthCard>
    );
  }
  if (preview.isPending) {
    return (
      <AuthCard title="Join an organization">
        <LoadingState label="Opening your invitation…" />
      </AuthCard>
    );
  }
  if (preview.isError) {
    return (
      <AuthCard title="Join an organization">
        {preview.error instanceof ApiError && preview.error.status === 404 ? (
          <InvalidInvitation message="This invitation has expired, was revoked or has already been used. Ask for a new one." />
        ) : (
          <ErrorState title="Could not open the invitation." detail={describeError(preview.error)} onRetry={() => void preview.refetch()} />
        )}
      </AuthCard>
    );
  }

  const invitation = preview.data;
  return (
    <AuthCard
      title={`Join ${invitation.organizationName}`}
      description={
        <>
          {invitation.invitedByName ?? 'Someone'} invited <strong className="text-foreground">{invitation.email}</strong> to join as{' '}
          <strong className="text-foreground">{roleLabels[invitation.role]}</strong>. The invitation expires on {formatDate(invitation.expiresAt)}.
        </>
      }
    >
      <InvitationAnswer token={token} invitation={invitation} />
    </AuthCard>
  );
}

function InvitationAnswer({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const session = useSessionState();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  if (session.status === 'restoring') return <LoadingState label="Checking whether you are signed in…" />;
  if (session.status === 'signedIn') {
    const signedInAs = session.session.user.email;
    return signedInAs === invitation.email ? <AcceptButton token={token} organizationName={invitation.organizationName} /> : <WrongAccount signedInAs={signedInAs} invitation={invitation} />;
  }
  if (invitation.hasAccount) {
    return (
      <div className="flex flex-col items-start gap-3">
        <p>You already have an account with this email. Sign in to accept the invitation.</p>
        <Link to={`/login?${new URLSearchParams({ email: invitation.email, next: here }).toString()}`} className={buttonVariants()}>
          Sign in to accept
        </Link>
      </div>
    );
  }
  return <SignupThroughInvitation token={token} email={invitation.email} organizationName={invitation.organizationName} />;
}

function AcceptButton({ token, organizationName }: { token: string; organizationName: string }) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  return (
    <div className="flex flex-col items-start gap-3">
      {accept.isError && <FormAlert message={describeError(accept.error)} />}
      <Button
        loading={accept.isPending}
        onClick={() =>
          // The promise, not onSuccess: the new session re-renders this page before callbacks run.
          accept.mutateAsync(token).then(
            () => {
              toast.success(`You joined ${organizationName}.`);
              void navigate('/', { replace: true });
            },
            () => undefined, // shown above from accept.error
          )
        }
      >
        Accept invitation
      </Button>
    </div>
  );
}

function WrongAccount({ signedInAs, invitation }: { signedInAs: string; invitation: InvitationPreview }) {
  const logout = useLogout();
  return (
    <div className="flex flex-col items-start gap-3">
      <p role="status">
        You are signed in as <strong>{signedInAs}</strong>, but this invitation is for <strong>{invitation.email}</strong>. Sign out, then open the
        link again to continue as {invitation.email}.
      </p>
      {logout.isError && <FormAlert message={describeError(logout.error)} />}
      <Button variant="secondary" loading={logout.isPending} onClick={() => logout.mutate()}>
        Sign out
      </Button>
    </div>
  );
}

interface SignupThroughInvitationProps {
  token: string;
  email: string;
  organizationName: string;
}

/** A new account for the invited address: the link proves the email, so only name and password. */
function SignupThroughInvitation({ token, email, organizationName }: SignupThroughInvitationProps) {
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useForm({
    resolver: zodResolver(signupRequestSchema),
    defaultValues: { email, name: '', password: '', invitationToken: token },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    // The promise, not onSuccess: once signed in, this page swaps the form for the signed-in view.
    signup.mutateAsync(values).then(
      () => {
        toast.success(`Welcome to ${organizationName}!`);
        void navigate('/', { replace: true });
      },
      (error: unknown) => showServerErrors(error, form.setError, ['name', 'password']),
    ),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <p>Create your account to join.</p>
      <FormAlert message={errors.root?.server?.message ?? errors.email?.message ?? errors.invitationToken?.message} />
      <TextField label="Email" type="email" readOnly value={email} description="The invitation is for this address." />
      <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
      <NewPasswordField label="Password" error={errors.password?.message} {...form.register('password')} />
      <Button type="submit" loading={signup.isPending}>
        Create account and join
      </Button>
    </form>
  );
}

function InvalidInvitation({ message }: { message: string }) {
  return (
    <div className="flex flex-col items-start gap-4">
      <div role="alert">
        <p className="font-medium">This invitation cannot be used.</p>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      <Link to="/" className={buttonVariants({ variant: 'secondary' })}>
        Go to the home page
      </Link>
    </div>
  );
}
