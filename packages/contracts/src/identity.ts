import { z } from 'zod';

export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const MIN_PASSWORD_LENGTH = 10;

/** Trimmed and lower-cased before it is checked, so `Ada@Example.com ` is one address with `ada@example.com`. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address' }).max(254));

/** Length only: the server also refuses common passwords, which would be too big to ship here. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256, { error: 'Use at most 256 characters' });

/** A one-time token from an emailed link (invitation, verification, reset). */
export const linkTokenSchema = z.string().trim().min(1, { error: 'The link is incomplete' }).max(200);

export const signupRequestSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    name: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
    /** The new organization; not needed when signing up through an invitation. */
    organizationName: z.string().trim().min(1, { error: 'Name your organization' }).max(120).optional(),
    /** Signs up through an invitation link: joins that organization (and proves the email). */
    invitationToken: linkTokenSchema.optional(),
  })
  .strict()
  .refine((body) => body.organizationName !== undefined || body.invitationToken !== undefined, {
    path: ['organizationName'],
    error: 'Name your organization',
  })
  .meta({ id: 'SignupRequest', examples: [{ email: 'ada@example.com', password: 'correct horse battery staple', name: 'Ada Lovelace', organizationName: 'Analytical Engines' }] });

export const loginRequestSchema = z
  .object({
    email: emailSchema,
    // Any length: a login must not reveal which rule a stored password predates.
    password: z.string().min(1, { error: 'Enter your password' }).max(256),
  })
  .strict()
  .meta({ id: 'LoginRequest', examples: [{ email: 'ada@example.com', password: 'correct horse battery staple' }] });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
  })
  .meta({ id: 'OrganizationMembership' });

export const sessionResponseSchema = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires; refresh before then. */
    expiresIn: z.number().int(),
    user: userSchema,
    /** The organization the access token acts in; null for a user who belongs to none. */
    organization: organizationSchema.nullable(),
  })
  .meta({ id: 'Session' });

export const meResponseSchema = z
  .object({
    user: userSchema,
    organization: organizationSchema.nullable(),
    organizations: z.array(organizationSchema),
  })
  .meta({ id: 'Me' });

export type SignupRequest = z.infer<typeof signupRequestSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type User = z.infer<typeof userSchema>;
export type OrganizationMembership = z.infer<typeof organizationSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;

export const organizationNameSchema = z.string().trim().min(1, { error: 'Enter a name' }).max(120);

export const createOrganizationRequestSchema = z
  .object({ name: organizationNameSchema })
  .strict()
  .meta({ id: 'CreateOrganizationRequest', examples: [{ name: 'Difference Engines' }] });
export const renameOrganizationRequestSchema = z
  .object({ name: organizationNameSchema })
  .strict()
  .meta({ id: 'RenameOrganizationRequest', examples: [{ name: 'Analytical Engines Ltd' }] });
export const switchOrganizationRequestSchema = z
  .object({ organizationId: z.uuid() })
  .strict()
  .meta({ id: 'SwitchOrganizationRequest', examples: [{ organizationId: '01920000-0000-7000-8000-000000000000' }] });

export const organizationListSchema = z.object({ data: z.array(organizationSchema) }).meta({ id: 'OrganizationList' });

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });

export const memberListSchema = z.object({ data: z.array(memberSchema) }).meta({ id: 'MemberList' });
export const changeRoleRequestSchema = z.object({ role: roleSchema }).strict().meta({ id: 'ChangeRoleRequest', examples: [{ role: 'viewer' }] });

export type Member = z.infer<typeof memberSchema>;

export const updateMeRequestSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Enter your name' }).max(120).optional(),
    currentPassword: z.string().max(256).optional(),
    newPassword: newPasswordSchema.optional(),
  })
  .strict()
  .refine((body) => body.newPassword === undefined || Boolean(body.currentPassword), {
    path: ['currentPassword'],
    error: 'Enter your current password to set a new one',
  })
  .meta({ id: 'UpdateMeRequest', examples: [{ name: 'Ada King' }] });

export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

export const forgotPasswordRequestSchema = z
  .object({ email: emailSchema })
  .strict()
  .meta({ id: 'ForgotPasswordRequest', examples: [{ email: 'ada@example.com' }] });

export const resetPasswordRequestSchema = z
  .object({ token: linkTokenSchema, password: newPasswordSchema })
  .strict()
  .meta({ id: 'ResetPasswordRequest', examples: [{ token: 'from-the-emailed-link', password: 'a new long passphrase' }] });

export const verifyEmailRequestSchema = z
  .object({ token: linkTokenSchema })
  .strict()
  .meta({ id: 'VerifyEmailRequest', examples: [{ token: 'from-the-emailed-link' }] });

export type ForgotPasswordRequest = z.infer<typeof forgotPasswordRequestSchema>;
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;
export type VerifyEmailRequest = z.infer<typeof verifyEmailRequestSchema>;
