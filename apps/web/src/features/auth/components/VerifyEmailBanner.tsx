import { MailWarning } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { describeError } from '../../../lib/api-client';
import { useMe } from '../../../lib/current-user';
import { useResendVerification } from '../api';

/** Under the header until the signed-in user has confirmed their email address. */
export function VerifyEmailBanner() {
  const me = useMe();
  const resend = useResendVerification();
  if (!me.data || me.data.user.emailVerified) return null;
  const { email } = me.data.user;

  return (
    <section aria-label="Email verification" className="border-b border-warning/50 bg-warning/15">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
        <p className="flex items-center gap-2">
          <MailWarning aria-hidden="true" className="size-4 shrink-0" />
          <span>
            Please verify your email: open the link we sent to <strong>{email}</strong>.
          </span>
        </p>
        <Button
          variant="secondary"
          size="sm"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(undefined, {
              onSuccess: () => toast.success(`We sent a new verification link to ${email}.`),
              onError: (error) => toast.error(describeError(error)),
            })
          }
        >
          Resend verification email
        </Button>
      </div>
    </section>
  );
}
