import { zodResolver } from '@hookform/resolvers/zod';
import { loginRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { textLinkClasses } from '../../../components/ui/text-link';
import { showServerErrors } from '../../../lib/form-errors';
import { withReturnPath } from '../../../lib/return-path';
import { useLogin } from '../api';
import { AuthCard } from '../components/AuthCard';

/** Sign in; the route sends a signed-in user on to `?next=` (or home). */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const login = useLogin();
  const form = useForm({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: searchParams.get('email') ?? '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    login.mutate(values, { onError: (error) => showServerErrors(error, form.setError, ['email', 'password']) }),
  );

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back to Spanner CRM."
      footer={
        <>
          <p>
            New here?{' '}
            <Link to={withReturnPath('/signup', next)} className={textLinkClasses}>
              Create an account
            </Link>
          </p>
          <p>
            <Link to="/forgot-password" className={textLinkClasses}>
              Forgot your password?
            </Link>
          </p>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
