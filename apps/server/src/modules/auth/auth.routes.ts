import {
  forgotPasswordRequestSchema,
  loginRequestSchema,
  meResponseSchema,
  problemSchema,
  resetPasswordRequestSchema,
  sessionResponseSchema,
  signupRequestSchema,
  switchOrganizationRequestSchema,
  updateMeRequestSchema,
  verifyEmailRequestSchema,
} from '@spanner/contracts';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { userOf } from './auth.guard.js';
import type { AuthService, ClientInfo, IssuedSession } from './auth.service.js';

export const REFRESH_COOKIE = 'spanner_refresh';
/** Set by a successful sign-in; a client holding it is not held back by others' failures on the account. */
export const KNOWN_DEVICE_COOKIE = 'spanner_device';
const KNOWN_DEVICE_DAYS = 365;

const problems = { 401: problemSchema, 403: problemSchema, 422: problemSchema, 429: problemSchema };

/** Sign-up, sign-in, refresh rotation, sign-out and the caller's profile. */
export function authRoutes(ctx: AppContext, auth: AuthService): FastifyPluginAsyncZod {
  // HttpOnly and SameSite=Strict: scripts cannot read it, other sites cannot send it; only the
  // auth endpoints ever receive it.
  const cookieOptions: CookieSerializeOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.publicUrl.startsWith('https:'),
    path: '/api/v1/auth',
    maxAge: ctx.config.refreshTokenDays * 24 * 3600,
  };
  const knownDeviceOptions: CookieSerializeOptions = { ...cookieOptions, path: '/api/v1/auth/login', maxAge: KNOWN_DEVICE_DAYS * 24 * 3600 };
  const client = (request: FastifyRequest): ClientInfo => ({
    userAgent: request.headers['user-agent'],
    ip: request.ip,
    knownDevice: request.cookies[KNOWN_DEVICE_COOKIE],
  });
  const sendSession = (reply: FastifyReply, issued: IssuedSession, status: 200 | 201) => {
    if (issued.knownDevice) reply.setCookie(KNOWN_DEVICE_COOKIE, issued.knownDevice, knownDeviceOptions);
    return reply.setCookie(REFRESH_COOKIE, issued.refreshToken, cookieOptions).status(status).send(issued.body);
  };

  return async (app) => {
    app.post(
      '/api/v1/auth/signup',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.signup',
          tags: ['auth'],
          summary: 'Create an account and its first organization',
          body: signupRequestSchema,
          response: { 201: sessionResponseSchema, 409: problemSchema, ...problems },
        },
      },
      async (request, reply) => sendSession(reply, await auth.signup(request.body, client(request), request.id), 201),
    );

    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.login',
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: loginRequestSchema,
          response: { 200: sessionResponseSchema, ...problems },
        },
      },
      async (request, reply) => sendSession(reply, await auth.login(request.body, client(request)), 200),
    );

    app.post(
      '/api/v1/auth/refresh',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.refresh',
          tags: ['auth'],
          summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
          response: { 200: sessionResponseSchema, ...problems },
        },
      },
      async (request, reply) => {
        try {
          return sendSession(reply, await auth.refresh(request.cookies[REFRESH_COOKIE], client(request)), 200);
        } catch (error) {
          reply.clearCookie(REFRESH_COOKIE, { path: cookieOptions.path });
          throw error;
        }
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { access: 'public' }, schema: { operationId: 'auth.logout', tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.logout(request.cookies[REFRESH_COOKIE]);
        return reply.clearCookie(REFRESH_COOKIE, { path: cookieOptions.path }).status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/forgot-password',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.forgotPassword',
          tags: ['auth'],
          summary: 'Email a password reset link (the answer is the same whether or not the account exists)',
          body: forgotPasswordRequestSchema,
          response: { 202: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.forgotPassword(request.body.email, client(request));
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/v1/auth/reset-password',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.resetPassword',
          tags: ['auth'],
          summary: 'Set a new password with an emailed link; every session of the account ends',
          body: resetPasswordRequestSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.resetPassword(request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/verify-email',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'auth.verifyEmail',
          tags: ['auth'],
          summary: 'Confirm the email address with the emailed link',
          body: verifyEmailRequestSchema,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.verifyEmail(request.body.token);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/resend-verification',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'auth.resendVerification',
          tags: ['auth'],
          summary: 'Email a new verification link to the signed-in user',
          security: [{ bearer: [] }],
          response: { 202: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.resendVerification(userOf(request));
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/v1/auth/logout-all',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'auth.logoutAll',
          tags: ['auth'],
          summary: 'End every session of the signed-in user',
          security: [{ bearer: [] }],
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.logoutEverywhere(userOf(request));
        return reply.clearCookie(REFRESH_COOKIE, { path: cookieOptions.path }).status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/switch-organization',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'auth.switchOrganization',
          tags: ['auth'],
          summary: 'Act in another organization of the signed-in user',
          security: [{ bearer: [] }],
          body: switchOrganizationRequestSchema,
          response: { 200: sessionResponseSchema, 404: problemSchema, ...problems },
        },
      },
      async (request) => auth.switchOrganization(userOf(request), request.body.organizationId),
    );

    app.get(
      '/api/v1/me',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'me.get',
          tags: ['me'],
          summary: 'The signed-in user, the active organization and all of theirs',
          security: [{ bearer: [] }],
          response: { 200: meResponseSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => auth.me(userOf(request)),
    );

    app.patch(
      '/api/v1/me',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'me.update',
          tags: ['me'],
          summary: 'Change your name or password (the current password is required for a new one)',
          security: [{ bearer: [] }],
          body: updateMeRequestSchema,
          response: { 200: meResponseSchema, ...problems },
        },
      },
      async (request) => auth.updateMe(userOf(request), request.body),
    );
  };
}
