import {
  invitationPreviewSchema,
  sessionResponseSchema,
  type ForgotPasswordRequest,
  type LoginRequest,
  type ResetPasswordRequest,
  type SignupRequest,
} from '@spanner/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { apiRequest, noContent } from '../../lib/api-client';
import { endSession, startSession } from '../../lib/auth-session';
import { meQueryKey } from '../../lib/current-user';

export const authQueryKeys = {
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
};

// The endpoints that create or end sessions answer 401 for wrong credentials: no token, no refresh.
const withoutSession = { session: false } as const;

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginRequest) => apiRequest('/api/v1/auth/login', sessionResponseSchema, { method: 'POST', json: body, ...withoutSession }),
    onSuccess: startSession,
  });
}

export function useSignup() {
  return useMutation({
    mutationFn: (body: SignupRequest) => apiRequest('/api/v1/auth/signup', sessionResponseSchema, { method: 'POST', json: body, ...withoutSession }),
    onSuccess: startSession,
  });
}

/** Ends this browser's session; the cookie goes with it. */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/auth/logout', noContent, { method: 'POST', ...withoutSession }),
    // Here, not in the caller: the caller's menu is gone once the session has ended.
    onSuccess: () => {
      endSession('signedOut');
      toast.success('You are signed out.');
    },
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordRequest) => apiRequest('/api/v1/auth/forgot-password', noContent, { method: 'POST', json: body, ...withoutSession }),
  });
}

/** Sets the new password; the server ends every session of the account, this one included. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordRequest) => apiRequest('/api/v1/auth/reset-password', noContent, { method: 'POST', json: body, ...withoutSession }),
    onSuccess: () => endSession('signedOut'),
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiRequest('/api/v1/auth/verify-email', noContent, { method: 'POST', json: { token }, ...withoutSession }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/auth/resend-verification', noContent, { method: 'POST' }),
  });
}

/** What an invitation link offers; anyone holding the link may ask. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: authQueryKeys.invitationPreview(token),
    queryFn: ({ signal }) => apiRequest(`/api/v1/invitations/preview?${new URLSearchParams({ token }).toString()}`, invitationPreviewSchema, { signal, ...withoutSession }),
    enabled: token !== '',
  });
}

/** Joins the invitation's organization; the answer is a session acting in it. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (token: string) => apiRequest('/api/v1/invitations/accept', sessionResponseSchema, { method: 'POST', json: { token } }),
    onSuccess: startSession,
  });
}
