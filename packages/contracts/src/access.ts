import { z } from 'zod';
import { emailSchema, linkTokenSchema, roleSchema } from './identity.js';

/** A list page (DESIGN.md §5): the rows and the cursor of the next page, null on the last one. */
export const pageInfoSchema = z.object({ nextCursor: z.string().nullable() }).meta({ id: 'PageInfo' });

export const listLimitSchema = z.coerce.number().int().min(1).max(200).default(50);

export const invitationStatusSchema = z.enum(['pending', 'expired']);

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    status: invitationStatusSchema,
    invitedByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });

export const invitationListSchema = z.object({ data: z.array(invitationSchema) }).meta({ id: 'InvitationList' });

export const createInvitationRequestSchema = z
  .object({ email: emailSchema, role: roleSchema })
  .strict()
  .meta({ id: 'CreateInvitationRequest', examples: [{ email: 'grace@example.com', role: 'member' }] });

/** What the invitation link shows before anyone signs in: whose organization, as what. */
export const invitationPreviewSchema = z
  .object({
    organizationName: z.string(),
    email: z.string(),
    role: roleSchema,
    invitedByName: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    /** Whether an account with this email exists (sign in to accept) or not (sign up to accept). */
    hasAccount: z.boolean(),
  })
  .meta({ id: 'InvitationPreview' });

export const invitationTokenQuerySchema = z.object({ token: linkTokenSchema });

export const acceptInvitationRequestSchema = z
  .object({ token: linkTokenSchema })
  .strict()
  .meta({ id: 'AcceptInvitationRequest', examples: [{ token: 'from-the-emailed-link' }] });

export type Invitation = z.infer<typeof invitationSchema>;
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string(),
    /** The person the key acts for; null when that account was deleted. */
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable(),
    /**
     * The role the key acts with now: its own, lowered to its creator's current role; null when
     * the creator is no longer a member, so the key is refused until someone reassigns it.
     */
    effectiveRole: roleSchema.nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList' });

export const createApiKeyRequestSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Name the key' }).max(120),
    role: roleSchema,
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Enter a date and time' })
      .refine((value) => Date.parse(value) > Date.now(), { error: 'Choose a time in the future' })
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: 'CreateApiKeyRequest', examples: [{ name: 'Zapier sync', role: 'member' }] });

/** The created key with its secret: shown this once, never again. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() }).meta({ id: 'CreatedApiKey' });

export type ApiKey = z.infer<typeof apiKeySchema>;
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const auditActions = ['insert', 'update', 'delete'] as const;
export const auditActionSchema = z.enum(auditActions);

export const auditActorSchema = z
  .object({
    type: z.enum(['user', 'apiKey', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  })
  .meta({ id: 'AuditActor' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    action: auditActionSchema,
    tableName: z.string(),
    rowId: z.string(),
    actor: auditActorSchema,
    changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditLogQuerySchema = z
  .object({
    /** A user id or an API key id. */
    actorId: z.uuid().optional(),
    tableName: z.string().regex(/^[a-z_]+$/, { error: 'Use a table name such as memberships' }).max(63).optional(),
    rowId: z.string().max(100).optional(),
    action: auditActionSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: listLimitSchema,
    cursor: z.string().max(100).optional(),
  })
  .strict();

export const auditLogPageSchema = z.object({ data: z.array(auditEntrySchema), page: pageInfoSchema }).meta({ id: 'AuditLogPage' });

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

export const devMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    sentAt: z.iso.datetime(),
  })
  .meta({ id: 'DevMail' });

export const devMailboxSchema = z.object({ data: z.array(devMailSchema) }).meta({ id: 'DevMailbox' });

export type DevMail = z.infer<typeof devMailSchema>;
