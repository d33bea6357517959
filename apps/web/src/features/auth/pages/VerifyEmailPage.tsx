import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { buttonVariants } from '../../../components/ui/button-variants';
import { LoadingState } from '../../../components/ui/QueryState';
import { describeError } from '../../../lib/api-client';
import { useSessionState } from '../../../lib/auth-session';
import { useResendVerification, useVerifyEmail } from '../api';
import { AuthCard } from '../components/AuthCard';

/** Opened from the emailed link (`?token=`): confirms the address at once, signed in or not. */
export function VerifyEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const verifyEmail = useVerifyEmail();
  const { mutate } = verifyEmail;
  // The token works once: a remount (StrictMode, a re-render) must not spend it again.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || token === '') return;
    sent.current = true;
    mutate(token);
  }, [mutate, token]);

  if (token === '') {
    return (
      <AuthCard title="Verify your email">
        <VerifyFailure message="This link is incomplete. Open the whole link from the email." />
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Verify your email">
      {verifyEmail.isSuccess ? (
        <div className="flex flex-col items-start gap-4">
          <p role="status">Your email address is verified. Thank you!</p>
          <Link to="/" className={buttonVariants()}>
            Continue to Spanner CRM
          </Link>
        </div>
      ) : verifyEmail.isError ? (
        <VerifyFailure message={describeError(verifyEmail.error)} />
      ) : (
        <LoadingState label="Verifying your email…" />
      )}
    </AuthCard>
  );
}

function VerifyFailure({ message }: { message: string }) {
  const signedIn = useSessionState().status === 'signedIn';
  const resend = useResendVerification();

  return (
    <div className="flex flex-col items-start gap-4">
      <div role="alert">
        <p className="font-medium">We could not verify your email.</p>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      {signedIn ? (
        <Button
          variant="secondary"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(undefined, {
              onSuccess: () => toast.success('We sent you a new verification link.'),
              onError: (error) => toast.error(describeError(error)),
            })
          }
        >
          Send a new link
        </Button>
      ) : (
        <Link to="/login" className={buttonVariants({ variant: 'secondary' })}>
          Sign in to get a new link
        </Link>
      )}
    </div>
  );
}
