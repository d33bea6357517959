import { zodResolver } from '@hookform/resolvers/zod';
import { signupRequestSchema } from '@spanner/contracts';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { NewPasswordField } from '../../../components/NewPasswordField';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { TextField } from '../../../components/ui/FormField';
import { textLinkClasses } from '../../../components/ui/text-link';
import { showServerErrors } from '../../../lib/form-errors';
import { withReturnPath } from '../../../lib/return-path';
import { useSignup } from '../api';
import { AuthCard } from '../components/AuthCard';

/** A new account and its first organization; the route then sends the user on. */
export function SignupPage() {
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const signup = useSignup();
  const form = useForm({
    resolver: zodResolver(signupRequestSchema),
    defaultValues: { name: '', email: '', password: '', organizationName: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    signup.mutate(values, {
      onError: (error) => showServerErrors(error, form.setError, ['name', 'email', 'password', 'organizationName']),
    }),
  );

  return (
    <AuthCard
      title="Create your account"
      description="Start with your own organization; invite your team once you are in."
      footer={
        <p>
          Already have an account?{' '}
          <Link to={withReturnPath('/login', next)} className={textLinkClasses}>
            Sign in
          </Link>
        </p>
      }
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
        <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
        <NewPasswordField label="Password" error={errors.password?.message} {...form.register('password')} />
        <TextField label="Organization name" autoComplete="organization" error={errors.organizationName?.message} {...form.register('organizationName')} />
        <Button type="submit" loading={signup.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
