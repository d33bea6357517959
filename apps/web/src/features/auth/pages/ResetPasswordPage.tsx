import { zodResolver } from '@hookform/resolvers/zod';
import { resetPasswordRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { NewPasswordField } from '../../../components/NewPasswordField';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { textLinkClasses } from '../../../components/ui/text-link';
import { showServerErrors } from '../../../lib/form-errors';
import { useResetPassword } from '../api';
import { AuthCard } from '../components/AuthCard';

/** Opened from the emailed link (`?token=`). */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const resetPassword = useResetPassword();
  const form = useForm({
    resolver: zodResolver(resetPasswordRequestSchema),
    defaultValues: { token: searchParams.get('token') ?? '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    resetPassword.mutate(values, {
      onSuccess: () => {
        toast.success('Your password has changed. Sign in with the new one.');
        void navigate('/login', { replace: true });
      },
      onError: (error) => showServerErrors(error, form.setError, ['password']),
    }),
  );

  // A bad or expired link comes back as an error on the token, which has no field of its own.
  const formError = errors.root?.server?.message ?? errors.token?.message;

  return (
    <AuthCard
      title="Choose a new password"
      description="Every device signed in to your account will be signed out."
      footer={
        <p>
          Link not working?{' '}
          <Link to="/forgot-password" className={textLinkClasses}>
            Request a new one
          </Link>
        </p>
      }
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <FormAlert message={formError} />
        <NewPasswordField label="New password" error={errors.password?.message} {...form.register('password')} />
        <Button type="submit" loading={resetPassword.isPending}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}
