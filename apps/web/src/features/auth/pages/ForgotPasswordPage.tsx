import { zodResolver } from '@hookform/resolvers/zod';
import { forgotPasswordRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { textLinkClasses } from '../../../components/ui/text-link';
import { showServerErrors } from '../../../lib/form-errors';
import { useForgotPassword } from '../api';
import { AuthCard } from '../components/AuthCard';

export function ForgotPasswordPage() {
  const forgotPassword = useForgotPassword();
  const form = useForm({ resolver: zodResolver(forgotPasswordRequestSchema), defaultValues: { email: '' } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    forgotPassword.mutate(values, { onError: (error) => showServerErrors(error, form.setError, ['email']) }),
  );

  const backToLogin = (
    <p>
      <Link to="/login" className={textLinkClasses}>
        Back to sign in
      </Link>
    </p>
  );

  if (forgotPassword.isSuccess) {
    return (
      <AuthCard title="Check your inbox" footer={backToLogin}>
        {/* The same words whether or not the account exists: the page must not reveal who has one. */}
        <p role="status">
          If an account exists for <strong>{forgotPassword.variables.email}</strong>, we have sent it a link to choose a new password. The
          link works once and expires soon.
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Reset your password" description="Enter your email and we will send you a link to choose a new password." footer={backToLogin}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
        <Button type="submit" loading={forgotPassword.isPending}>
          Send reset link
        </Button>
      </form>
    </AuthCard>
  );
}
